using CapiKit.Delivery;
using CapiKit.Outbox.Worker;
using CapiKit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CapiKit.Outbox.Tests;

/// <summary>Issue 16's outage test: Meta answers 503 for a simulated hour, on a fake clock shared by app and emulator.</summary>
public sealed class OutageTests
{
    [Fact]
    public async Task An_hour_long_outage_delays_delivery_and_events_that_age_out_meanwhile_fail_unsent_as_CAPI003()
    {
        using SqliteFile file = new();
        await OutageAsync(outbox => outbox.UseSqlite(file.ConnectionString));
    }

    [PostgresFact]
    public async Task An_hour_long_outage_on_PostgreSQL_ends_the_same_way()
    {
        await using PostgresDatabase database = await PostgresDatabase.CreateAsync();
        await OutageAsync(outbox => outbox.UsePostgres(database.ConnectionString));
    }

    private static async Task OutageAsync(Action<OutboxBuilder> store)
    {
        FakeTimeProvider time = new(DateTimeOffset.UtcNow);
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync(new EmulatorOptions { AccessToken = OutboxHost.Token, TimeProvider = time });
        emulator.AddFault(new FaultRule(FaultKind.ServiceUnavailable));
        await using OutboxHost host = OutboxHost.Create(
            emulator,
            store,
            time,
            outbox =>
            {
                outbox.PollInterval = TimeSpan.FromSeconds(5);
                outbox.RetryBaseDelay = TimeSpan.FromSeconds(30);
                outbox.RetryMaxDelay = TimeSpan.FromMinutes(5);
                outbox.LeaseDuration = TimeSpan.FromHours(1);
            },
            client => client.AttemptTimeout = TimeSpan.FromHours(23)); // the fake clock jumps; no attempt should time out
        DateTimeOffset start = time.GetUtcNow();

        // 1,000 recent events, and 200 that reach Meta's 7-day limit 20 minutes into the outage.
        await host.Outbox.EnqueueAsync(Enumerable.Range(0, 1000).Select(i => TestEvents.Purchase("fresh", i, start)));
        await host.Outbox.EnqueueAsync(Enumerable.Range(0, 200).Select(i => TestEvents.Purchase("old", i, start, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(20))));
        await host.StartWorkerAsync();

        while (time.GetUtcNow() < start.AddHours(1))
        {
            await StepAsync(time);
        }

        int outageRequests = emulator.Requests.Count;
        Assert.Equal(0, emulator.DistinctEventCount);
        Assert.All(emulator.Requests, r => Assert.Equal(503, r.StatusCode));
        Assert.InRange(outageRequests, 4, 200); // retried through the hour, with backoff rather than in a tight loop
        emulator.ClearFaults();

        for (int step = 0; step < 500 && (await host.Outbox.GetStatsAsync()).Pending > 0; step++)
        {
            await StepAsync(time);
        }

        Assert.Equal(0, (await host.Outbox.GetStatsAsync()).Pending);
        Assert.All(Enumerable.Range(0, 1000), i => Assert.Equal(1, emulator.ArrivalCount($"fresh-{i}", "Purchase")));
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal(0, emulator.ArrivalCount($"old-{i}", "Purchase")));
        Assert.Equal(1000, emulator.DistinctEventCount);

        IReadOnlyList<FailedOutboxEvent> failed = await host.Outbox.ListFailedAsync(1000);
        Assert.Equal(200, failed.Count);
        Assert.All(failed, f =>
        {
            Assert.StartsWith("old-", f.EventId, StringComparison.Ordinal);
            Assert.Equal((nameof(FailureKind.Preflight), "CAPI003", 2804003), (f.Kind, f.DiagnosticId, f.GraphSubcode));
        });
    }

    /// <summary>Moves the shared clock on and gives the worker real time to act on it.</summary>
    private static async Task StepAsync(FakeTimeProvider time)
    {
        time.Advance(TimeSpan.FromSeconds(30));
        await Task.Delay(10);
    }
}
