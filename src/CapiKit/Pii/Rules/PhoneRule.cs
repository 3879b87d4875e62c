using PhoneNumbers;

namespace CapiKit.Pii.Rules;

/// <summary>
/// Meta: digits only, no leading zeros, and always the country code. libphonenumber parses the number:
/// an explicit <c>+</c> or <c>00</c> code is honoured, otherwise the caller's default region supplies it; the
/// national trunk prefix (the UK's "(0)") and any extension are dropped; numbers invalid for their country
/// are rejected. The output is E.164 without the <c>+</c>.
/// </summary>
internal sealed class PhoneRule : NormalizationRule
{
    // libphonenumber refuses longer input anyway; checking first keeps its exception off the common path.
    private const int MaxInputLength = 250;
    private const string UnknownRegion = "ZZ";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // Looked up once: every phone number with a default region checks it.
    private static readonly HashSet<string> Regions = Util.GetSupportedRegions();

    public override string Name => "phone";

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        string text = input.Trim();
        if (text.Length == 0)
        {
            return RuleOutcome.Fail(NormalizationFailure.Empty, "the phone number is empty");
        }

        if (text.Length > MaxInputLength)
        {
            return RuleOutcome.Fail(NormalizationFailure.InvalidFormat, $"a phone number has at most {MaxInputLength} characters");
        }

        string? region = options.DefaultRegion?.Trim().ToUpperInvariant();
        if (region is not null && !Regions.Contains(region))
        {
            return RuleOutcome.Fail(NormalizationFailure.InvalidOption, $"'{region}' is not an ISO 3166-1 alpha-2 region with phone numbers");
        }

        string? international = AsInternational(text);
        if (international is not null)
        {
            return Format(TryParseValid(international, UnknownRegion))
                ?? RuleOutcome.Fail(NormalizationFailure.Unrecognized, "not a valid phone number for the country code it starts with");
        }

        if (region is not null)
        {
            // A bare run of digits is first read as already carrying its country code: that is the form Meta wants
            // and this rule writes, so a normalized number stays itself under any region ("442079460958" is also a
            // valid German national number). National numbers written that way rarely read as valid international
            // ones: they start with a trunk 0 or are too short for their would-be country. Formatted input, as
            // people write it, is national first: "(650) 555-1212" in the US is +1 650..., not +65 0... in Singapore.
            bool bareDigits = !text.AsSpan().ContainsAnyExceptInRange('0', '9');
            PhoneNumber? number = bareDigits
                ? TryParseValid("+" + text, UnknownRegion) ?? TryParseValid(text, region)
                : TryParseValid(text, region) ?? TryParseValid("+" + text, UnknownRegion);
            return Format(number)
                ?? RuleOutcome.Fail(NormalizationFailure.Unrecognized, $"not a valid phone number in region {region} or with a country code");
        }

        // Without a region, Meta's rule says the digits must already start with the country code.
        return Format(TryParseValid("+" + text, UnknownRegion))
            ?? RuleOutcome.Fail(NormalizationFailure.MissingCountryCode, "the phone number has no valid country code; write it with + or give a default region");
    }

    /// <summary>Rewrites a leading "00" international prefix as "+"; null when the text has neither.</summary>
    private static string? AsInternational(string text)
    {
        int first = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u0020');
        foreach (char c in text.AsSpan(first < 0 ? 0 : first))
        {
            if (c is '+' or '\uFF0B')
            {
                return text;
            }

            if (char.IsAsciiDigit(c))
            {
                break;
            }
        }

        string digitsAndRest = text.TrimStart(" \t([{-.".ToCharArray());
        return digitsAndRest.StartsWith("00", StringComparison.Ordinal) ? "+" + digitsAndRest[2..] : null;
    }

    private static PhoneNumber? TryParseValid(string text, string region)
    {
        try
        {
            PhoneNumber number = Util.Parse(text, region);
            return Util.IsValidNumber(number) ? number : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static RuleOutcome? Format(PhoneNumber? number) =>
        number is null ? null : RuleOutcome.Ok(Util.Format(number, PhoneNumberFormat.E164).TrimStart('+'));
}
