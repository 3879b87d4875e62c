using System.Text.RegularExpressions;
using CapiKit.Pii;

namespace CapiKit.Tests.Conformance;

/// <summary>Who is right where CapiKit and a Meta SDK's test disagree.</summary>
internal enum Verdict
{
    /// <summary>Meta's documentation says what CapiKit does (the quote is given).</summary>
    DocsDecideForCapiKit,

    /// <summary>The documentation says nothing; docs/normalization.md argues CapiKit's choice.</summary>
    DocsSilent,

    /// <summary>The documentation says what the SDK does: a CapiKit bug. No classification may have this verdict.</summary>
    DocsDecideForSdk,
}

/// <summary>One explained kind of disagreement between CapiKit and Meta's SDK tests.</summary>
internal sealed record Classification(string Id, Verdict Verdict, string Why, Func<ConformanceResult, bool> Matches);

/// <summary>
/// Every known kind of disagreement, most specific first. A disagreement none of them explains fails the
/// conformance test: either CapiKit has a bug to fix or a new kind needs its quote or its argument here.
/// </summary>
internal static partial class Classifications
{
    private static readonly HashSet<string> NameKeys = ["fn", "ln", "f5first", "f5last", "fi"];

    public static readonly Classification[] All =
    [
        new("overlong-input", Verdict.DocsSilent,
            "Values longer than any real one of their key (256 characters for names and cities, 250 for phones, ...) are rejected before any work; the docs set no limit; normalization.md, \"Rules that apply to every key\".",
            r => r.CapiKit.Error?.Message.Contains("at most", StringComparison.Ordinal) == true),
        new("emoji-are-not-letters", Verdict.DocsSilent,
            "Meta asks for names \"with no punctuation\" and recommends a-z; it says nothing of emoji. capi-param-builder keeps them in names (`john😀`); CapiKit drops emoji, variation selectors and other invisible characters, which no customer means as part of a name; normalization.md, `fn`.",
            r => NameKeys.Contains(r.Case.Field!) && r.Case.ExpectedNormalized is { } e && e.EnumerateRunes().Any(c => c.Value > 0xFFFF || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c.Value) == System.Globalization.UnicodeCategory.OtherSymbol)),
        new("pre-hashed-input", Verdict.DocsSilent,
            "The SDKs pass hex strings through as if already hashed. CapiKit never guesses (ARCHITECTURE.md invariant 2; normalization.md, \"Already hashed\"): a pre-hashed value enters only as a `Sha256Hash`, so a 32- or 64-character customer ID is normalized and hashed like any value.",
            r => LooksHashed(r.Case.Input!)),
        new("phone-without-country-code", Verdict.DocsDecideForCapiKit,
            "Meta: \"Phone numbers must include a country code to be used for matching (e.g., the number 1 must precede a phone number in the United States).\" The SDK tests keep national digits; CapiKit, given no default region (the tests give none), reports `MissingCountryCode`.",
            r => r.Case.Field == "ph" && r.CapiKit.Error?.Reason == NormalizationFailure.MissingCountryCode && r.Case.ExpectedNormalized is not null),
        new("phone-not-a-valid-number", Verdict.DocsSilent,
            "The docs do not say to validate. CapiKit reads numbers with libphonenumber and rejects what is no valid number of its country (`+1 555 123 4567`: there is no area code 555), drops extensions instead of gluing their digits on, and rejects text with no phone number in it; normalization.md, `ph`.",
            r => r.Case.Field == "ph" && !r.CapiKit.Succeeded),
        new("name-punctuation-kept-by-sdk", Verdict.DocsDecideForCapiKit,
            "Meta, `fn` and `ln`: \"Lowercase only with no punctuation.\" The SDK tests keep `-`, `_` or `'`.",
            r => NameKeys.Contains(r.Case.Field!) && r.Case.ExpectedNormalized is { } e && e.Any(c => char.IsPunctuation(c) || char.IsSymbol(c))),
        new("digits-in-names-and-cities", Verdict.DocsSilent,
            "The docs recommend \"Roman alphabet a-z characters\" for names and cities and say nothing of digits. CapiKit drops digits from names and cities (a stray digit keeps a hash from ever matching) and keeps the letters; some SDKs keep the digits, capi-param-builder rejects cities that start with one; normalization.md, `fn`/`ct`.",
            r => r.Case.Field is "fn" or "ln" or "f5first" or "f5last" or "fi" or "ct" && r.Case.Input!.Any(char.IsAsciiDigit)),
        new("city-letters-of-every-script", Verdict.DocsDecideForCapiKit,
            "Meta, `ct`: \"If using special characters, the text must be encoded in UTF-8 format.\" capi-param-builder drops or rejects non-Latin letters (`Москва`, `北京`, `Montréal` to `montral`); CapiKit keeps them.",
            r => r.Case.Field == "ct" && r.CapiKit.Value is { } v && v.Any(c => c > 0x7F)),
        new("state-code-for-us-state-names", Verdict.DocsDecideForCapiKit,
            "Meta, `st`: \"Use the 2-character ANSI abbreviation code in lowercase.\" The SDK tests keep US state names (`california`, `northcarolina`).",
            r => r.Case.Field == "st" && r.CapiKit.Value is { Length: 2 } && r.Case.ExpectedNormalized is { Length: > 2 }),
        new("state-guessed-from-its-first-letters", Verdict.DocsDecideForCapiKit,
            "Meta, `st`: \"Normalize states outside the U.S. in lowercase with no punctuation, no special characters, and no spaces.\" capi-param-builder cuts unknown text to two letters or to the code of a state whose name it starts with (`Bayern` to `ba`, `CaliforniaState` to `ca`, `xyz` to `xy`); CapiKit keeps the letters.",
            r => r.Case.Field == "st" && r.Case.ExpectedNormalized is { Length: 2 } && r.CapiKit.Value is { Length: > 2 }),
        new("state-letters-of-every-script", Verdict.DocsSilent,
            "The docs' \"no special characters\" for states does not say whether Cyrillic or Chinese letters are special. CapiKit keeps letters of every script, as for names and cities; capi-param-builder rejects them.",
            r => r.Case.Field == "st" && r.CapiKit.Value is { } v && v.Any(c => c > 0x7F)),
        new("state-other", Verdict.DocsSilent,
            "Text that is no state name or code (`1stState`, `CA/NY`) is kept as its letters, per the docs' rule for states outside the US; the SDKs guess a code from it.",
            r => r.Case.Field == "st"),
        new("postal-code-without-spaces", Verdict.DocsDecideForCapiKit,
            "Meta, `zp`: \"Use lowercase with no spaces and no dash.\" capi-param-builder keeps inner spaces (`sw1a 1aa`).",
            r => r.Case.Field == "zp" && r.Case.ExpectedNormalized is { } e && e.Contains(' ', StringComparison.Ordinal)),
        new("postal-code-dash-removed-not-cut", Verdict.DocsDecideForCapiKit,
            "Meta, `zp`: \"no dash\" and \"Use the area, district, and sector format for the UK\". The SDKs cut at the first dash (`SW1A-1AA` to `sw1a`, losing the sector); CapiKit removes the dash and cuts only a US ZIP+4 to five digits.",
            r => r.Case.Field == "zp" && r.Case.Input!.Contains('-', StringComparison.Ordinal) && r.CapiKit.Succeeded),
        new("postal-code-other", Verdict.DocsSilent,
            "Postal codes shorter than any country uses (fewer than three characters) are rejected, and every character but letters and digits goes (an `_` too); the docs name only spaces and dashes; normalization.md, `zp`.",
            r => r.Case.Field == "zp"),
        new("date-of-birth-as-yyyymmdd", Verdict.DocsDecideForCapiKit,
            "Meta, `db`: \"We accept the YYYYMMDD format accommodating a range of month, day and year combinations, with or without punctuation.\" The SDK tests hash the date as written (`01/01/2001`, `15011990`).",
            r => r.Case.Field == "db" && r.CapiKit.Value is { Length: 8 } && r.Case.ExpectedNormalized is { } e && e != r.CapiKit.Value && !YearOutOfRange(e)),
        new("birth-year-from-1900-to-now", Verdict.DocsDecideForCapiKit,
            "Meta: \"Year: Use the YYYY format from 1900 to current year.\" The SDK tests accept `0000`, `1000`, `1800`, `9999` or next year.",
            r => r.Case.Field is "db" or "doby" && r.Case.ExpectedNormalized is { } e && YearOutOfRange(e)),
        new("date-of-birth-other", Verdict.DocsSilent,
            "Text around a date (`DOB is 1990/12/31 (verified)`), impossible dates (`02-29-1900`), year-day-month orders and CJK date markers are rejected rather than guessed; normalization.md, `db`.",
            r => r.Case.Field == "db"),
        new("birth-parts-as-written", Verdict.DocsSilent,
            "Meta's older table: \"Use the MM format: 01 to 12.\" CapiKit also reads English month names (`May` to `05`) and pads single digits, as normalization.md, \"SDK-only keys\", says; the PHP SDK throws on them.",
            r => r.Case.Field is "dobd" or "dobm" or "doby"),
        new("gender-synonyms", Verdict.DocsSilent,
            "Meta: \"We accept gender in the form of an initial in lowercase.\" Nothing says to read `uncle`, `ma'am` or `she` as one; CapiKit maps `f`/`female`/`woman` and `m`/`male`/`man` only, and ignores digits around them; normalization.md, `ge`.",
            r => r.Case.Field == "ge"),
        new("email-rejected-not-rewritten", Verdict.DocsSilent,
            "The docs say trim and lower-case. The PHP SDK deletes characters that cannot be in an address (`foo()@bar.com` to `foo@bar.com`), which hashes an address the customer never gave; CapiKit rejects it; normalization.md, `em`.",
            r => r.Case.Field == "em"),
        new("country-code-made-up-from-text", Verdict.DocsDecideForCapiKit,
            "Meta, `country`: \"Use the lowercase, 2-letter country codes in ISO 3166-1 alpha-2.\" The SDKs cut text to two letters (`unknown` to `un`, `German` to `ge`, Georgia; `UK` to `uk`, not ISO's `gb`; `Burma` to `bu`, withdrawn); CapiKit gives the ISO code or rejects the value.",
            r => r.Case.Field == "country" && r.Case.ExpectedNormalized is { Length: <= 2 } e && r.CapiKit.Value != e),
        new("country-names-recognized", Verdict.DocsSilent,
            "The docs ask for alpha-2 codes and say nothing of names. CapiKit maps ISO 3166 names and common aliases (`Germany` to `de`); the Java and PHP SDKs reject them; normalization.md, `country`.",
            r => r.Case.Field == "country" && r.Case.ExpectsRejection && r.CapiKit.Succeeded),
        new("external-id-normalized-and-hashed", Verdict.DocsSilent,
            "Meta: \"Hashing recommended.\" The Python, Java, PHP and Ruby SDKs send `external_id` raw; CapiKit follows capi-param-builder (lower-case, no white space, hashed); normalization.md, `external_id`.",
            r => r.Case.Field == "external_id"),
    ];

    public static Classification? Find(ConformanceResult result) => All.FirstOrDefault(c => c.Matches(result));

    private static bool LooksHashed(string input) => HexRun().IsMatch(input);

    private static bool YearOutOfRange(string normalized) =>
        normalized.Length >= 4 && int.TryParse(normalized.AsSpan(normalized.Length == 8 ? 0 : normalized.Length - 4, 4), out int year)
            && (year < 1900 || year > Pii.Normalize.Today.GetUtcNow().Year);

    [GeneratedRegex("[0-9a-fA-F]{32,}")]
    private static partial Regex HexRun();
}
