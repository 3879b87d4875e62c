using CapiKit.Delivery;

namespace CapiKit.Outbox.Storage;

/// <summary>
/// One ending shared by several claimed events (a request's events share Meta's answer): delivered with the trace id,
/// failed with the reason, or back to pending with the next attempt's time.
/// </summary>
/// <param name="Ids">The events' row ids.</param>
/// <param name="State"><see cref="OutboxEventState.Delivered"/>, <see cref="OutboxEventState.Failed"/>, or
/// <see cref="OutboxEventState.Pending"/> for a retry.</param>
/// <param name="FbTraceId">Meta's trace id of the answer.</param>
/// <param name="NextAttemptAt">When a retried event is due again.</param>
/// <param name="Failure">Why it failed, or why it is retried.</param>
public sealed record OutboxCompletion(
    IReadOnlyList<long> Ids,
    OutboxEventState State,
    string? FbTraceId,
    DateTimeOffset? NextAttemptAt,
    DeliveryFailure? Failure);
