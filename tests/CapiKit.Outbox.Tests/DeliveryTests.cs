using System.Text;
using CapiKit.Outbox.Worker;
using CapiKit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CapiKit.Outbox.Tests;

public sealed class DeliveryTests
{
    [Fact]
    public async Task Enqueue_stores_hashed_events_before_it_returns_and_the_worker_delivers_each_once()
    {
        using SqliteFile file = new();
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync(new EmulatorOptions { AccessToken = OutboxHost.Token });
        await using OutboxHost host = OutboxHost.Create(emulator, outbox => outbox.UseSqlite(file.ConnectionString));
        DateTimeOffset now = DateTimeOffset.UtcNow;

        await host.Outbox.EnqueueAsync(Enumerable.Range(0, 50).Select(i => TestEvents.Purchase("d", i, now)));

        Assert.Equal(50, (await host.Outbox.GetStatsAsync()).Pending);
        string stored = StoredText(file);
        Assert.DoesNotContain("@example.com", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(OutboxHost.Token, stored, StringComparison.Ordinal);
        Assert.Contains("\"em\":[\"", stored, StringComparison.Ordinal);

        await host.StartWorkerAsync();
        await host.WaitUntilEmptyAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(50, emulator.DistinctEventCount);
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal(1, emulator.ArrivalCount($"d-{i}", "Purchase")));
        Assert.All(file.Rows(), row => Assert.Equal(1, row.State));
        string Logs() => string.Join('\n', host.Logs.GetSnapshot().Select(r => r.Message));
        await KillTests.WaitUntilAsync(() => Logs().Contains("Delivered 50 outbox events", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        string logs = Logs();
        Assert.DoesNotContain("@example.com", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(OutboxHost.Token, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanent_graph_error_ends_failed_with_metas_code_and_a_retry_delivers_it()
    {
        using SqliteFile file = new();
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync(new EmulatorOptions { AccessToken = OutboxHost.Token });
        emulator.AddFault(new FaultRule(FaultKind.GraphError, Times: 1, GraphCode: 100));
        await using OutboxHost host = OutboxHost.Create(emulator, outbox => outbox.UseSqlite(file.ConnectionString));
        await host.StartWorkerAsync();
        DateTimeOffset now = DateTimeOffset.UtcNow;

        await host.Outbox.EnqueueAsync(Enumerable.Range(0, 5).Select(i => TestEvents.Purchase("p", i, now)));
        await host.WaitUntilEmptyAsync(TimeSpan.FromSeconds(30));

        IReadOnlyList<FailedOutboxEvent> failed = await host.Outbox.ListFailedAsync();
        Assert.Equal(5, failed.Count);
        Assert.All(failed, f => Assert.Equal(("GraphError", 100), (f.Kind, f.GraphCode)));
        Assert.Equal(0, emulator.DistinctEventCount);
        Assert.Single(emulator.Requests); // permanent: not retried by the client nor by the outbox

        Assert.Equal(5, await host.Outbox.RetryFailedAsync(failed.Select(f => f.Id)));
        await host.WaitUntilEmptyAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(await host.Outbox.ListFailedAsync());
        Assert.Equal(5, emulator.DistinctEventCount);
    }

    [Fact]
    public async Task Metrics_report_depth_oldest_age_and_outcomes()
    {
        using SqliteFile file = new();
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync(new EmulatorOptions { AccessToken = OutboxHost.Token });
        await using OutboxHost host = OutboxHost.Create(emulator, outbox => outbox.UseSqlite(file.ConnectionString));
        OutboxMetrics metrics = host.Services.GetRequiredService<OutboxMetrics>();
        using MetricCollector<long> delivered = new(metrics.Meter, "capikit.outbox.delivered");
        using MetricCollector<long> failed = new(metrics.Meter, "capikit.outbox.failed");
        using MetricCollector<long> depth = new(metrics.Meter, "capikit.outbox.depth");
        DateTimeOffset now = DateTimeOffset.UtcNow;

        await host.Outbox.EnqueueAsync([TestEvents.Purchase("m", 0, now), TestEvents.Purchase("m", 1, now, age: TimeSpan.FromDays(8))]);
        await host.StartWorkerAsync();
        await host.WaitUntilEmptyAsync(TimeSpan.FromSeconds(30));

        // The store records the ends first, the metrics follow.
        await KillTests.WaitUntilAsync(() => delivered.GetMeasurementSnapshot().Count > 0 && failed.GetMeasurementSnapshot().Count > 0, TimeSpan.FromSeconds(10));
        Assert.Equal(1, delivered.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal("Preflight", Assert.Single(failed.GetMeasurementSnapshot()).Tags["kind"]);
        depth.RecordObservableInstruments();
        Assert.NotEmpty(depth.GetMeasurementSnapshot());
        Assert.Equal("CAPI003", Assert.Single(await host.Outbox.ListFailedAsync()).DiagnosticId);
    }

    private static string StoredText(SqliteFile file)
    {
        using SqliteConnection connection = new(file.ConnectionString);
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM capikit_outbox";
        using SqliteDataReader reader = command.ExecuteReader();
        StringBuilder text = new();
        while (reader.Read())
        {
            text.Append(Encoding.UTF8.GetString((byte[])reader.GetValue(0)));
        }

        return text.ToString();
    }
}
