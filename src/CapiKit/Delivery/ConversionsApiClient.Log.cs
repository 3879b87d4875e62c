using Microsoft.Extensions.Logging;

namespace CapiKit.Delivery;

// Log messages carry counts, indexes, event names, codes and trace IDs: never customer values, never the token.
public sealed partial class ConversionsApiClient
{
    [LoggerMessage(1, LogLevel.Warning, "Event {Index} ({EventName}) failed pre-flight and was not sent: {Problems}")]
    private static partial void LogPreflightFailure(ILogger logger, int index, string eventName, string problems);

    // Counts go in as "events: N" so one template reads well for 1 and for 1,000; a missing trace ID reads "none".
    [LoggerMessage(2, LogLevel.Information, "Meta accepted a request (events: {Count}, fbtrace_id: {FbTraceId})")]
    private static partial void LogAccepted(ILogger logger, int count, string fbTraceId);

    [LoggerMessage(3, LogLevel.Error, "Meta rejected a request (events: {Count}) with code {Code}, subcode {Subcode}: {Message} (fbtrace_id: {FbTraceId})")]
    private static partial void LogRejected(ILogger logger, int count, int? code, int? subcode, string message, string fbTraceId);

    [LoggerMessage(4, LogLevel.Error, "A request (events: {Count}) could not be delivered: {Reason}")]
    private static partial void LogTransportFailure(ILogger logger, int count, string reason);
}
