using System.Diagnostics;
using CapiKit.Outbox.Worker;
using CapiKit.Testing;
using Xunit.Abstractions;

namespace CapiKit.Outbox.Tests;

/// <summary>Issue 16's many-instances test: worker processes sharing one PostgreSQL database.</summary>
[Collection(WorkerProcesses.Name)]
public sealed class ManyInstancesTests(ITestOutputHelper output)
{
    private const int Events = 20_000;

    /// <summary>One worker's rate is measured on fewer events: the same rate, in a third of the time.</summary>
    private const int SoloEvents = 4_000;

    [PostgresFact]
    public async Task Three_workers_share_the_work_deliver_everything_once_and_twice_as_fast_as_one()
    {
        await using PostgresDatabase database = await PostgresDatabase.CreateAsync();
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        emulator.AddFault(new FaultRule(FaultKind.SlowResponse, Delay: TimeSpan.FromMilliseconds(50)));
        await using OutboxHost app = OutboxHost.Create(emulator, outbox => outbox.UsePostgres(database.ConnectionString));

        double one = SoloEvents / (await RunAsync(app, database, emulator, "solo", SoloEvents, workers: 1)).TotalSeconds;
        double three = Events / (await RunAsync(app, database, emulator, "trio", Events, workers: 3)).TotalSeconds;
        output.WriteLine($"With 50 ms latency: one worker {one:F0} events/s ({SoloEvents} events), three workers {three:F0} events/s ({Events} events).");

        Assert.All(Enumerable.Range(0, SoloEvents), i => Assert.Equal(1, emulator.ArrivalCount($"solo-{i}", "Purchase")));
        Assert.All(Enumerable.Range(0, Events), i => Assert.Equal(1, emulator.ArrivalCount($"trio-{i}", "Purchase")));
        Assert.Equal(SoloEvents + Events, await database.ScalarAsync("SELECT COUNT(*) FROM capikit_outbox WHERE state = 1"));
        Assert.True(three >= one * 2, $"Three workers delivered {three:F0} events/s, one {one:F0} events/s: not twice as fast.");
    }

    [PostgresFact]
    public async Task A_worker_that_crashes_leaves_its_claim_to_the_others_after_the_lease()
    {
        const int Count = 5000;
        await using PostgresDatabase database = await PostgresDatabase.CreateAsync();
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        emulator.AddFault(new FaultRule(FaultKind.SlowResponse, Delay: TimeSpan.FromMilliseconds(50)));
        await using OutboxHost app = OutboxHost.Create(emulator, outbox => outbox.UsePostgres(database.ConnectionString));
        await EnqueueAsync(app, "crash", Count);

        WorkerProcess[] workers = [.. Enumerable.Range(0, 3).Select(_ => Worker(database, emulator, "--lease-ms", "2000"))];
        try
        {
            await Task.WhenAll(workers.Select(w => w.WaitForLineAsync("ready", TimeSpan.FromMinutes(1))));
            await Task.WhenAll(workers.Select(w => w.SendLineAsync("go")));
            await KillTests.WaitUntilAsync(() => emulator.DistinctEventCount >= Count / 4, TimeSpan.FromMinutes(1));
            workers[0].Kill();
            await Task.WhenAll(workers.Skip(1).Select(w => w.WaitForLineAsync("empty", TimeSpan.FromMinutes(2))));
        }
        finally
        {
            foreach (WorkerProcess worker in workers)
            {
                worker.Dispose();
            }
        }

        int resent = emulator.Arrivals.Values.Count(count => count > 1);
        output.WriteLine($"Resent after the crash: {resent} events.");
        Assert.Equal(Count, emulator.DistinctEventCount);
        Assert.InRange(resent, 0, 25); // at most the one batch the dead worker held
        Assert.Equal(Count, await database.ScalarAsync("SELECT COUNT(*) FROM capikit_outbox WHERE state = 1"));
    }

    private static async Task<TimeSpan> RunAsync(OutboxHost app, PostgresDatabase database, ConversionsApiEmulator emulator, string prefix, int count, int workers)
    {
        await EnqueueAsync(app, prefix, count);
        WorkerProcess[] processes = [.. Enumerable.Range(0, workers).Select(_ => Worker(database, emulator))];
        try
        {
            // Timed from "go": process start-up and JIT are not the outbox's throughput.
            await Task.WhenAll(processes.Select(p => p.WaitForLineAsync("ready", TimeSpan.FromMinutes(1))));
            Stopwatch clock = Stopwatch.StartNew();
            await Task.WhenAll(processes.Select(p => p.SendLineAsync("go")));
            await Task.WhenAll(processes.Select(p => p.WaitForLineAsync("empty", TimeSpan.FromMinutes(2))));
            return clock.Elapsed;
        }
        finally
        {
            foreach (WorkerProcess process in processes)
            {
                process.Dispose();
            }
        }
    }

    private static async Task EnqueueAsync(OutboxHost app, string prefix, int count)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        for (int start = 0; start < count; start += 1000)
        {
            await app.Outbox.EnqueueAsync(Enumerable.Range(start, Math.Min(1000, count - start)).Select(i => TestEvents.Purchase(prefix, i, now)));
        }
    }

    /// <summary>
    /// Batches of 25, so that the 50 ms of latency bounds each worker, not the CPU: sending an event costs the worker's
    /// pre-flight and the emulator's validation, and on two shared cores (with other test assemblies running beside)
    /// three workers with large batches would only measure how busy the machine is.
    /// </summary>
    private static WorkerProcess Worker(PostgresDatabase database, ConversionsApiEmulator emulator, params string[] extra) =>
        WorkerProcess.Start(
        [
            "--store", "postgres", "--connection", database.ConnectionString, "--endpoint", emulator.BaseAddress.ToString(),
            "--batch", "25", "--wait-for-go", "--exit-when-empty", .. extra,
        ]);
}
