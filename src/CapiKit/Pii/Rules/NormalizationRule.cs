namespace CapiKit.Pii.Rules;

/// <summary>One normalization rule of the parameter schema (its <c>normalizations</c> list), by name.</summary>
internal abstract class NormalizationRule
{
    /// <summary>The rule's name in the schema.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The longest input the rule reads, in UTF-16 code units. Longer text is rejected before any work: no real
    /// name, city or identifier is that long, and a megabyte-long "first name" is a bug upstream, not a customer.
    /// </summary>
    public virtual int MaxInputLength => 256;

    /// <summary>Normalizes well-formed, non-null text. Never throws for any input.</summary>
    public abstract RuleOutcome Apply(string input, NormalizationOptions options);

    /// <summary>
    /// The rule on all-ASCII text without allocating: writes the normalized value's UTF-8 bytes into
    /// <paramref name="destination"/> and returns their count, or returns -1 when <see cref="Apply"/> must decide
    /// (rules without a fast path, and every value the fast path does not settle, rejections among them). Where
    /// it returns a count, the bytes are exactly the UTF-8 of <see cref="Apply"/>'s value.
    /// </summary>
    /// <param name="input">Non-blank ASCII text, at most <see cref="MaxInputLength"/> characters.</param>
    /// <param name="options">Normalization options.</param>
    /// <param name="destination">At least <paramref name="input"/>'s length plus <see cref="AsciiSlack"/> bytes.</param>
    public virtual int TryApplyAscii(ReadOnlySpan<char> input, NormalizationOptions options, Span<byte> destination) => -1;

    /// <summary>How many bytes beyond the input's length a fast path may write (a code longer than its input).</summary>
    public const int AsciiSlack = 8;
}

/// <summary>A normalized value, or the reason there is none. Messages never include the input.</summary>
internal readonly record struct RuleOutcome(string? Value, NormalizationFailure Failure, string? Message)
{
    public static RuleOutcome Ok(string value) =>
        value.Length == 0 ? Fail(NormalizationFailure.Empty, "nothing is left after normalization") : new(value, default, null);

    public static RuleOutcome Fail(NormalizationFailure failure, string message) => new(null, failure, message);
}
