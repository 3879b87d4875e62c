namespace Checkout.Shop;

/// <summary>
/// What the request says about the visitor, as Meta wants it: the client IP and user agent as received, and the
/// <c>_fbc</c>/<c>_fbp</c> cookies of the Pixel. When an ad click brings an <c>fbclid</c> and no <c>_fbc</c> cookie
/// exists, the click ID is built from it as Meta documents (<c>fb.1.{ms}.{fbclid}</c>, the fbclid never lower-cased)
/// and kept in a 90-day first-party cookie.
/// </summary>
public sealed record Visitor(string? ClientIp, string UserAgent, string? ClickId, string? BrowserId, string PageUrl)
{
    public static Visitor From(HttpContext context, TimeProvider clock)
    {
        HttpRequest request = context.Request;
        string? clickId = request.Cookies["_fbc"];
        if (clickId is null && request.Query["fbclid"].FirstOrDefault() is { Length: > 0 } fbclid)
        {
            clickId = $"fb.1.{clock.GetUtcNow().ToUnixTimeMilliseconds()}.{fbclid}";
            context.Response.Cookies.Append("_fbc", clickId, new CookieOptions { MaxAge = TimeSpan.FromDays(90), HttpOnly = false, SameSite = SameSiteMode.Lax });
        }

        string page = $"{request.Scheme}://{request.Host}{request.Path}";
        return new Visitor(
            context.Connection.RemoteIpAddress?.ToString(),
            request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : "unknown",
            clickId,
            request.Cookies["_fbp"],
            page);
    }
}
