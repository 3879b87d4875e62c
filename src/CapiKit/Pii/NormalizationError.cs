namespace CapiKit.Pii;

/// <summary>
/// Why one value of one <c>user_data</c> key was rejected. Safe to log: it names the key and the reason,
/// never the value.
/// </summary>
/// <param name="Field">The payload key (<c>em</c>, <c>ph</c>, ...).</param>
/// <param name="Reason">The kind of failure.</param>
/// <param name="Message">A sentence for people, free of the raw value.</param>
public sealed record NormalizationError(string Field, NormalizationFailure Reason, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {Message}";
}
