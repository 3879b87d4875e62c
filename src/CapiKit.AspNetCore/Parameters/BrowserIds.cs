namespace CapiKit.AspNetCore.Parameters;

/// <summary>A cookie the request must set: a new or replaced <c>_fbc</c>, or a new <c>_fbp</c>.</summary>
internal readonly record struct CookieToSet(string Name, string Value);

/// <summary>The <c>fbc</c> and <c>fbp</c> of a request and the cookies that keep them.</summary>
internal sealed record BrowserIds(string? ClickId, string? BrowserId, IReadOnlyList<CookieToSet> CookiesToSet)
{
    /// <summary>
    /// What Meta's Parameter Builder does with the cookies it finds and the <c>fbclid</c> it is given: a valid
    /// <c>_fbc</c> is kept unless the click ID differs from its payload, then it is replaced with one created now (the
    /// click ID exactly as received, never case-changed); a missing or invalid <c>_fbp</c> is created. Unlike the
    /// builder, no language appendix is added and valid cookies are never rewritten (see the package README).
    /// </summary>
    /// <param name="fbc">The <c>_fbc</c> cookie, if any.</param>
    /// <param name="fbp">The <c>_fbp</c> cookie, if any.</param>
    /// <param name="fbclid">The click ID of the URL, or else of the referrer's URL.</param>
    /// <param name="subdomainIndex">From <see cref="CookieDomain"/>.</param>
    /// <param name="nowMilliseconds">The creation time of any new value, Unix milliseconds.</param>
    /// <param name="random">The random part of a new <c>_fbp</c>, from 0 to 2^31 - 2 as the builder draws it.</param>
    public static BrowserIds From(string? fbc, string? fbp, string? fbclid, int subdomainIndex, long nowMilliseconds, int random)
    {
        List<CookieToSet> cookies = [];
        string? clickId = MetaCookie.IsValid(fbc) ? fbc : null;
        string? browserId = MetaCookie.IsValid(fbp) ? fbp : null;
        if (browserId is null)
        {
            browserId = MetaCookie.Create(subdomainIndex, nowMilliseconds, random.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cookies.Add(new CookieToSet(MetaCookie.BrowserIdName, browserId));
        }

        if (!string.IsNullOrEmpty(fbclid) && MetaCookie.Payload(clickId) != fbclid)
        {
            clickId = MetaCookie.Create(subdomainIndex, nowMilliseconds, fbclid);
            cookies.Add(new CookieToSet(MetaCookie.ClickIdName, clickId));
        }

        return new BrowserIds(clickId, browserId, cookies);
    }
}
