using CapiKit.Outbox.Worker;
using CapiKit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CapiKit.Outbox.Tests;

/// <summary>The worker's housekeeping: retention of delivered rows, and handing a batch back when the app stops.</summary>
public sealed class WorkerLifecycleTests
{
    [Fact]
    public async Task Delivered_rows_are_pruned_once_their_retention_has_passed()
    {
        FakeTimeProvider time = new(DateTimeOffset.UtcNow);
        using SqliteFile file = new();
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync(new EmulatorOptions { TimeProvider = time });
        await using OutboxHost host = OutboxHost.Create(emulator, outbox => outbox.UseSqlite(file.ConnectionString), time, options =>
        {
            options.DeliveredRetention = TimeSpan.FromDays(1);
            options.PruneInterval = TimeSpan.FromHours(1);
            options.PollInterval = TimeSpan.FromMinutes(1);
        });
        await host.Outbox.EnqueueAsync(Enumerable.Range(0, 5).Select(i => TestEvents.Purchase("keep", i, time.GetUtcNow())));
        await host.StartWorkerAsync();
        await host.WaitUntilEmptyAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(5, file.Rows().Count);

        for (int hour = 0; hour < 23; hour++)
        {
            time.Advance(TimeSpan.FromHours(1));
            await Task.Delay(10);
        }

        Assert.Equal(5, file.Rows().Count); // not yet a day old

        await KillTests.WaitUntilAsync(() =>
        {
            time.Advance(TimeSpan.FromMinutes(30));
            return file.Rows().Count == 0;
        }, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Stopping_mid_request_hands_the_batch_back_for_the_next_start()
    {
        using SqliteFile file = new();
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        emulator.AddFault(new FaultRule(FaultKind.SlowResponse, Delay: TimeSpan.FromSeconds(30)));
        await using (OutboxHost first = OutboxHost.Create(emulator, outbox => outbox.UseSqlite(file.ConnectionString), outbox: o => o.LeaseDuration = TimeSpan.FromHours(1)))
        {
            await first.Outbox.EnqueueAsync(Enumerable.Range(0, 10).Select(i => TestEvents.Purchase("stop", i, DateTimeOffset.UtcNow)));
            await first.StartWorkerAsync();
            await KillTests.WaitUntilAsync(() => emulator.InFlight > 0, TimeSpan.FromSeconds(30));
        }

        // The lease was an hour: only the hand-back on stop makes the events due again at once.
        emulator.ClearFaults();
        await using OutboxHost second = OutboxHost.Create(emulator, outbox => outbox.UseSqlite(file.ConnectionString));
        await second.StartWorkerAsync();
        await second.WaitUntilEmptyAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(10, emulator.DistinctEventCount);
    }

    [Fact]
    public async Task A_lease_shorter_than_the_clients_retries_is_reported()
    {
        using SqliteFile file = new();
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        await using OutboxHost host = OutboxHost.Create(
            emulator,
            outbox => outbox.UseSqlite(file.ConnectionString),
            outbox: o => o.LeaseDuration = TimeSpan.FromSeconds(5),
            client: c => (c.MaxRetryAttempts, c.AttemptTimeout) = (3, TimeSpan.FromSeconds(10)));
        await host.StartWorkerAsync();

        await KillTests.WaitUntilAsync(() => host.Logs.GetSnapshot().Any(r => r.Message.Contains("LeaseDuration 00:00:05 is shorter", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
    }
}
