using Microsoft.Extensions.Logging;

namespace CapiKit.Outbox;

// Counts, kinds, codes and trace ids only: never a payload, a customer value or the token.
internal sealed partial class OutboxWorker
{
    [LoggerMessage(101, LogLevel.Debug, "Claimed {Count} outbox events")]
    private static partial void LogClaimed(ILogger logger, int count);

    [LoggerMessage(102, LogLevel.Information, "Delivered {Count} outbox events (fbtrace_id {FbTraceId})")]
    private static partial void LogDelivered(ILogger logger, int count, string? fbTraceId);

    [LoggerMessage(103, LogLevel.Warning, "{Count} outbox events failed for good: {Kind}, code {Code}, subcode {Subcode}, diagnostic {DiagnosticId} (fbtrace_id {FbTraceId})")]
    private static partial void LogFailed(ILogger logger, int count, string kind, int? code, int? subcode, string? diagnosticId, string? fbTraceId);

    [LoggerMessage(104, LogLevel.Warning, "{Count} outbox events wait after a {Kind} failure; next attempt at {NextAttemptAt:o}")]
    private static partial void LogRescheduled(ILogger logger, int count, string kind, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(105, LogLevel.Information, "Pruned {Count} delivered outbox events past their retention")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(106, LogLevel.Error, "The outbox store failed ({ExceptionType}: {Message}); trying again")]
    private static partial void LogStoreFailure(ILogger logger, string exceptionType, string message);

    [LoggerMessage(107, LogLevel.Warning, "OutboxOptions.LeaseDuration {Lease} is shorter than the client's retries can take ({WorstCase}): a slow batch may be claimed and sent again by another worker")]
    private static partial void LogShortLease(ILogger logger, TimeSpan lease, TimeSpan worstCase);
}
