using PhoneNumbers;

namespace CapiKit.Pii.Rules;

/// <summary>
/// Meta: digits only, no leading zeros, and always the country code. libphonenumber parses the number:
/// an explicit <c>+</c> or <c>00</c> code is honoured, otherwise the caller's default region supplies it; the
/// national trunk prefix (the UK's "(0)") and any extension are dropped; numbers invalid for their country
/// are rejected. The output is E.164 without the <c>+</c>.
/// </summary>
internal sealed partial class PhoneRule : NormalizationRule
{
    private const string UnknownRegion = "ZZ";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // Looked up once: every phone number with a default region checks it.
    private static readonly HashSet<string> Regions = Util.GetSupportedRegions();

    public override string Name => "phone";

    // libphonenumber refuses longer input anyway; checking first keeps its exception off the common path.
    public override int MaxInputLength => 250;

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        string text = input.Trim();
        if (text.Length == 0)
        {
            return RuleOutcome.Fail(NormalizationFailure.Empty, "the phone number is empty");
        }

        string? region = options.DefaultRegion?.Trim().ToUpperInvariant();
        if (region is not null && !Regions.Contains(region))
        {
            return RuleOutcome.Fail(NormalizationFailure.InvalidOption, $"'{region}' is not an ISO 3166-1 alpha-2 region with phone numbers");
        }

        text = WithoutLetters(text);
        string? international = AsInternational(text);
        if (international is not null)
        {
            return Format(TryParseValid(international, UnknownRegion))
                ?? RuleOutcome.Fail(NormalizationFailure.Unrecognized, "not a valid phone number for the country code it starts with");
        }

        if (region is not null)
        {
            // Without "+" or an international prefix, a number is what people mean by it: a national number of
            // their region ("2037196468" in the US is +1 203..., not +20 Egypt). Only digits that are no valid
            // national number there but a valid international one are read as carrying their country code,
            // which is how a number already normalized by this rule ("442079460958") keeps its own.
            return Format(TryParseValid(text, region) ?? TryParseValid(WithPlus(text), UnknownRegion))
                ?? RuleOutcome.Fail(NormalizationFailure.Unrecognized, $"not a valid phone number in region {region} or with a country code");
        }

        // Without a region, Meta's rule says the digits must already start with the country code.
        return Format(TryParseValid(WithPlus(text), UnknownRegion))
            ?? RuleOutcome.Fail(NormalizationFailure.MissingCountryCode, "the phone number has no valid country code; write it with + or give a default region");
    }

    /// <summary>
    /// Numbers written with digits and the usual punctuation (<c>+1 (650) 555-1212</c>, <c>650.555.1212</c>) are
    /// read from cached metadata without libphonenumber's allocating parse (<see cref="PhoneFastPath"/>); any
    /// number it cannot decide, invalid ones among them, goes to <see cref="Apply"/>.
    /// </summary>
    public override int TryApplyAscii(ReadOnlySpan<char> input, NormalizationOptions options, Span<byte> destination)
    {
        string? region = options.DefaultRegion;

        // A region as the options usually hold it ("US"); any other spelling, valid or not, is Apply's to read.
        if (region is not null && (region.Length != 2 || !char.IsAsciiLetterUpper(region[0]) || !char.IsAsciiLetterUpper(region[1])
            || !Regions.Contains(region)))
        {
            return -1;
        }

        return PhoneFastPath.TryNormalize(input, region, destination);
    }

    /// <summary>
    /// Meta: "remove symbols, letters". libphonenumber would read vanity letters as keypad digits
    /// (<c>1-800-FLOWERS</c> as 1 800 356 9377), a number the customer did not type; letters go first, except an
    /// extension marker at the end (<c>ext. 5</c>, <c>x5</c>, <c>#5</c>), which libphonenumber then drops.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> AsciiLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static string WithoutLetters(string text)
    {
        int firstLetter = text.AsSpan().IndexOfAny(AsciiLetters);
        if (firstLetter < 0 || ExtensionSuffix().IsMatch(text.AsSpan(firstLetter)))
        {
            return text;
        }

        return string.Concat(text.Where(c => !char.IsAsciiLetter(c)));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:ext(?:ension)?\.?|x)\s*\d{1,7}\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ExtensionSuffix();

    /// <summary>
    /// Rewrites a leading "00" international prefix as "+" and removes zeros between "+" and the country code
    /// (Meta: "remove leading zeros"; <c>+001 616…</c> is +1); null when the text starts with neither.
    /// </summary>
    private static string? AsInternational(string text)
    {
        ReadOnlySpan<char> rest = text.AsSpan().TrimStart(LeadingPunctuation);
        if (rest.Length > 0 && rest[0] is '+' or '\uFF0B')
        {
            // libphonenumber reads "+1 650 ..." as it is; only zeros after the "+" need removing.
            ReadOnlySpan<char> afterPlus = rest[1..].TrimStart(LeadingPunctuation);
            return afterPlus.Length > 0 && afterPlus[0] == '0' ? WithPlus(rest[1..].ToString()) : text;
        }

        return rest.StartsWith("00", StringComparison.Ordinal) ? WithPlus(rest[2..].ToString()) : null;
    }

    private const string LeadingPunctuation = " \t([{-.";

    /// <summary>"+" and the digits without their leading zeros (and the punctuation before them).</summary>
    private static string WithPlus(string digits)
    {
        ReadOnlySpan<char> rest = digits.AsSpan().TrimStart(LeadingPunctuation);
        while (rest.Length > 0 && (rest[0] == '0' || LeadingPunctuation.Contains(rest[0])))
        {
            rest = rest[1..];
        }

        return "+" + rest.ToString();
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
