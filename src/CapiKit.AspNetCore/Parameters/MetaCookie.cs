namespace CapiKit.AspNetCore.Parameters;

/// <summary>
/// The shape of <c>_fbc</c> and <c>_fbp</c> values as Meta's Parameter Builder accepts them:
/// <c>fb.{subdomain index}.{creation ms}.{payload}</c>, optionally followed by an appendix that one of Meta's
/// builders added (a two-letter language token of the first versions, or eight base64url characters). Anything else
/// is treated as absent, so a mangled cookie is replaced rather than sent (Meta's "Click ID Incorrectly Formatted").
/// </summary>
internal static class MetaCookie
{
    public const string ClickIdName = "_fbc";
    public const string BrowserIdName = "_fbp";

    /// <summary>Written by Meta's browser-side builder: the visitor's address as the browser saw it (IPv6 preferred).</summary>
    public const string ClientIpName = "_fbi";

    /// <summary>Language tokens of Meta's builders (PHP, Python, Java, Node, Ruby, browser JS), the first appendix form.</summary>
    private static readonly string[] LanguageTokens = ["AQ", "Ag", "Aw", "BA", "BQ", "Bg"];

    private const int AppendixLength = 8;

    public static bool IsValid(string? value) => Payload(value) is not null;

    /// <summary>The payload segment (the click ID of <c>_fbc</c>, the random number of <c>_fbp</c>), or null when invalid.</summary>
    public static string? Payload(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        string[] segments = value.Split('.');
        if (segments.Length is < 4 or > 5 || (segments.Length == 5 && !IsAppendix(segments[4])))
        {
            return null;
        }

        return segments[0] == "fb" && IsDigits(segments[1]) && IsDigits(segments[2]) && segments[3].Length > 0 ? segments[3] : null;
    }

    /// <summary>Whether the last dot-separated part of a value is an appendix one of Meta's builders writes.</summary>
    public static bool IsAppendix(string segment) =>
        segment.Length == AppendixLength || Array.IndexOf(LanguageTokens, segment) >= 0;

    public static string Create(int subdomainIndex, long creationMilliseconds, string payload) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fb.{subdomainIndex}.{creationMilliseconds}.{payload}");

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
