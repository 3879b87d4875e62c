namespace CapiKit;

/// <summary>
/// The common shape of <c>fbc</c> and <c>fbp</c> values, checked without running the schema's regular expressions
/// (about a tenth of a writer's time per event): <c>fb.</c>, the subdomain index, a 10-16 digit time, then the
/// printable-ASCII click ID (or digits for a browser ID) and an optional parameter-builder appendix. Every text
/// accepted here matches the schema's pattern too (a property test checks it); anything else is left to the pattern,
/// so the answers are the pattern's.
/// </summary>
internal static class PlainCookieIds
{
    /// <summary>Whether the text certainly matches <c>formats.click_id</c>.</summary>
    public static bool IsPlainClickId(ReadOnlySpan<char> text) => TryReadPrefix(text, out ReadOnlySpan<char> payload) && IsPayload(payload, digitsOnly: false);

    /// <summary>Whether the text certainly matches <c>formats.browser_id</c>.</summary>
    public static bool IsPlainBrowserId(ReadOnlySpan<char> text) => TryReadPrefix(text, out ReadOnlySpan<char> payload) && IsPayload(payload, digitsOnly: true);

    // "fb." digits "." 10-16 digits ".", and what follows it.
    private static bool TryReadPrefix(ReadOnlySpan<char> text, out ReadOnlySpan<char> payload)
    {
        payload = default;
        if (!text.StartsWith("fb.", StringComparison.Ordinal))
        {
            return false;
        }

        text = text[3..];
        int subdomain = CountDigits(text);
        if (subdomain == 0 || subdomain == text.Length || text[subdomain] != '.')
        {
            return false;
        }

        text = text[(subdomain + 1)..];
        int time = CountDigits(text);
        if (time is < 10 or > 16 || time == text.Length || text[time] != '.')
        {
            return false;
        }

        payload = text[(time + 1)..];
        return true;
    }

    // The ID, then nothing or "." and 2-8 of [A-Za-z0-9_-]. Printable ASCII other than '.' is neither a dot nor
    // white space, so it is inside the pattern's [^.\s].
    private static bool IsPayload(ReadOnlySpan<char> payload, bool digitsOnly)
    {
        int dot = payload.IndexOf('.');
        ReadOnlySpan<char> id = dot < 0 ? payload : payload[..dot];
        if (id.IsEmpty || (digitsOnly ? id.ContainsAnyExceptInRange('0', '9') : id.ContainsAnyExceptInRange('!', '~')))
        {
            return false;
        }

        if (dot < 0)
        {
            return true;
        }

        ReadOnlySpan<char> appendix = payload[(dot + 1)..];
        if (appendix.Length is < 2 or > 8)
        {
            return false;
        }

        foreach (char c in appendix)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-')
            {
                return false;
            }
        }

        return true;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        int count = text.IndexOfAnyExceptInRange('0', '9');
        return count < 0 ? text.Length : count;
    }
}
