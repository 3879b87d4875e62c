namespace CapiKit.Outbox;

/// <summary>An event the outbox gave up on, with why. Carries no customer data.</summary>
/// <param name="Id">The outbox's row id; pass it to <see cref="IConversionsOutbox.RetryFailedAsync"/>.</param>
/// <param name="EventId">The event's <c>event_id</c>.</param>
/// <param name="EventName">The event's <c>event_name</c>.</param>
/// <param name="EventTime">The event's <c>event_time</c>.</param>
/// <param name="Attempts">How many times a worker claimed it for sending.</param>
/// <param name="FailedAt">When it ended failed.</param>
/// <param name="Kind">Pre-flight, a Graph error, or transport (as <see cref="CapiKit.Delivery.FailureKind"/> names them).</param>
/// <param name="GraphCode">Meta's error code (100 for validation), or pre-flight's.</param>
/// <param name="GraphSubcode">Meta's error subcode, or pre-flight's (the schema's, for an event too old to send).</param>
/// <param name="Message">The reason, for people: Meta's title and message, or pre-flight's problems.</param>
/// <param name="DiagnosticId">The CAPI diagnostic that catches it at compile time (the <c>event_time</c> window's, for an event that aged out).</param>
public sealed record FailedOutboxEvent(
    long Id,
    string? EventId,
    string EventName,
    DateTimeOffset EventTime,
    int Attempts,
    DateTimeOffset FailedAt,
    string Kind,
    int? GraphCode,
    int? GraphSubcode,
    string? Message,
    string? DiagnosticId);
