using System.Net;
using System.Text.RegularExpressions;

namespace CapiKit;

/// <summary>The format checks the schema names for fields sent as given (URLs, currencies, IP addresses, click IDs).</summary>
internal static partial class FieldFormats
{
    /// <summary>The schema's format names whose values have a checkable shape (<c>formats</c>).</summary>
    public const string ClickIdFormat = "click_id";

    /// <inheritdoc cref="ClickIdFormat"/>
    public const string BrowserIdFormat = "browser_id";

    public const string UrlProblem = "not an absolute http or https URL";
    public const string CurrencyProblem = "not a three-letter ISO 4217 currency code such as USD";

    /// <summary>An absolute http(s) URL, or null to clear. For values a developer writes: a bad one throws.</summary>
    public static string? Url(string field, string? value) =>
        value is null ? null : IsUrl(value) ? value : throw new ArgumentException($"{field} must be an absolute http or https URL.", field);

    /// <summary>An ISO 4217 code: three ASCII letters, written upper-case; null to clear. A bad one throws.</summary>
    public static string? Currency(string field, string? value) =>
        value is null ? null : AsCurrency(value) ?? throw new ArgumentException($"{field} must be a three-letter ISO 4217 currency code such as USD.", field);

    public static bool IsUrl(string value) =>
        IsPlainHttpUrl(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    /// <summary>
    /// The common shape of a page URL, checked without the <see cref="Uri"/> that <see cref="Uri.TryCreate(string?, UriKind, out Uri?)"/>
    /// allocates: <c>http://</c> or <c>https://</c>, a host name of lower-case letters, digits and inner hyphens (no
    /// port, no IP address, no user info), then nothing or a path and query of unreserved characters and
    /// <c>/?&amp;=+</c>. Every such text is an absolute http(s) URL for <see cref="Uri"/> too (tested); anything else
    /// is left to it.
    /// </summary>
    internal static bool IsPlainHttpUrl(ReadOnlySpan<char> text)
    {
        const int MaxLength = 2048;
        if (text.Length > MaxLength)
        {
            return false;
        }

        if (text.StartsWith("https://", StringComparison.Ordinal))
        {
            text = text[8..];
        }
        else if (text.StartsWith("http://", StringComparison.Ordinal))
        {
            text = text[7..];
        }
        else
        {
            return false;
        }

        int hostEnd = text.IndexOfAny('/', '?');
        ReadOnlySpan<char> host = hostEnd < 0 ? text : text[..hostEnd];
        if (host.Length is 0 or > 253)
        {
            return false;
        }

        // Labels of 1-63 characters, no hyphen at either end; the last one starts with a letter (not an IPv4 address).
        int labelStart = 0;
        for (int i = 0; i <= host.Length; i++)
        {
            if (i == host.Length || host[i] == '.')
            {
                ReadOnlySpan<char> label = host[labelStart..i];
                if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
                {
                    return false;
                }

                labelStart = i + 1;
            }
            else if (!char.IsAsciiLetterLower(host[i]) && !char.IsAsciiDigit(host[i]) && host[i] != '-')
            {
                return false;
            }
        }

        if (!char.IsAsciiLetterLower(host[(host.LastIndexOf('.') + 1)..][0]))
        {
            return false;
        }

        if (hostEnd < 0)
        {
            return true;
        }

        // A path must start with "/" (a query right after the host, "https://a.com?x", is left to Uri).
        return text[hostEnd] == '/' && !text[hostEnd..].ContainsAnyExcept(PathCharacters);
    }

    private static readonly System.Buffers.SearchValues<char> PathCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/?&=+");

    /// <summary>The upper-case code, or null when the text is not three ASCII letters.</summary>
    public static string? AsCurrency(string value)
    {
        string code = value.Trim();
        // Three character tests, not LINQ's All, which enumerates the string through a boxed enumerator per event.
        return code.Length == 3 && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]) && char.IsAsciiLetter(code[2])
            ? code.ToUpperInvariant()
            : null;
    }

    /// <summary>Why a raw <c>user_data</c> value does not have its format, or null when it does.</summary>
    public static string? RawProblem(string format, string value) => format switch
    {
        "ip_address" when !IsDottedQuad(value) && (!IPAddress.TryParse(value, out _) || value.Contains(' ', StringComparison.Ordinal)) =>
            "not an IPv4 or IPv6 address",
        ClickIdFormat when !PlainCookieIds.IsPlainClickId(value) && !ClickId().IsMatch(value) => "not an fbc value of the form fb.{subdomain}.{milliseconds}.{fbclid}",
        BrowserIdFormat when !PlainCookieIds.IsPlainBrowserId(value) && !BrowserId().IsMatch(value) => "not an fbp value of the form fb.{subdomain}.{milliseconds}.{random}",
        _ => null,
    };

    /// <summary>
    /// Whether the text is an IPv4 address in its plain form (four decimal numbers from 0 to 255 without leading
    /// zeros): valid for <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> too, which is then not asked,
    /// because it allocates the address it parses.
    /// </summary>
    private static bool IsDottedQuad(ReadOnlySpan<char> text)
    {
        for (int part = 0; part < 4; part++)
        {
            int digits = 0;
            int number = 0;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                number = (number * 10) + (text[digits] - '0');
                digits++;
                if (digits > 3)
                {
                    return false;
                }
            }

            if (digits == 0 || number > 255 || (digits > 1 && text[0] == '0'))
            {
                return false;
            }

            text = text[digits..];
            if (part < 3)
            {
                if (text.IsEmpty || text[0] != '.')
                {
                    return false;
                }

                text = text[1..];
            }
        }

        return text.IsEmpty;
    }

    // fb.{subdomain index}.{creation time in ms}.{payload}, with an optional 8-character parameter-builder appendix.
    // The patterns and problems are the schema's (formats.click_id, formats.browser_id), written here for the regex
    // source generator, which cannot read generated constants; SchemaFormatTests compares them.
    [GeneratedRegex(@"^fb\.[0-9]+\.[0-9]{10,16}\.[^.\s]+(\.[A-Za-z0-9_-]{2,8})?$", RegexOptions.CultureInvariant)]
    internal static partial Regex ClickId();

    [GeneratedRegex(@"^fb\.[0-9]+\.[0-9]{10,16}\.[0-9]+(\.[A-Za-z0-9_-]{2,8})?$", RegexOptions.CultureInvariant)]
    internal static partial Regex BrowserId();
}
