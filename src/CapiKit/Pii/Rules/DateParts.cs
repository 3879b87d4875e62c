namespace CapiKit.Pii.Rules;

/// <summary>Words and numbers a written date is made of, and the checks every date rule shares.</summary>
internal static class DateParts
{
    public const int MinYear = 1900;

    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    /// <summary>Words that carry no part of the date: ordinal suffixes, "of", weekdays.</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "st", "nd", "rd", "th", "of", "the",
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
        "fri", "friday", "sat", "saturday", "sun", "sunday",
    };

    /// <summary>Splits into runs of ASCII digits and runs of letters, lower-cased, filler words dropped.</summary>
    public static List<string> Tokenize(string text)
    {
        List<string> tokens = [];
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            if (char.IsAsciiDigit(text[i]))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
            else if (char.IsLetter(text[i]))
            {
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i++;
                continue;
            }

            string token = text[start..i].ToLowerInvariant();
            if (!Filler.Contains(token))
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    /// <summary>January is 1; accepts full English names and their first three letters (and "sept").</summary>
    public static int MonthFromName(string word)
    {
        if (word == "sept")
        {
            return 9;
        }

        for (int i = 0; i < MonthNames.Length; i++)
        {
            if (word == MonthNames[i] || (word.Length == 3 && MonthNames[i].StartsWith(word, StringComparison.Ordinal)))
            {
                return i + 1;
            }
        }

        return 0;
    }

    public static bool IsNumber(string token) => token.Length > 0 && char.IsAsciiDigit(token[0]);

    /// <summary>Parses a run of digits that fits an int; 0 for a longer run (never a valid date part).</summary>
    public static int Number(string digits) =>
        digits.Length <= 9 && int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : 0;

    public static int CurrentYear(NormalizationOptions options) => options.TimeProvider.GetUtcNow().Year;
}
