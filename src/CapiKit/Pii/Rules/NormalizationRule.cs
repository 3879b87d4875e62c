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
}

/// <summary>A normalized value, or the reason there is none. Messages never include the input.</summary>
internal readonly record struct RuleOutcome(string? Value, NormalizationFailure Failure, string? Message)
{
    public static RuleOutcome Ok(string value) =>
        value.Length == 0 ? Fail(NormalizationFailure.Empty, "nothing is left after normalization") : new(value, default, null);

    public static RuleOutcome Fail(NormalizationFailure failure, string message) => new(null, failure, message);
}
