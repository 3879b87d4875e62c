using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CapiKit.AspNetCore.Parameters;

/// <summary>
/// Reads a request once, as Meta's Parameter Builder does, keeps the result in the request's features, and writes the
/// first-party cookies: on the registrable domain, for 90 days, <c>SameSite=Lax</c>, <c>Secure</c> on HTTPS, and
/// readable by script (Meta's Pixel reads <c>_fbc</c>/<c>_fbp</c> and sends them with its own events).
/// </summary>
internal sealed class ConversionsRequestReader(IOptions<ConversionsWebOptions> options, TimeProvider time)
{
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(90);

    private readonly ConversionsWebOptions _options = options.Value;

    public ConversionsRequest Read(HttpContext context)
    {
        if (context.Features.Get<ConversionsRequest>() is { } known)
        {
            return known;
        }

        HttpRequest request = context.Request;
        CookieDomain domain = CookieDomain.For(request.Host.Host, _options.CookieDomains, _options.ResolveRegistrableDomain);
        DateTimeOffset now = time.GetUtcNow();
        BrowserIds ids = BrowserIds.From(
            request.Cookies[MetaCookie.ClickIdName],
            request.Cookies[MetaCookie.BrowserIdName],
            ClickIdOf(request),
            domain.SubdomainIndex,
            now.ToUnixTimeMilliseconds(),
            RandomNumberGenerator.GetInt32(int.MaxValue));
        if (ids.CookiesToSet.Count > 0 && !context.Response.HasStarted && _options.CanWriteCookies(context))
        {
            CookieOptions cookie = new()
            {
                Domain = domain.Domain,
                Path = "/",
                MaxAge = CookieLifetime,
                Expires = now + CookieLifetime,
                Secure = request.IsHttps,
                SameSite = SameSiteMode.Lax,
                HttpOnly = false,
            };
            foreach (CookieToSet set in ids.CookiesToSet)
            {
                context.Response.Cookies.Append(set.Name, set.Value, cookie);
            }
        }

        string? referrer = NonEmpty(request.Headers.Referer.ToString());
        ConversionsRequest read = new(
            ids.ClickId,
            ids.BrowserId,
            ClientIp.Select(request.Cookies[MetaCookie.ClientIpName], context.Connection.RemoteIpAddress),
            NonEmpty(request.Headers.UserAgent.ToString()),
            request.Host.HasValue ? request.GetEncodedUrl() : null,
            referrer);
        context.Features.Set(read);
        return read;
    }

    /// <summary>The URL's <c>fbclid</c>, or else the one in the referrer's URL (a redirect may have dropped it).</summary>
    private static string? ClickIdOf(HttpRequest request)
    {
        if (NonEmpty(request.Query["fbclid"].FirstOrDefault() ?? "") is { } fromUrl)
        {
            return fromUrl;
        }

        string referrer = request.Headers.Referer.ToString();
        if (referrer.Length == 0)
        {
            return null;
        }

        // The builder reads a referrer without a scheme ("example.com?fbclid=...") too.
        string absolute = referrer.Contains("://", StringComparison.Ordinal) ? referrer : "http://" + referrer;
        return Uri.TryCreate(absolute, UriKind.Absolute, out Uri? uri)
            && QueryHelpers.ParseQuery(uri.Query).TryGetValue("fbclid", out Microsoft.Extensions.Primitives.StringValues values)
            ? NonEmpty(values.FirstOrDefault() ?? "")
            : null;
    }

    private static string? NonEmpty(string value) => value.Length > 0 ? value : null;
}
