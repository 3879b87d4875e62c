using System.Globalization;

namespace CapiKit.Pii.Rules;

/// <summary>
/// The SDK-only keys <c>dobd</c>, <c>dobm</c> and <c>doby</c>: one part of a date of birth, as Meta's SDKs
/// format it (DD, MM, YYYY).
/// </summary>
internal sealed class BirthPartRule(string name, BirthPart part) : NormalizationRule
{
    public override string Name => name;

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        List<string> tokens = DateParts.Tokenize(input);
        if (tokens.Count == 0)
        {
            return RuleOutcome.Fail(NormalizationFailure.Empty, $"the {Describe()} is empty");
        }

        if (tokens.Count != 1)
        {
            return RuleOutcome.Fail(NormalizationFailure.InvalidFormat, $"expected only the {Describe()}");
        }

        string token = tokens[0];
        int value = DateParts.IsNumber(token)
            ? DateParts.Number(token)
            : part == BirthPart.Month ? DateParts.MonthFromName(token) : 0;

        (int min, int max, string format) = part switch
        {
            BirthPart.Day => (1, 31, "D2"),
            BirthPart.Month => (1, 12, "D2"),
            _ => (DateParts.MinYear, DateParts.CurrentYear(options), "D4"),
        };

        bool yearHasFourDigits = part != BirthPart.Year || token.Length == 4;
        return value >= min && value <= max && yearHasFourDigits
            ? RuleOutcome.Ok(value.ToString(format, CultureInfo.InvariantCulture))
            : RuleOutcome.Fail(NormalizationFailure.Unrecognized, $"the {Describe()} must be from {min} to {max}");
    }

    private string Describe() => part switch
    {
        BirthPart.Day => "day of birth",
        BirthPart.Month => "month of birth",
        _ => "year of birth",
    };
}

/// <summary>Which part of a date of birth a <see cref="BirthPartRule"/> reads.</summary>
internal enum BirthPart
{
    Day,
    Month,
    Year,
}
