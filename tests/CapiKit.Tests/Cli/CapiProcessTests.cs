using System.Diagnostics;
using System.Text.Json;

namespace CapiKit.Tests.Cli;

/// <summary>
/// The <c>capi</c> process itself, on real pipes and files: its standard output is buffered, so the tests check
/// that answers still come when a caller waits for them, and that output that cannot be written fails the run.
/// </summary>
public sealed class CapiProcessTests
{
    private static readonly string Capi = Path.Combine(AppContext.BaseDirectory, "capi.dll");

    [Fact]
    public async Task A_line_written_to_a_running_capi_is_answered_before_standard_input_ends()
    {
        using Process capi = Start(["hash", "--jsonl"], shell: null);

        // The caller keeps standard input open and waits: the answer must come without it closing.
        await capi.StandardInput.WriteLineAsync("""{"field":"em","value":" John_Smith@Gmail.com "}""");
        await capi.StandardInput.FlushAsync();
        string? answer = await capi.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(answer);
        Assert.Equal("john_smith@gmail.com", JsonDocument.Parse(answer).RootElement.GetProperty("normalized").GetString());

        capi.StandardInput.Close();
        await capi.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, capi.ExitCode);
    }

    [Fact]
    public async Task Output_that_cannot_be_written_fails_the_run_with_the_reason()
    {
        Assert.True(File.Exists("/dev/full"), "this test needs Linux's /dev/full, which fails every write with 'no space left'");
        using Process capi = Start(["hash", "em", "a@example.com"], shell: "> /dev/full");
        string error = await capi.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await capi.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(74, capi.ExitCode);
        Assert.Contains("cannot write standard output", error, StringComparison.Ordinal);
        Assert.DoesNotContain("a@example.com", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    // With a shell redirection, capi runs under /bin/sh so that its standard output can be a file such as /dev/full.
    private static Process Start(string[] arguments, string? shell)
    {
        ProcessStartInfo start = shell is null ? new(DotNetHost()) : new("/bin/sh");
        if (shell is null)
        {
            start.ArgumentList.Add(Capi);
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
        }
        else
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"exec \"$0\" \"$@\" {shell}");
            start.ArgumentList.Add(DotNetHost());
            start.ArgumentList.Add(Capi);
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return Process.Start(start)!;
    }

    private static string DotNetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet" ? process
        : "dotnet";
}
