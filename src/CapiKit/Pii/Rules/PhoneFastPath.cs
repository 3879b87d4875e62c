using System.Text.RegularExpressions;
using PhoneNumbers;

namespace CapiKit.Pii.Rules;

/// <summary>
/// <see cref="PhoneRule"/> without libphonenumber's allocating parse, for the numbers it can decide from cached
/// metadata: digits with the usual punctuation (<c>+16505551212</c>, <c>+1 (650) 555-1212</c>, <c>(650) 555-1212</c>,
/// <c>020 7946 0958</c>, <c>1-650-555-1212</c>). It replays the steps libphonenumber's <c>Parse</c> and
/// <c>IsValidNumber</c> take for such text (country code, national prefix, possible lengths, the region's number
/// patterns), on spans and with regular expressions built once per region from the same pattern strings. It only
/// ever answers "valid, and these are its E.164 digits"; everything else (an invalid number, an international
/// dialling prefix, a national prefix with a transform rule, leading zeros, non-geographic codes, extensions,
/// letters) is left to the full parse, so its answers are the full parse's by construction, and the differential
/// tests check that they are.
/// </summary>
internal static class PhoneFastPath
{
    /// <summary>Most digits the fast path reads: a three-digit country code and libphonenumber's 17-digit maximum.</summary>
    private const int MaxDigits = 20;

    private const int MinLengthForNsn = 2;

    private const int MaxLengthForNsn = 17;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // Region facts by region code (two letters A-Z, so 26 x 26 slots), and by country calling code (1-999).
    private static readonly RegionFacts?[] ByRegion = new RegionFacts?[26 * 26];
    private static readonly CountryFacts?[] ByCountryCode = new CountryFacts?[1000];

    // Which numbers 0-999 are country calling codes libphonenumber knows (its region list for them is not empty),
    // asked once instead of up to three dictionary lookups per number.
    private static readonly bool[] IsCountryCode = [.. Enumerable.Range(0, 1000).Select(code => Util.GetRegionCodesForCountryCode(code).Count > 0)];

    /// <summary>
    /// The normalized number's digits (E.164 without <c>+</c>) written as ASCII, and their count; -1 when the full
    /// parse must decide. <paramref name="region"/> is the caller's default region, already trimmed, upper-case and
    /// supported, or null.
    /// </summary>
    public static int TryNormalize(ReadOnlySpan<char> input, string? region, Span<byte> destination)
    {
        Span<char> digits = stackalloc char[MaxDigits];
        int count = 0;
        bool plus = false;
        bool started = false;
        foreach (char c in input)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == MaxDigits)
                {
                    return -1;
                }

