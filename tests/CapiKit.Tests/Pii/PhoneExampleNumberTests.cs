using PhoneNumbers;

namespace CapiKit.Tests.Pii;

/// <summary>
/// libphonenumber's example number of every region and number type, written as people write it (national and
/// international formats, E.164, national digits only), comes back as its E.164 digits with its own region as
/// the default.
/// </summary>
public sealed class PhoneExampleNumberTests
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly PhoneNumberType[] Types =
    [
        PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST, PhoneNumberType.VOIP, PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.PAGER,
        PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL,
    ];

    [Fact]
    public void Every_example_number_of_every_region_round_trips_to_its_E164_digits()
    {
        List<string> failures = [];
        int checkedNumbers = 0;
        foreach (string region in Util.GetSupportedRegions().Order(StringComparer.Ordinal))
        {
            foreach (PhoneNumberType type in Types)
            {
                PhoneNumber? example = Util.GetExampleNumberForType(region, type);
                if (example is null)
                {
                    continue;
                }

                string expected = Util.Format(example, PhoneNumberFormat.E164)[1..];
                string national = Util.Format(example, PhoneNumberFormat.NATIONAL);
                string[] writings =
                [
                    national,
                    new string(national.Where(char.IsAsciiDigit).ToArray()),
                    Util.Format(example, PhoneNumberFormat.INTERNATIONAL),
                    Util.Format(example, PhoneNumberFormat.E164),
                    "00" + expected,
                ];
                foreach (string written in writings)
                {
                    checkedNumbers++;
                    string? actual = Normalize.Value("ph", written, region);
                    if (actual != expected)
                    {
                        failures.Add($"{region} {type} '{written}' -> {actual ?? "rejected"}, expected {expected}");
                    }
                }
            }
        }

        Assert.True(checkedNumbers > 2_000, $"only {checkedNumbers} numbers checked");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedNumbers}: {string.Join("; ", failures.Take(30))}");
    }

    [Fact]
    public void Bare_ten_digit_US_numbers_keep_the_US_country_code()
    {
        // Before national-first reading, about one valid US number in ten written as bare digits was taken for
        // another country's number ("2037196468" as +20, Egypt).
        Random random = new(17);
        int valid = 0;
        List<string> lost = [];
        while (valid < 5_000)
        {
            string digits = random.NextInt64(2_000_000_000L, 9_999_999_999L).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!Util.IsValidNumberForRegion(Util.Parse(digits, "US"), "US"))
            {
                continue;
            }

            valid++;
            if (Normalize.Value("ph", digits, "US") != "1" + digits)
            {
                lost.Add(digits);
            }
        }

        Assert.True(lost.Count == 0, $"{lost.Count} of {valid} lost their country code: {string.Join(", ", lost.Take(10))}");
    }
}
