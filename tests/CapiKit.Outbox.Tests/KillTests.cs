using CapiKit.Testing;
using Xunit.Abstractions;

namespace CapiKit.Outbox.Tests;

/// <summary>Issue 16's kill test: a real process, a real SQLite file, a real SIGKILL mid-delivery.</summary>
[Collection(WorkerProcesses.Name)]
public sealed class KillTests(ITestOutputHelper output)
{
    private const int Events = 20_000;

    [Fact]
    public async Task A_process_killed_mid_delivery_loses_nothing_and_resends_only_what_was_in_flight()
    {
        using SqliteFile file = new();
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        emulator.AddFault(new FaultRule(FaultKind.SlowResponse, Delay: TimeSpan.FromMilliseconds(20)));
        string[] common = ["--store", "sqlite", "--connection", file.ConnectionString, "--endpoint", emulator.BaseAddress.ToString(), "--batch", "1000", "--request-size", "100", "--lease-ms", "2000"];

        using (WorkerProcess first = WorkerProcess.Start([.. common, "--enqueue", Events.ToString(System.Globalization.CultureInfo.InvariantCulture), "--prefix", "kill"]))
        {
            await first.WaitForLineAsync("ready", TimeSpan.FromMinutes(2));
            // A claim of 1,000 goes out as ten requests: killing between them leaves events at Meta that the store
            // has not recorded, the ones a restart sends again.
            await WaitUntilAsync(() => emulator.DistinctEventCount is int n && n >= Events / 4 && n % 1000 != 0, TimeSpan.FromMinutes(1));
            first.Kill();
        }

        await WaitUntilAsync(() => emulator.InFlight == 0, TimeSpan.FromSeconds(10));
        HashSet<string> deliveredInStore = file.Rows().Where(r => r.State == 1).Select(r => r.EventId!).ToHashSet();
        HashSet<string> arrived = emulator.Arrivals.Keys.Select(k => k.EventId).ToHashSet();
        Assert.True(arrived.Count < Events, $"The kill came too late to test anything: {arrived.Count} events had arrived.");
        Assert.Subset(arrived, deliveredInStore);

        // Arrived at Meta but not yet recorded when the process died: these alone may arrive twice.
        HashSet<string> inFlight = [.. arrived.Except(deliveredInStore)];

        using (WorkerProcess second = WorkerProcess.Start([.. common, "--exit-when-empty"]))
        {
            await second.WaitForLineAsync("empty", TimeSpan.FromMinutes(2));
        }

        Assert.Equal(Events, emulator.DistinctEventCount);
        Assert.All(Enumerable.Range(0, Events), i => Assert.True(emulator.ArrivalCount($"kill-{i}", "Purchase") >= 1, $"kill-{i} never arrived"));
        string[] duplicates = emulator.Arrivals.Where(a => a.Value > 1).Select(a => a.Key.EventId).ToArray();
        output.WriteLine($"At the kill: {arrived.Count} arrived, {deliveredInStore.Count} recorded delivered, {inFlight.Count} in flight; resent twice afterwards: {duplicates.Length}.");
        Assert.All(duplicates, id => Assert.Contains(id, inFlight));
        Assert.All(emulator.Arrivals.Values, count => Assert.True(count <= 2));

        List<(string? EventId, int State)> rows = file.Rows();
        Assert.Equal(Events, rows.Count);
        Assert.Equal(Events, rows.Select(r => r.EventId).Distinct().Count());
        Assert.All(rows, row => Assert.Equal(1, row.State));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using CancellationTokenSource cancel = new(timeout);
        while (!condition())
        {
            await Task.Delay(5, cancel.Token);
        }
    }
}
