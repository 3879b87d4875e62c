using System.Text;
using CapiKit.Cli;
using CapiKit.Cli.Commands;

// Buffered standard output, flushed by the input before it waits and at exit; see FlushingInput.
using StreamWriter output = new(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false };
using FlushingInput input = new(Console.OpenStandardInput(), Console.InputEncoding, output);
int exit = CapiCli.Run(args, input, output, Console.Error);
try
{
    output.Flush();
}
catch (IOException e)
{
    // What the last buffer held never arrived: the run failed, whatever the command returned.
    Console.Error.WriteLine($"capi: {new StandardOutputException(e).Message}");
    return HashCommand.OutputUnwritable;
}

return exit;
