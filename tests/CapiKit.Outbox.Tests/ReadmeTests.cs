using CapiKit.Outbox.Worker;
using CapiKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CapiKit.Outbox.Tests;

/// <summary>The README's "Durable delivery" code, statement for statement, so it keeps compiling and working.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public async Task The_durable_delivery_section_compiles_and_works()
    {
        using SqliteFile file = new();
        await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync();
        CancellationToken cancellationToken = CancellationToken.None;
        ILogger logger = NullLogger.Instance;
        ServiceCollection services = new();

        services.AddConversionsApi(o => { o.DatasetId = "1"; o.AccessToken = "test"; o.BaseAddress = emulator.BaseAddress; }).AddOutbox(outbox => outbox.UseSqlite(file.ConnectionString));
        await using ServiceProvider provider = services.BuildServiceProvider();
        IConversionsOutbox outbox = provider.GetRequiredService<IConversionsOutbox>();
        Assert.Same(outbox, provider.GetRequiredService<IConversionsEventSink>());
        IHostedService worker = Assert.Single(provider.GetServices<IHostedService>());
        ServerEvent tooOld = TestEvents.Purchase("readme", 1, DateTimeOffset.UtcNow, TimeSpan.FromDays(8));

        await outbox.EnqueueAsync([TestEvents.Purchase("readme", 0, DateTimeOffset.UtcNow), tooOld], cancellationToken);
        await worker.StartAsync(cancellationToken);
        await KillTests.WaitUntilAsync(() => outbox.GetStatsAsync().Result.Pending == 0, TimeSpan.FromSeconds(30));

        IReadOnlyList<FailedOutboxEvent> failed = await outbox.ListFailedAsync(limit: 100, cancellationToken);
#pragma warning disable CA1848 // The README logs the plain way; apps with LoggerMessage do better.
        foreach (FailedOutboxEvent f in failed)
        {
            logger.LogWarning("{EventId} failed: {Kind} {Code}/{Subcode} {DiagnosticId}: {Message}", f.EventId, f.Kind, f.GraphCode, f.GraphSubcode, f.DiagnosticId, f.Message);
        }
#pragma warning restore CA1848

        int requeued = await outbox.RetryFailedAsync(failed.Select(f => f.Id), cancellationToken);
        await worker.StopAsync(cancellationToken);

        Assert.Equal("readme-1", Assert.Single(failed).EventId);
        Assert.Equal(1, requeued);
        Assert.Equal(1, emulator.ArrivalCount("readme-0", "Purchase"));
    }
}
