using System.Text;
using CapiKit.Delivery;
using CapiKit.Outbox.Storage;

namespace CapiKit.Outbox.Tests;

/// <summary>What every store must do, checked the same way on SQLite and on PostgreSQL.</summary>
internal static class StoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static async Task LeasesExpireAndLateCompletionsAreIgnoredAsync(IOutboxStore store)
    {
        await store.EnsureSchemaAsync(CancellationToken.None);
        await store.EnsureSchemaAsync(CancellationToken.None); // idempotent
        await store.AddAsync(Events("lease", 10), T0, CancellationToken.None);

        IReadOnlyList<ClaimedOutboxEvent> first = await store.ClaimAsync("A", 100, T0, T0.AddSeconds(1), CancellationToken.None);
        Assert.Equal(10, first.Count);
        Assert.All(first, e => Assert.Equal(1, e.Attempts));
        Assert.Empty(await store.ClaimAsync("B", 100, T0.AddMilliseconds(500), T0.AddSeconds(2), CancellationToken.None));

        // A dies; its lease ends; B takes the events over.
        IReadOnlyList<ClaimedOutboxEvent> second = await store.ClaimAsync("B", 100, T0.AddSeconds(2), T0.AddSeconds(3), CancellationToken.None);
        Assert.Equal(first.Select(e => e.Id), second.Select(e => e.Id));
        Assert.All(second, e => Assert.Equal(2, e.Attempts));
        Assert.Equal("{\"event_name\":\"lease-0\"}", Encoding.UTF8.GetString(second[0].Payload));

        long[] ids = second.Select(e => e.Id).ToArray();
        Assert.Equal(0, await store.CompleteAsync("A", [new OutboxCompletion(ids, OutboxEventState.Delivered, "late", null, null)], T0.AddSeconds(2), CancellationToken.None));
        Assert.Equal(10, await store.CompleteAsync("B", [new OutboxCompletion(ids, OutboxEventState.Delivered, "trace", null, null)], T0.AddSeconds(2), CancellationToken.None));
        Assert.Equal(0, await store.CompleteAsync("B", [new OutboxCompletion(ids, OutboxEventState.Delivered, "again", null, null)], T0.AddSeconds(2), CancellationToken.None));
        Assert.Equal(0, (await store.GetStatsAsync(CancellationToken.None)).Pending);
    }

    public static async Task FailuresAreListedRequeuedAndDeliveredRowsPrunedAsync(IOutboxStore store)
    {
        await store.EnsureSchemaAsync(CancellationToken.None);
        await store.AddAsync(Events("fail", 4), T0, CancellationToken.None);
        IReadOnlyList<ClaimedOutboxEvent> claimed = await store.ClaimAsync("A", 100, T0, T0.AddMinutes(1), CancellationToken.None);
        DeliveryFailure invalid = new(FailureKind.GraphError, "Invalid parameter", 100, 2804019, "trace-f", "custom_data.currency is missing", "CAPI006");
        DeliveryFailure outage = new(FailureKind.TransientExhausted, "HTTP 503 without a Graph error body.");
        await store.CompleteAsync("A",
        [
            new OutboxCompletion([claimed[0].Id], OutboxEventState.Delivered, "trace-d", null, null),
            new OutboxCompletion([claimed[1].Id, claimed[2].Id], OutboxEventState.Failed, "trace-f", null, invalid),
            new OutboxCompletion([claimed[3].Id], OutboxEventState.Pending, null, T0.AddMinutes(10), outage),
        ], T0.AddSeconds(1), CancellationToken.None);

        OutboxStats stats = await store.GetStatsAsync(CancellationToken.None);
        Assert.Equal(1, stats.Pending);
        Assert.Equal(T0, stats.OldestPendingEnqueuedAt);
        Assert.Empty(await store.ClaimAsync("A", 100, T0.AddMinutes(9), T0.AddMinutes(20), CancellationToken.None)); // backoff stored
        Assert.Single(await store.ClaimAsync("A", 100, T0.AddMinutes(10), T0.AddHours(2), CancellationToken.None));

        IReadOnlyList<FailedOutboxEvent> failed = await store.ListFailedAsync(10, CancellationToken.None);
        Assert.Equal(["fail-1", "fail-2"], failed.Select(f => f.EventId));
        FailedOutboxEvent one = failed[0];
        Assert.Equal(("GraphError", 100, 2804019, "CAPI006", 1), (one.Kind, one.GraphCode, one.GraphSubcode, one.DiagnosticId, one.Attempts));
        Assert.Equal("Invalid parameter: custom_data.currency is missing", one.Message);
        Assert.Equal(T0.AddSeconds(1), one.FailedAt);

        Assert.Equal(2, await store.RequeueFailedAsync(failed.Select(f => f.Id).Append(claimed[0].Id).ToArray(), T0.AddHours(1), CancellationToken.None));
        Assert.Empty(await store.ListFailedAsync(10, CancellationToken.None));
        Assert.Equal(2, (await store.ClaimAsync("A", 100, T0.AddHours(1), T0.AddHours(2), CancellationToken.None)).Count);

        Assert.Equal(0, await store.PruneDeliveredAsync(T0, CancellationToken.None));
        Assert.Equal(1, await store.PruneDeliveredAsync(T0.AddSeconds(2), CancellationToken.None));
    }

    /// <summary>Rows whose payload is a stand-in: the store keeps bytes and never looks inside.</summary>
    public static NewOutboxEvent[] Events(string prefix, int count) =>
        Enumerable.Range(0, count)
            .Select(i => new NewOutboxEvent($"{prefix}-{i}", "Purchase", T0.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes($"{{\"event_name\":\"{prefix}-{i}\"}}")))
            .ToArray();
}
