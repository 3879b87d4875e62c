namespace CapiKit.Testing;

/// <summary>A request the emulator answered, for assertions. Holds the events as received (hashed PII only, if sent right).</summary>
/// <param name="DatasetId">The dataset in the URL.</param>
/// <param name="StatusCode">The HTTP status the emulator answered with.</param>
/// <param name="Events">Each event's JSON, in order.</param>
/// <param name="EventIds">Each event's <c>event_id</c>, in order.</param>
/// <param name="TestEventCode">The request's <c>test_event_code</c>.</param>
/// <param name="Fault">The fault injected into the request, if any.</param>
/// <param name="Response">The JSON the emulator answered with, as Meta would have.</param>
/// <param name="Problems">
/// Every reason Meta would reject each event, with the CapiKit rule that catches it. Meta answers with the first
/// only (as the emulator does in <paramref name="Response"/>); tests and tools may want them all.
/// </param>
public sealed record ReceivedRequest(
    string DatasetId,
    int StatusCode,
    IReadOnlyList<string> Events,
    IReadOnlyList<string?> EventIds,
    string? TestEventCode,
    FaultKind? Fault,
    string Response = "",
    IReadOnlyList<CapiKit.Delivery.EventProblem>? Problems = null)
{
    /// <summary>Counts only, no content.</summary>
    public override string ToString() => $"{StatusCode}: {Events.Count} events for dataset {DatasetId}{(Fault is null ? "" : $" ({Fault})")}";
}
