using System.Text;
using CapiKit.Cli;

// Buffered standard output, flushed by the input before it waits and at exit; see FlushingInput.
using StreamWriter output = new(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false };
using FlushingInput input = new(Console.OpenStandardInput(), Console.InputEncoding, output);
try
{
    return CapiCli.Run(args, input, output, Console.Error);
}
finally
{
    output.Flush();
}
