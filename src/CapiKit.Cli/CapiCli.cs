using System.CommandLine;
using CapiKit.Cli.Commands;

namespace CapiKit.Cli;

/// <summary>The <c>capi</c> command line: its commands, parsed and run against the given streams.</summary>
internal static class CapiCli
{
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        RootCommand root = new("CapiKit: Meta Conversions API events, right before they run.")
        {
            HashCommand.Create(input, output, error),
            DemoCommand.Create(output, error),
        };

        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
