namespace CapiKit.Testing;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 with an empty body.</summary>
    ServerError = 1,

    /// <summary>HTTP 429 with a <c>Retry-After</c> header.</summary>
    TooManyRequests,

    /// <summary>No answer until the client gives up (or the delay passes).</summary>
    Timeout,

    /// <summary>A delay, then the normal answer.</summary>
    SlowResponse,

    /// <summary>HTTP 400 with a Graph error envelope carrying <see cref="FaultRule.GraphCode"/>.</summary>
    GraphError,

    /// <summary>HTTP 503 with an empty body, as during an outage.</summary>
    ServiceUnavailable,
}

/// <summary>
/// A fault the emulator injects: always, a number of times, or with a probability (drawn from the emulator's
/// seeded random source, so a test run can be repeated exactly).
/// </summary>
/// <param name="Kind">What happens.</param>
/// <param name="Probability">The chance, from 0 to 1, that a request gets the fault.</param>
/// <param name="Times">How many requests get it at most; null for no limit.</param>
/// <param name="GraphCode">The Graph error code of <see cref="FaultKind.GraphError"/> (2, 4, 17 and 613 are transient; 100 is not).</param>
/// <param name="Delay">How long <see cref="FaultKind.Timeout"/> and <see cref="FaultKind.SlowResponse"/> wait.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> of <see cref="FaultKind.TooManyRequests"/>.</param>
public sealed record FaultRule(
    FaultKind Kind,
    double Probability = 1,
    int? Times = null,
    int GraphCode = 2,
    TimeSpan? Delay = null,
    TimeSpan? RetryAfter = null);