                digits[count++] = c;
                started = true;
            }
            else if (c == '+')
            {
                // Only as the number's first sign, after punctuation the rule trims before looking for it.
                if (started)
                {
                    return -1;
                }

                plus = started = true;
            }
            else if (c is ' ' or '-' or '.' or '(' || (c == ')' && started))
            {
                continue;
            }
            else
            {
                // Letters, extension markers, tabs, slashes, other signs: the full parse decides.
                return -1;
            }
        }

        if (count < 4)
        {
            return -1;
        }

        ReadOnlySpan<char> number = digits[..count];
        if (plus || region is null)
        {
            // "+..." is read as international; bare digits without a region are read as "+" and the digits. Zeros
            // after the "+" are removed by the rule first, and a country code never starts with one: full parse.
            return number[0] == '0' ? -1 : International(number, destination);
        }

        // Bare digits with a region: its national number first (a single leading zero is a trunk prefix). "00" may
        // be an international prefix the rule rewrites; and when the national number is not valid the rule also
        // tries the digits as international: both are left to the full parse.
        RegionFacts? home = ForRegion(region);
        return home is null || number.StartsWith("00") ? -1 : National(number, home, destination);
    }

    /// <summary>Whether the fast path can be used with this region (for tests).</summary>
    internal static bool Supports(string region) => ForRegion(region) is not null;

    /// <summary>libphonenumber's parse of "+" and <paramref name="digits"/>, then validation and E.164.</summary>
    private static int International(ReadOnlySpan<char> digits, Span<byte> destination)
    {
        // ExtractCountryCode: the first one to three digits that are a known country calling code.
        int countryCode = 0;
        int codeLength = 0;
        for (int i = 0; i < 3 && i < digits.Length; i++)
        {
            countryCode = (countryCode * 10) + (digits[i] - '0');
            if (IsCountryCode[countryCode])
            {
                codeLength = i + 1;
                break;
            }
        }

        if (codeLength == 0 || ForCountryCode(countryCode) is not { } country)
        {
            return -1;
        }

        // The parse reads the rest with the metadata of the code's main region.
        return Finish(country, country.Main, digits[codeLength..], destination);
    }

    /// <summary>libphonenumber's parse of bare digits with a default region, then validation and E.164.</summary>
    private static int National(ReadOnlySpan<char> digits, RegionFacts home, Span<byte> destination)
    {
        // An international dialling prefix of the region ("011" in the US) makes the number international.
        if (home.InternationalPrefix.IsMatch(digits))
        {
            return -1;
        }

        // The digits may start with the region's own country code: libphonenumber keeps it as one when the rest
        // (without a national prefix) is a valid-looking national number and the whole is not, or the whole is too
        // long for the region.
        ReadOnlySpan<char> code = home.CountryCodeDigits;
        if (digits.StartsWith(code))
        {
            ReadOnlySpan<char> potential = digits[code.Length..];
            int prefix = StripNationalPrefix(potential, home, checkLength: false);
            if (prefix < 0)
            {
                return -1;
            }

            potential = potential[prefix..];
            if ((!home.General.IsMatchAll(digits) && home.General.IsMatchAll(potential))
                || home.TestLength(digits.Length) == LengthResult.TooLong)
            {
                // A country code taken from the number: the rest is read with its main region's metadata.
                return ForCountryCode(home.CountryCode) is { } country ? Finish(country, country.Main, potential, destination) : -1;
            }
        }

        // No country code in the number: the default region's own metadata reads it.
        return ForCountryCode(home.CountryCode) is { } own ? Finish(own, home, digits, destination) : -1;
    }

    /// <summary>
    /// The national number of a known country code, read with <paramref name="reading"/>'s metadata: national
    /// prefix, lengths, validity, E.164.
    /// </summary>
    private static int Finish(CountryFacts country, RegionFacts reading, ReadOnlySpan<char> national, Span<byte> destination)
    {
        if (national.Length < MinLengthForNsn)
        {
            return -1;
        }

        int prefix = StripNationalPrefix(national, reading, checkLength: true);
        if (prefix < 0)
        {
            return -1;
        }

        ReadOnlySpan<char> nsn = national[prefix..];

        // Leading zeros (Italy's) are kept apart by libphonenumber; they are left to it.
        if (nsn.Length is < MinLengthForNsn or > MaxLengthForNsn || nsn[0] == '0' || !country.IsValid(nsn))
        {
            return -1;
        }

        ReadOnlySpan<char> code = country.Main.CountryCodeDigits;
        if (destination.Length < code.Length + nsn.Length)
        {
            return -1;
        }

        int written = 0;
        foreach (char c in code)
        {
            destination[written++] = (byte)c;
        }

        foreach (char c in nsn)
        {
            destination[written++] = (byte)c;
        }

        return written;
    }

    /// <summary>
    /// libphonenumber's <c>MaybeStripNationalPrefixAndCarrierCode</c> (without carrier codes) and, when
    /// <paramref name="checkLength"/>, the parse's check that what is left is a possible length: how many leading
    /// digits are a national prefix to drop, or -1 when a transform rule applies (left to the full parse).
    /// </summary>
    private static int StripNationalPrefix(ReadOnlySpan<char> number, RegionFacts facts, bool checkLength)
    {
        if (number.Length == 0 || facts.NationalPrefixForParsing is not { } pattern)
        {
            return 0;
        }

        int length = -1;
        foreach (ValueMatch match in pattern.EnumerateMatches(number))
        {
            length = match.Length;
            break;
        }

        if (length < 0)
        {
            return 0;
        }

        if (facts.HasTransformRule)
        {
            return -1;
        }

        // "If the original number was viable, and the resultant number is not", nothing is stripped.
        if (facts.General.IsMatchAll(number) && !facts.General.IsMatchAll(number[length..]))
        {
            return 0;
        }

        if (checkLength && facts.TestLength(number.Length - length) is LengthResult.TooShort or LengthResult.LocalOnly or LengthResult.InvalidLength)
        {
            return 0;
        }

        return length;
    }

    private static RegionFacts? ForRegion(string region)
    {
        if (region.Length != 2 || !char.IsAsciiLetterUpper(region[0]) || !char.IsAsciiLetterUpper(region[1]))
        {
            return null;
        }

        int slot = ((region[0] - 'A') * 26) + (region[1] - 'A');
        RegionFacts? facts = Volatile.Read(ref ByRegion[slot]);
        if (facts is null)
        {
            facts = RegionFacts.Create(region);
            Volatile.Write(ref ByRegion[slot], facts ?? RegionFacts.Unusable);
        }

        return ReferenceEquals(facts, RegionFacts.Unusable) ? null : facts;
    }

    private static CountryFacts? ForCountryCode(int countryCode)
    {
        CountryFacts? facts = Volatile.Read(ref ByCountryCode[countryCode]);
        if (facts is null)
        {
            facts = CountryFacts.Create(countryCode);
            Volatile.Write(ref ByCountryCode[countryCode], facts ?? CountryFacts.Unusable);
        }

        return ReferenceEquals(facts, CountryFacts.Unusable) ? null : facts;
    }

    private enum LengthResult
    {
        Possible,
        LocalOnly,
        TooShort,
        TooLong,
        InvalidLength,
    }

    /// <summary>The regions of one country calling code, its main region first.</summary>
    private sealed class CountryFacts
    {
        public static readonly CountryFacts Unusable = new([]);

        private readonly RegionFacts[] _regions;

        private CountryFacts(RegionFacts[] regions) => _regions = regions;

        public RegionFacts Main => _regions[0];

        public static CountryFacts? Create(int countryCode)
        {
            IReadOnlyList<string> codes = Util.GetRegionCodesForCountryCode(countryCode);
            if (codes.Count == 0)
            {
                return null;
            }

            RegionFacts[] regions = new RegionFacts[codes.Count];
            for (int i = 0; i < codes.Count; i++)
            {
                // Non-geographic entities ("001") and regions whose metadata the fast path cannot replay.
                if (ForRegion(codes[i]) is not { } facts || facts.CountryCode != countryCode)
                {
                    return null;
                }

                regions[i] = facts;
            }

            return new CountryFacts(regions);
        }

        /// <summary>
        /// libphonenumber's <c>IsValidNumber</c>: the number's region (the only one, or the first whose leading
        /// digits match, or that the number is valid in), then the region's number types.
        /// </summary>
        public bool IsValid(ReadOnlySpan<char> nsn)
        {
            if (_regions.Length == 1)
            {
                return _regions[0].IsValidNumber(nsn);
            }

            foreach (RegionFacts region in _regions)
            {
                if (region.LeadingDigits is { } leading)
                {
                    if (leading.IsMatch(nsn))
                    {
                        return region.IsValidNumber(nsn);
                    }
                }
                else if (region.IsValidNumber(nsn))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One region's metadata, as compiled regular expressions and length lists.</summary>
    private sealed class RegionFacts
    {
        public static readonly RegionFacts Unusable = new();

        private RegionFacts()
        {
            CountryCodeDigits = "";
            General = Desc.None;
            Types = [];
            FixedLine = Desc.None;
            Mobile = Desc.None;
            InternationalPrefix = new Regex("(?!)", RegexOptions.None, TimeSpan.FromSeconds(1));
            PossibleLengths = [];
            LocalOnlyLengths = [];
        }

        public int CountryCode { get; private init; }

        public string CountryCodeDigits { get; private init; }

        /// <summary><c>^(?:pattern)</c> of the region's international dialling prefix.</summary>
        public Regex InternationalPrefix { get; private init; }

        /// <summary><c>^(?:pattern)</c> of the national prefix for parsing, or null when there is none.</summary>
        public Regex? NationalPrefixForParsing { get; private init; }

        public bool HasTransformRule { get; private init; }

        /// <summary><c>^(?:pattern)</c> of the region's leading digits, or null when there are none.</summary>
        public Regex? LeadingDigits { get; private init; }

        public Desc General { get; private init; }

        /// <summary>Premium rate, toll free, shared cost, VoIP, personal, pager, UAN, voicemail: any match is valid.</summary>
        public Desc[] Types { get; private init; }

        public Desc FixedLine { get; private init; }

        public Desc Mobile { get; private init; }

        public bool SameMobileAndFixedLinePattern { get; private init; }

        private int[] PossibleLengths { get; init; }

        private int[] LocalOnlyLengths { get; init; }

        public static RegionFacts? Create(string region)
        {
            PhoneMetadata? metadata = Util.GetMetadataForRegion(region);
            if (metadata?.GeneralDesc is not { HasNationalNumberPattern: true } general
                || general.PossibleLengthCount == 0 || general.PossibleLengthList[0] == -1)
            {
                return null;
            }

            PhoneNumberDesc?[] types =
            [
                metadata.PremiumRate, metadata.TollFree, metadata.SharedCost, metadata.Voip, metadata.PersonalNumber,
                metadata.Pager, metadata.Uan, metadata.Voicemail,
            ];
            Desc[] typeDescs = new Desc[types.Length];
            for (int i = 0; i < types.Length; i++)
            {
                if (Desc.Create(types[i]) is not { } desc)
                {
                    return null;
                }

                typeDescs[i] = desc;
            }

            if (Desc.Create(general) is not { } generalDesc || Desc.Create(metadata.FixedLine) is not { } fixedLine
                || Desc.Create(metadata.Mobile) is not { } mobile)
            {
                return null;
            }

            return new RegionFacts
            {
                CountryCode = metadata.CountryCode,
                CountryCodeDigits = metadata.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                InternationalPrefix = Begin(metadata.InternationalPrefix ?? ""),
                NationalPrefixForParsing = metadata.HasNationalPrefixForParsing ? Begin(metadata.NationalPrefixForParsing) : null,
                HasTransformRule = !string.IsNullOrEmpty(metadata.NationalPrefixTransformRule),
                LeadingDigits = metadata.HasLeadingDigits ? Begin(metadata.LeadingDigits) : null,
                General = generalDesc,
                Types = typeDescs,
                FixedLine = fixedLine,
                Mobile = mobile,
                SameMobileAndFixedLinePattern = metadata.SameMobileAndFixedLinePattern,
                PossibleLengths = [.. general.PossibleLengthList],
                LocalOnlyLengths = [.. general.PossibleLengthLocalOnlyList],
            };
        }

        /// <summary>libphonenumber's <c>GetNumberTypeHelper</c> is not UNKNOWN.</summary>
        public bool IsValidNumber(ReadOnlySpan<char> nsn)
        {
            if (!General.Matches(nsn))
            {
                return false;
            }

            foreach (Desc type in Types)
            {
                if (type.Matches(nsn))
                {
                    return true;
                }
            }

            return FixedLine.Matches(nsn) || (!SameMobileAndFixedLinePattern && Mobile.Matches(nsn));
        }

        /// <summary>libphonenumber's <c>TestNumberLength</c> for an unknown type (the general description's lengths).</summary>
        public LengthResult TestLength(int length)
        {
            if (Array.IndexOf(LocalOnlyLengths, length) >= 0)
            {
                return LengthResult.LocalOnly;
            }

            int minimum = PossibleLengths[0];
            if (minimum == length)
            {
                return LengthResult.Possible;
            }

            if (minimum > length)
            {
                return LengthResult.TooShort;
            }

            if (PossibleLengths[^1] < length)
            {
                return LengthResult.TooLong;
            }

            return Array.IndexOf(PossibleLengths, length) >= 0 ? LengthResult.Possible : LengthResult.InvalidLength;
        }

        // The same options and anchoring as libphonenumber's PhoneRegex, so the same matches.
        private static Regex Begin(string pattern) =>
            new($"^(?:{pattern})", RegexOptions.Compiled | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
    }

    /// <summary>A number description: its possible lengths (none means the general ones) and its pattern.</summary>
    private sealed class Desc
    {
        public static readonly Desc None = new([], null);

        private readonly int[] _lengths;
        private readonly string? _pattern;
        private Regex? _all;

        private Desc(int[] lengths, string? pattern)
        {
            _lengths = lengths;
            _pattern = pattern;
        }

        /// <summary>Null when libphonenumber would read a pattern the description does not have.</summary>
        public static Desc? Create(PhoneNumberDesc? desc)
        {
            if (desc is null)
            {
                return null;
            }

            int[] lengths = [.. desc.PossibleLengthList];
            if (!desc.HasNationalNumberPattern && (lengths.Length == 0 || Array.Exists(lengths, length => length != -1)))
            {
                return null;
            }

            return new Desc(lengths, desc.HasNationalNumberPattern ? desc.NationalNumberPattern : null);
        }

        /// <summary>libphonenumber's <c>IsNumberMatchingDesc</c>.</summary>
        public bool Matches(ReadOnlySpan<char> nsn) =>
            (_lengths.Length == 0 || Array.IndexOf(_lengths, nsn.Length) >= 0) && IsMatchAll(nsn);

        /// <summary>The whole number matches the pattern (<c>^(?:pattern)$</c>, as libphonenumber anchors it).</summary>
        public bool IsMatchAll(ReadOnlySpan<char> number)
        {
            Regex? all = Volatile.Read(ref _all);
            if (all is null)
            {
                all = new Regex($"^(?:{_pattern})$", RegexOptions.Compiled | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
                Volatile.Write(ref _all, all);
            }

            return all.IsMatch(number);
        }
    }
}
