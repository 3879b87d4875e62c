using System.Diagnostics;
using System.Reflection;
using System.Threading.Channels;

namespace CapiKit.Outbox.Tests;

/// <summary>A CapiKit.Outbox.Worker process: started with arguments, read line by line, killed or awaited.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _errors = [];

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.Add(e.Data);
                }
            }
        };
    }

    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(params string[] arguments)
    {
        string worker = typeof(WorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WorkerAssembly").Value!;
        ProcessStartInfo start = new(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.GetFullPath(worker));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        WorkerProcess process = new(new Process { StartInfo = start });
        process._process.Start();
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits for an output line that starts with <paramref name="prefix"/>; fails with stderr when the process ends first.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using CancellationTokenSource cancel = new(timeout);
        try
        {
            await foreach (string line in _lines.Reader.ReadAllAsync(cancel.Token))
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The worker printed no '{prefix}' line within {timeout}. stderr: {Errors()}");
        }

        await _process.WaitForExitAsync();
        throw new InvalidOperationException($"The worker exited ({_process.ExitCode}) before printing '{prefix}'. stderr: {Errors()}");
    }

    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private string Errors()
    {
        lock (_errors)
        {
            return string.Join('\n', _errors);
        }
    }

    /// <summary>The dotnet host running this test (the tests run under it), or the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
