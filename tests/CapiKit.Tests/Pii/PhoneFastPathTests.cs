using System.Globalization;
using System.Text;
using CapiKit.Pii;
using CapiKit.Pii.Rules;
using CsCheck;
using PhoneNumbers;

namespace CapiKit.Tests.Pii;

/// <summary>
/// The phone rule's fast path (cached metadata, no libphonenumber parse) against the full parse: whenever it
/// answers, the full rule accepts the number with the same digits. Checked on numbers generated from every region's
/// example numbers (mostly valid, some not), written the ways people write them, with their own region, another
/// region and no region as the default, and on the conformance suite's inputs.
/// </summary>
public sealed class PhoneFastPathTests
{
    private const long Iterations = 60_000;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly PhoneNumberType[] Types =
    [
        PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST, PhoneNumberType.VOIP, PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.PAGER,
        PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL,
    ];

    // Regions with national prefixes, transform rules, shared country codes, leading zeros and long numbers.
    private static readonly string[] Regions =
    [
        "US", "CA", "PR", "JM", "GB", "JE", "GG", "IM", "DE", "FR", "IT", "SM", "VA", "ES", "NL", "IN", "BR", "MX", "AR", "AU",
        "JP", "CN", "RU", "KZ", "NG", "ZA", "SE", "AT", "CH", "BE", "IE", "NZ", "SG", "HK", "KR", "TR", "EG", "CO", "CL", "PE",
        "ID", "PH", "VN", "TH", "PL", "UA", "IL", "SA", "AE", "FI", "NO", "DK", "GF", "RE", "CI", "MC",
    ];

    /// <summary>Example national significant numbers, with their region and country code.</summary>
    private static readonly (string Region, int CountryCode, string Nsn)[] Examples =
    [
        .. Util.GetSupportedRegions().Order(StringComparer.Ordinal).SelectMany(region => Types
            .Select(type => Util.GetExampleNumberForType(region, type))
            .Where(example => example is not null)
            .Select(example => (region, example!.CountryCode, Util.GetNationalSignificantNumber(example)))),
    ];

    private static readonly string[] MustReplay = ["US", "CA", "GB", "DE", "FR", "IN", "BR", "MX", "AU", "JP"];

    private static readonly Gen<string?> AnyRegion = Gen.Int[0, Regions.Length].Select(i => i == Regions.Length ? null : Regions[i]);

    private static readonly Gen<string> Punctuation = Gen.OneOf(Gen.Const(""), Gen.Const(""), Gen.Const(" "), Gen.Const("-"), Gen.Const("."), Gen.Const(" - "));

    [Fact]
    public void The_fast_path_settles_the_common_writings()
    {
        string[] us = ["+16505551212", "+1 (650) 555-1212", "+1 650-555-1212", "(650) 555-1212", "650.555.1212", "6505551212", "1-650-555-1212", "16505551212"];
        foreach (string written in us)
        {
            Assert.Equal("16505551212", FastPath(written, "US"));
        }

        Assert.Equal("16505551212", FastPath("+1 (650) 555-1212", null));
        Assert.Equal("16505551212", FastPath("16505551212", null));
        Assert.Equal("442079460958", FastPath("020 7946 0958", "GB"));
        Assert.Equal("442079460958", FastPath("+44 20 7946 0958", "US"));
        Assert.Equal("4930123456", FastPath("030 123456", "DE"));
        Assert.Equal("33123456789", FastPath("01 23 45 67 89", "FR"));
    }

    [Theory]
    [InlineData("1-800-FLOWERS", "US")]
    [InlineData("+1 650 555 1212 ext. 5", "US")]
    [InlineData("00 44 20 7946 0958", "US")]
    [InlineData("011 44 20 7946 0958", "US")]
    [InlineData("+001 (616) 954-78 88", null)]
    [InlineData("+39 06 6982 0000", null)]
    [InlineData("+1 650 555 121", "US")]
    [InlineData("+1 650 555 1212", "us")]
    public void Numbers_it_cannot_decide_go_to_the_full_parse(string written, string? region) =>
        Assert.Null(FastPath(written, region));

    [Fact]
    public void Every_example_number_of_every_region_in_every_writing_agrees_with_the_full_parse()
    {
        int settled = 0;
        int compared = 0;
        foreach ((string region, int countryCode, string nsn) in Examples)
        {
            PhoneNumber number = Util.Parse("+" + countryCode.ToString(CultureInfo.InvariantCulture) + nsn, "ZZ");
            string[] writings =
            [
                Util.Format(number, PhoneNumberFormat.NATIONAL),
                Util.Format(number, PhoneNumberFormat.INTERNATIONAL),
                Util.Format(number, PhoneNumberFormat.E164),
                Util.Format(number, PhoneNumberFormat.E164)[1..],
                nsn,
                new string(Util.Format(number, PhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit).ToArray()),
            ];
            foreach (string written in writings)
            {
                foreach (string? defaultRegion in new[] { region, null, "US", "GB" })
                {
                    compared++;
                    settled += Compare(written, defaultRegion) ? 1 : 0;
                }
            }
        }

        Assert.True(compared > 10_000, $"only {compared} numbers compared");
        Assert.True(settled > compared / 3, $"the fast path settled only {settled} of {compared}");
    }

