using CapiKit.Delivery;
using CapiKit.Outbox.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CapiKit.Outbox;

/// <summary>
/// Drains the outbox: claims due events in batches (a lease, so a dead worker's events come back), sends them through
/// <see cref="ConversionsApiClient"/> (pre-flight at send time, the client's retries) and records each event's end.
/// Transient failures that outlast the client's retries are rescheduled with backoff, in the store.
/// </summary>
internal sealed partial class OutboxWorker : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly IOutboxStore _store;
    private readonly SchemaGate _schema;
    private readonly OutboxSignal _signal;
    private readonly OutboxMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly OutboxOptions _options;
    private readonly ILogger _logger;

    public OutboxWorker(
        IServiceProvider services,
        IOutboxStore store,
        SchemaGate schema,
        OutboxSignal signal,
        OutboxMetrics metrics,
        TimeProvider time,
        IOptions<OutboxOptions> options,
        ILogger<OutboxWorker>? logger = null)
    {
        _services = services;
        _store = store;
        _schema = schema;
        _signal = signal;
        _metrics = metrics;
        _time = time;
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Identifies this worker's claims: host, process and a random part, no configuration needed.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RunWorker)
        {
            return;
        }

        // Let the host finish starting before the first database round trip.
        await Task.Yield();
        WarnIfLeaseIsShorterThanRetries();
        DateTimeOffset nextStats = DateTimeOffset.MinValue;
        DateTimeOffset nextPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _schema.EnsureAsync(stoppingToken).ConfigureAwait(false);
                DateTimeOffset now = _time.GetUtcNow();
                if (now >= nextStats)
                {
                    _metrics.Observed(await _store.GetStatsAsync(stoppingToken).ConfigureAwait(false));
                    nextStats = now + _options.StatsInterval;
                }

                if (_options.DeliveredRetention is { } retention && now >= nextPrune)
                {
                    if (await _store.PruneDeliveredAsync(now - retention, stoppingToken).ConfigureAwait(false) is > 0 and int pruned)
                    {
                        LogPruned(_logger, pruned);
                    }

                    nextPrune = now + _options.PruneInterval;
                }

                if (await DeliverBatchAsync(stoppingToken).ConfigureAwait(false) == 0)
                {
                    await _signal.WaitAsync(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The worker outlives a database that is down for a while; it logs and tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogStoreFailure(_logger, e.GetType().Name, e.Message);
                try
                {
                    await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// A lease shorter than the client's worst case (every attempt timing out, plus the backoff between them) lets
    /// another worker take a batch that is still being sent: still at least once, but resent without need.
    /// </summary>
    private void WarnIfLeaseIsShorterThanRetries()
    {
        ConversionsApiOptions client = _services.GetRequiredService<IOptions<ConversionsApiOptions>>().Value;
        double backoff = client.RetryBaseDelay.TotalMilliseconds * (Math.Pow(2, Math.Min(client.MaxRetryAttempts, 30)) - 1);
        TimeSpan worstCase = (client.AttemptTimeout * (client.MaxRetryAttempts + 1)) + TimeSpan.FromMilliseconds(backoff);
        if (_options.LeaseDuration < worstCase)
        {
            LogShortLease(_logger, _options.LeaseDuration, worstCase);
        }
    }

    /// <summary>Claims, sends and records one batch; returns how many events it claimed.</summary>
    internal async Task<int> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset claimedAt = _time.GetUtcNow();
        IReadOnlyList<ClaimedOutboxEvent> claimed = await _store.ClaimAsync(
            WorkerId, _options.BatchSize, claimedAt, claimedAt + _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (claimed.Count == 0)
        {
            return 0;
        }

        LogClaimed(_logger, claimed.Count);
        ConversionsApiClient client = _services.GetRequiredService<ConversionsApiClient>();
        DeliveryReport report;
        try
        {
            report = await client.SendSerializedAsync(claimed.Select(e => (ReadOnlyMemory<byte>)e.Payload).ToArray(), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the batch back now rather than when the lease ends. Some may have reached Meta;
            // sending them again is the at-least-once that event_id deduplication makes harmless.
            await _store.CompleteAsync(WorkerId, [new OutboxCompletion(claimed.Select(e => e.Id).ToArray(), OutboxEventState.Pending, null, _time.GetUtcNow(), null)], _time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        DateTimeOffset now = _time.GetUtcNow();
        List<OutboxCompletion> completions = Completions(claimed, report, now);

        // Recorded even while stopping: the answers are in, and losing them would only cause resends.
        await _store.CompleteAsync(WorkerId, completions, now, CancellationToken.None).ConfigureAwait(false);
        Observe(completions);
        return claimed.Count;
    }

    private List<OutboxCompletion> Completions(IReadOnlyList<ClaimedOutboxEvent> claimed, DeliveryReport report, DateTimeOffset now)
    {
        List<OutboxCompletion> completions = [];
        foreach (IGrouping<string?, EventResult> accepted in report.Accepted.GroupBy(r => r.FbTraceId))
        {
            completions.Add(new OutboxCompletion(accepted.Select(r => claimed[r.Index].Id).ToArray(), OutboxEventState.Delivered, accepted.Key, null, null));
        }

        // A request's events share one failure object; events claimed together share their attempt count mostly.
        foreach (var failed in report.Failed.GroupBy(r => (r.Failure!, claimed[r.Index].Attempts)))
        {
            long[] ids = failed.Select(r => claimed[r.Index].Id).ToArray();
            (DeliveryFailure failure, int attempts) = failed.Key;
            completions.Add(IsTransient(failure.Kind)
                ? new OutboxCompletion(ids, OutboxEventState.Pending, failure.FbTraceId, RetryBackoff.NextAttempt(now, attempts, _options), failure)
                : new OutboxCompletion(ids, OutboxEventState.Failed, failure.FbTraceId, null, failure));
        }

        return completions;
    }

    /// <summary>Outages and throttling wait and try again; Meta's validation errors and pre-flight failures are final.</summary>
    private static bool IsTransient(FailureKind kind) => kind is FailureKind.TransientExhausted or FailureKind.Transport;

    private void Observe(List<OutboxCompletion> completions)
    {
        foreach (OutboxCompletion completion in completions)
        {
            switch (completion.State)
            {
                case OutboxEventState.Delivered:
                    _metrics.Delivered(completion.Ids.Count);
                    LogDelivered(_logger, completion.Ids.Count, completion.FbTraceId);
                    break;
                case OutboxEventState.Failed:
                    DeliveryFailure failure = completion.Failure!;
                    _metrics.Failed(completion.Ids.Count, failure.Kind.ToString());
                    LogFailed(_logger, completion.Ids.Count, failure.Kind.ToString(), failure.GraphCode, failure.GraphSubcode, failure.DiagnosticId, completion.FbTraceId);
                    break;
                default:
                    _metrics.Retried(completion.Ids.Count);
                    LogRescheduled(_logger, completion.Ids.Count, completion.Failure?.Kind.ToString() ?? "stopping", completion.NextAttemptAt);
                    break;
            }
        }
    }
}
