namespace CapiKit.Pii.Rules;

/// <summary>Meta: "f" for female, "m" for male, lower case. Other values are rejected, not guessed.</summary>
internal sealed class GenderRule : NormalizationRule
{
    public override string Name => "gender";

    // The longest accepted spelling is a word.
    public override int MaxInputLength => 32;

    public override RuleOutcome Apply(string input, NormalizationOptions options) =>
        PiiText.KeepLetters(PiiText.Fold(input)) switch
        {
            "" => RuleOutcome.Fail(NormalizationFailure.Empty, "the gender is empty"),
            "f" or "female" or "woman" => RuleOutcome.Ok("f"),
            "m" or "male" or "man" => RuleOutcome.Ok("m"),
            _ => RuleOutcome.Fail(NormalizationFailure.Unrecognized, "Meta's gender key takes only f or m (female, male)"),
        };
}