    [Fact]
    public void Generated_numbers_agree_with_the_full_parse()
    {
        int settled = 0;
        Gen.Select(Gen.Int[0, Examples.Length - 1], Gen.String[Gen.Char['0', '9'], 0, 7], Gen.Int[0, 6], Gen.Int[0, 5],
                   Gen.Select(Punctuation, Punctuation, Punctuation), AnyRegion)
            .Sample((example, tail, writing, chop, separators, otherRegion) =>
            {
                (string region, int countryCode, string nsn) = Examples[example];

                // The example with its last digits replaced, shortened or lengthened: mostly valid numbers of the same
                // plan, some of other lengths, some invalid.
                string digits = chop switch
                {
                    0 => nsn,
                    1 => nsn[..Math.Max(0, nsn.Length - tail.Length)] + tail,
                    2 => nsn[..Math.Max(0, nsn.Length - 1)],
                    3 => nsn + (tail.Length > 0 ? tail[..1] : "0"),
                    4 => nsn[..Math.Max(0, nsn.Length - 4)] + tail.PadRight(4, '1')[..4],
                    _ => tail + nsn[Math.Min(tail.Length, nsn.Length)..],
                };
                string code = countryCode.ToString(CultureInfo.InvariantCulture);
                (string a, string b, string c) = separators;
                string split = digits.Length > 6 ? digits[..3] + b + digits[3..6] + c + digits[6..] : digits;
                string written = writing switch
                {
                    0 => "+" + code + digits,
                    1 => "+" + code + a + split,
                    2 => "+" + code + " (" + split[..Math.Min(3, split.Length)] + ")" + b + split[Math.Min(3, split.Length)..],
                    3 => split,
                    4 => "(" + split[..Math.Min(3, split.Length)] + ") " + split[Math.Min(3, split.Length)..],
                    5 => code + a + split,
                    _ => "0" + a + split,
                };

                if (Compare(written, region) | Compare(written, otherRegion))
                {
                    Interlocked.Increment(ref settled);
                }
            }, iter: Iterations);

        // Most generated numbers are valid, and most valid ones are written in a way the fast path reads.
        Assert.True(settled > Iterations / 4, $"the fast path settled only {settled} of {Iterations}");
    }

    [Fact]
    public void Random_digit_strings_agree_with_the_full_parse() =>
        Gen.Select(Gen.String[Gen.Char["0123456789"], 4, 18], Gen.OneOf(Gen.Const(""), Gen.Const("+"), Gen.Const("("), Gen.Const("+(")),
                   AnyRegion)
            .Sample((digits, start, region) => { Compare(start + digits, region); }, iter: Iterations);

    [Fact]
    public void Every_conformance_phone_agrees_with_the_full_parse()
    {
        int compared = 0;
        foreach (Conformance.ConformanceCase @case in Conformance.ConformanceCase.LoadAll(Path.Combine(Conformance.RepositoryRoot.Path, "tests", "conformance")))
        {
            if (@case.Field == "ph" && @case.Input is { } input)
            {
                foreach (string? region in new[] { null, "US", "GB", "DE", "IN", "BR" })
                {
                    Compare(input, region);
                    compared++;
                }
            }
        }

        Assert.True(compared > 100, $"only {compared} conformance phones compared");
    }

    [Fact]
    public void The_fast_path_replays_the_metadata_of_most_regions()
    {
        string[] replayed = [.. Util.GetSupportedRegions().Where(PhoneFastPath.Supports)];

        Assert.True(replayed.Length > 200, $"only {replayed.Length} regions");
        Assert.All(MustReplay, region => Assert.Contains(region, replayed));
    }

    /// <summary>True when the fast path settled the number, after checking it against the full rule.</summary>
    private static bool Compare(string written, string? region)
    {
        NormalizationOptions options = new() { DefaultRegion = region };
        byte[] buffer = new byte[written.Length + NormalizationRule.AsciiSlack];
        int length = PiiNormalizer.TryNormalizeAscii("ph", written, options, buffer);
        if (length < 0)
        {
            return false;
        }

        NormalizationResult full = PiiNormalizer.NormalizeByRules("ph", written, options);
        Assert.True(full.Succeeded, $"the fast path accepted '{written}', which the full rule rejects (region {region ?? "none"}, {full.Error})");
        Assert.True(full.Value == Encoding.ASCII.GetString(buffer, 0, length), $"'{written}' (region {region ?? "none"}): full {full.Value}, fast {Encoding.ASCII.GetString(buffer, 0, length)}");
        return true;
    }

    private static string? FastPath(string written, string? region)
    {
        byte[] buffer = new byte[written.Length + NormalizationRule.AsciiSlack];
        int length = PiiNormalizer.TryNormalizeAscii("ph", written, new NormalizationOptions { DefaultRegion = region }, buffer);
        return length < 0 ? null : Encoding.ASCII.GetString(buffer, 0, length);
    }
}
