namespace CapiKit.Pii.Rules;

/// <summary>The generic rule of Meta's SDKs for keys without one of their own: trim and lower-case.</summary>
internal sealed class TrimLowercaseRule : NormalizationRule
{
    public override string Name => "trim_lowercase";

    // The generic rule serves identifiers (app_user_id), which are opaque.
    public override int MaxInputLength => 1024;

    public override RuleOutcome Apply(string input, NormalizationOptions options) =>
        RuleOutcome.Ok(PiiText.Fold(input.Trim()));
}
