using System.Globalization;

namespace CapiKit.Pii.Rules;

/// <summary>
/// The SDK-only keys <c>dobd</c>, <c>dobm</c> and <c>doby</c>: one part of a date of birth, as Meta's SDKs
/// format it (DD, MM, YYYY).
/// </summary>
internal sealed class BirthPartRule(string name, BirthPart part) : NormalizationRule
{
    public override string Name => name;

    public override int MaxInputLength => 32;

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        string token = input.Trim().TrimEnd('.');
        if (token.Length == 0)
        {
            return RuleOutcome.Fail(NormalizationFailure.Empty, $"the {Describe()} is empty");
        }

        // Digits only: "-1" or "+5" is no part of a date, and taking its digits would turn it into one.
        int value;
        if (IsDigits(token))
        {
            int maxDigits = part == BirthPart.Year ? 4 : 2;
            if (token.Length > maxDigits || (part == BirthPart.Year && token.Length != 4))
            {
                return RuleOutcome.Fail(NormalizationFailure.InvalidFormat, $"the {Describe()} has {(part == BirthPart.Year ? "four" : "one or two")} digits");
            }

            value = DateParts.Number(token);
        }
        else if (part == BirthPart.Month && IsLetters(token))
        {
            value = DateParts.MonthFromName(token.ToLowerInvariant());
        }
        else
        {
            return RuleOutcome.Fail(NormalizationFailure.InvalidFormat,
                $"the {Describe()} must be digits only{(part == BirthPart.Month ? " or an English month name" : "")}");
        }

        (int min, int max, string format) = part switch
        {
            BirthPart.Day => (1, 31, "D2"),
            BirthPart.Month => (1, 12, "D2"),
            _ => (DateParts.MinYear, DateParts.CurrentYear(options), "D4"),
        };

        return value >= min && value <= max
            ? RuleOutcome.Ok(value.ToString(format, CultureInfo.InvariantCulture))
            : RuleOutcome.Fail(NormalizationFailure.Unrecognized, $"the {Describe()} must be from {min} to {max}");
    }

    private static bool IsDigits(string token) => !token.AsSpan().ContainsAnyExceptInRange('0', '9');

    private static bool IsLetters(string token)
    {
        foreach (char c in token)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
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
