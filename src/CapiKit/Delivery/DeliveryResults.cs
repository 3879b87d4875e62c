namespace CapiKit.Delivery;

/// <summary>How one event ended.</summary>
public enum DeliveryOutcome
{
    /// <summary>Meta accepted the request that carried the event.</summary>
    Accepted = 1,

    /// <summary>The event was not delivered; <see cref="EventResult.Failure"/> says why.</summary>
    Failed,
}

/// <summary>Why an event was not delivered.</summary>
public enum FailureKind
{
    /// <summary>Pre-flight found it invalid; it was never sent, so it sank no batch.</summary>
    Preflight = 1,

    /// <summary>Meta rejected the request it was in with a Graph error.</summary>
    GraphError,

    /// <summary>Transient failures (timeouts, 5xx, throttling) outlasted every retry.</summary>
    TransientExhausted,

    /// <summary>The request could not be sent or its answer could not be read.</summary>
    Transport,
}

/// <summary>Why an event failed: the kind, Meta's error details when there are any, and the pre-flight problems.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">A sentence for people; never a customer value or the token.</param>
/// <param name="GraphCode">Meta's error code.</param>
/// <param name="GraphSubcode">Meta's error subcode.</param>
/// <param name="FbTraceId">Meta's trace ID, for support.</param>
/// <param name="UserMessage">Meta's <c>error_user_msg</c>.</param>
/// <param name="DiagnosticId">The CAPI diagnostic that would have caught it at compile time.</param>
/// <param name="Problems">Pre-flight's findings, for <see cref="FailureKind.Preflight"/>.</param>
public sealed record DeliveryFailure(
    FailureKind Kind,
    string Message,
    int? GraphCode = null,
    int? GraphSubcode = null,
    string? FbTraceId = null,
    string? UserMessage = null,
    string? DiagnosticId = null,
    IReadOnlyList<EventProblem>? Problems = null)
{
    /// <summary>The kind, the message, Meta's code, subcode and trace ID where there are any, and each problem.</summary>
    public override string ToString()
    {
        System.Text.StringBuilder text = new();
        text.Append(Kind).Append(": ").Append(Message);
        if (GraphCode is { } code)
        {
            text.Append(" (Graph error ").Append(code);
            if (GraphSubcode is { } subcode)
            {
                text.Append(", subcode ").Append(subcode);
            }

            text.Append(')');
        }

        if (!string.IsNullOrEmpty(FbTraceId))
        {
            text.Append(" fbtrace_id ").Append(FbTraceId);
        }

        // The message already joins the problems for pre-flight failures; only list them when it does not.
        if (Problems is { Count: > 0 } problems && Message != string.Join("; ", problems))
        {
            text.Append(": ").Append(string.Join("; ", problems));
        }

        return text.ToString();
    }
}

/// <summary>The end of one event: its position in the input, and accepted or failed.</summary>
/// <param name="Index">The event's position in what was passed to <see cref="ConversionsApiClient.SendAsync"/>.</param>
/// <param name="EventId">The event's <c>event_id</c>, if it has one.</param>
/// <param name="Outcome">Accepted or failed.</param>
/// <param name="FbTraceId">Meta's trace ID of the accepting request.</param>
/// <param name="Failure">Why it failed, when it did.</param>
public sealed record EventResult(int Index, string? EventId, DeliveryOutcome Outcome, string? FbTraceId, DeliveryFailure? Failure);

/// <summary>The outcome of one <see cref="ConversionsApiClient.SendAsync"/>: one result per event, in input order.</summary>
public sealed class DeliveryReport
{
    internal DeliveryReport(IReadOnlyList<EventResult> results, int requestsSent)
    {
        Results = results;
        RequestsSent = requestsSent;
    }

    /// <summary>One result per event, in the order the events were given.</summary>
    public IReadOnlyList<EventResult> Results { get; }

    /// <summary>How many requests carried the events (retries not counted).</summary>
    public int RequestsSent { get; }

    /// <summary>The events Meta accepted.</summary>
    public IEnumerable<EventResult> Accepted => Results.Where(r => r.Outcome == DeliveryOutcome.Accepted);

    /// <summary>The events that were not delivered.</summary>
    public IEnumerable<EventResult> Failed => Results.Where(r => r.Outcome == DeliveryOutcome.Failed);

    /// <summary>Counts only; no event content.</summary>
    public override string ToString()
    {
        int accepted = Accepted.Count();
        return $"{accepted} {(accepted == 1 ? "event" : "events")} accepted, {Failed.Count()} failed, in {RequestsSent} {(RequestsSent == 1 ? "request" : "requests")}";
    }
}
