using System.Globalization;

namespace CapiKit.Pii.Rules;

/// <summary>
/// Meta: <c>YYYYMMDD</c>, from input in "various orders with or without punctuation", year 1900 to now.
/// Reading rules: a four-digit first part means year-month-day; a month name fixes the month wherever it
/// stands; otherwise the year is last and a part above 12 is the day; when both could be the month,
/// <see cref="NormalizationOptions.DateOrder"/> decides (month first by default, as in Meta's example
/// <c>2/16/1997</c>). Eight digits in a row are <c>YYYYMMDD</c>. Two-digit years are rejected: "02/16/25" could be
/// 1925 or 2025, and a wrong century hashes to a different person. Impossible and future dates are rejected.
/// </summary>
internal sealed class DateOfBirthRule : NormalizationRule
{
    public override string Name => "date_of_birth";

    // Room for "Wednesday, the 16th of February 1997" and ISO timestamps.
    public override int MaxInputLength => 64;

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        List<string> tokens = DateParts.Tokenize(StripIsoTime(input.Trim()));
        (int year, int month, int day, string? problem) = tokens.Count switch
        {
            0 => (0, 0, 0, "the date of birth is empty"),
            1 => ReadRun(tokens[0], options),
            3 => ReadParts(tokens, options),
            // ISO 8601 with a time of day, "1997-02-16 10:30", leaves extra numeric parts after a leading year.
            > 3 when tokens[0].Length == 4 && tokens.TrueForAll(DateParts.IsNumber) => ReadParts(tokens.GetRange(0, 3), options),
            _ => (0, 0, 0, "a date has a year, a month and a day"),
        };

        if (problem is not null)
        {
            return RuleOutcome.Fail(tokens.Count == 0 ? NormalizationFailure.Empty : NormalizationFailure.InvalidFormat, problem);
        }

        return Validate(year, month, day, options);
    }

    private static string StripIsoTime(string text)
    {
        int t = text.IndexOf('T');
        return t == 10 && text.Length > 10 && char.IsAsciiDigit(text[0]) ? text[..t] : text;
    }

    private static (int Year, int Month, int Day, string? Problem) ReadRun(string token, NormalizationOptions options)
    {
        if (token.Length != 8 || !DateParts.IsNumber(token))
        {
            return (0, 0, 0, "a date has a year, a month and a day");
        }

        int y = DateParts.Number(token[..4]);
        if (y >= DateParts.MinYear && y <= DateParts.CurrentYear(options))
        {
            return (y, DateParts.Number(token[4..6]), DateParts.Number(token[6..]), null);
        }

        // MMDDYYYY or DDMMYYYY, read like the separated form.
        return ReadParts([token[..2], token[2..4], token[4..]], options);
    }

    private static (int Year, int Month, int Day, string? Problem) ReadParts(List<string> parts, NormalizationOptions options)
    {
        int named = parts.FindIndex(p => !DateParts.IsNumber(p));
        if (named >= 0)
        {
            return ReadWithMonthName(parts, named);
        }

        if (parts[0].Length == 4)
        {
            return (DateParts.Number(parts[0]), DateParts.Number(parts[1]), DateParts.Number(parts[2]), null);
        }

        if (parts[2].Length != 4)
        {
            return (0, 0, 0, "the year needs four digits; a two-digit year does not say its century");
        }

        int first = DateParts.Number(parts[0]);
        int second = DateParts.Number(parts[1]);
        int year = DateParts.Number(parts[2]);
        bool dayFirst = first > 12 || (second <= 12 && options.DateOrder == DateOrder.DayFirst);
        return dayFirst ? (year, second, first, null) : (year, first, second, null);
    }

    private static (int Year, int Month, int Day, string? Problem) ReadWithMonthName(List<string> parts, int named)
    {
        int month = DateParts.MonthFromName(parts[named]);
        if (month == 0 || parts.FindLastIndex(p => !DateParts.IsNumber(p)) != named)
        {
            return (0, 0, 0, "the date has a word that is not an English month name");
        }

        List<string> numbers = parts.FindAll(DateParts.IsNumber);
        int yearIndex = numbers.FindIndex(n => n.Length == 4);
        if (yearIndex < 0)
        {
            return (0, 0, 0, "the year needs four digits; a two-digit year does not say its century");
        }

        return (DateParts.Number(numbers[yearIndex]), month, DateParts.Number(numbers[1 - yearIndex]), null);
    }

    private static RuleOutcome Validate(int year, int month, int day, NormalizationOptions options)
    {
        DateTimeOffset today = options.TimeProvider.GetUtcNow();
        if (year < DateParts.MinYear || year > today.Year)
        {
            return RuleOutcome.Fail(NormalizationFailure.Unrecognized, $"the year must be from {DateParts.MinYear} to {today.Year}");
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return RuleOutcome.Fail(NormalizationFailure.Unrecognized, "the day or month does not exist");
        }

        if (new DateOnly(year, month, day) > DateOnly.FromDateTime(today.UtcDateTime))
        {
            return RuleOutcome.Fail(NormalizationFailure.Unrecognized, "a date of birth cannot lie in the future");
        }

        return RuleOutcome.Ok(string.Create(CultureInfo.InvariantCulture, $"{year:D4}{month:D2}{day:D2}"));
    }
}
