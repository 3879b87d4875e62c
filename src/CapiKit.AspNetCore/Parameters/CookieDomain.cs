using System.Net;

namespace CapiKit.AspNetCore.Parameters;

/// <summary>
/// Where the first-party cookies go and the subdomain index their values carry, as Meta's Parameter Builder computes
/// them: the index is the number of dots of the registrable domain (eTLD+1: <c>example.com</c> gives 1,
/// <c>example.co.uk</c> 2), and an address or a one-label host (<c>localhost</c>) gives 0.
/// </summary>
/// <param name="Domain">The cookie's <c>Domain</c> attribute; null for a host-only cookie (an IP address or <c>localhost</c>, which browsers refuse as a domain).</param>
/// <param name="SubdomainIndex">The second segment of <c>fb.{index}.{ms}.{payload}</c>.</param>
internal readonly record struct CookieDomain(string? Domain, int SubdomainIndex)
{
    /// <summary>Resolves a request host (no port; IPv6 with or without brackets).</summary>
    public static CookieDomain For(string host, IEnumerable<string> domains, Func<string, string?>? resolve)
    {
        string name = host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        if (name.Length == 0 || IPAddress.TryParse(name, out _))
        {
            return new CookieDomain(null, 0);
        }

        string registrable = Listed(name, domains) ?? Resolved(name, resolve) ?? Fallback(name);
        int dots = registrable.Count(c => c == '.');
        return new CookieDomain(dots == 0 ? null : registrable, dots);
    }

    private static string? Listed(string name, IEnumerable<string> domains)
    {
        foreach (string listed in domains)
        {
            string domain = HostOf(listed);
            if (domain.Length > 0 && (name == domain || name.EndsWith("." + domain, StringComparison.Ordinal)))
            {
                return domain;
            }
        }

        return null;
    }

    /// <summary>A listed domain may be written as an origin (<c>https://example.com:8080</c>), as the builder allows.</summary>
    private static string HostOf(string listed)
    {
        string text = listed.Trim();
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        text = scheme >= 0 ? text[(scheme + 3)..] : text;
        int port = text.LastIndexOf(':');
        text = port >= 0 ? text[..port] : text;
        return text.Trim('/').TrimStart('.').ToLowerInvariant();
    }

    private static string? Resolved(string name, Func<string, string?>? resolve)
    {
        // Only an answer that is the host or one of its parents is a cookie domain a browser accepts.
        string? answer = resolve?.Invoke(name)?.Trim().TrimStart('.').ToLowerInvariant();
        return answer is { Length: > 0 } && (name == answer || name.EndsWith("." + answer, StringComparison.Ordinal)) ? answer : null;
    }

    /// <summary>The builder's guess without a list: more than two labels lose the first (<c>www.example.com</c> to <c>example.com</c>).</summary>
    private static string Fallback(string name) =>
        name.Count(c => c == '.') >= 2 ? name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..] : name;
}
