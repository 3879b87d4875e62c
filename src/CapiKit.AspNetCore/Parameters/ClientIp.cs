using System.Net;
using System.Net.Sockets;

namespace CapiKit.AspNetCore.Parameters;

/// <summary>
/// The client IP as Meta's Parameter Builder picks it: of the <c>_fbi</c> cookie (written by Meta's browser-side
/// builder) and the request's address, a public IPv6 address first (cookie, then request), then a public IPv4 one
/// (cookie, then request); private, loopback and link-local addresses are never sent. The request's address is
/// <see cref="Microsoft.AspNetCore.Http.ConnectionInfo.RemoteIpAddress"/>: behind a proxy, ASP.NET Core's
/// forwarded-headers middleware sets it from <c>X-Forwarded-For</c> for the proxies the app trusts; the header itself
/// is never read here, since any client can write it.
/// </summary>
internal static class ClientIp
{
    public static string? Select(string? fbiCookie, IPAddress? requestAddress)
    {
        IPAddress? cookie = FromCookie(fbiCookie);
        IPAddress? request = requestAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : requestAddress;
        IPAddress? best =
            Public(cookie, AddressFamily.InterNetworkV6)
            ?? Public(request, AddressFamily.InterNetworkV6)
            ?? Public(cookie, AddressFamily.InterNetwork)
            ?? Public(request, AddressFamily.InterNetwork);
        return best?.ToString();
    }

    public static bool IsPublic(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !address.IsIPv6LinkLocal && !address.IsIPv6UniqueLocal && !address.IsIPv6SiteLocal;
        }

        byte[] b = address.GetAddressBytes();
        return !(b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254));
    }

    /// <summary>
    /// The cookie's address without the appendix Meta's builders add; a value that is not exactly one address (a
    /// bare number, which <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> would take) counts as none.
    /// </summary>
    private static IPAddress? FromCookie(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string text = value.Trim();
        int lastDot = text.LastIndexOf('.');
        if (lastDot >= 0 && MetaCookie.IsAppendix(text[(lastDot + 1)..]))
        {
            text = text[..lastDot];
        }

        return Parse(text);
    }

    private static IPAddress? Parse(string text)
    {
        if (!IPAddress.TryParse(text, out IPAddress? address))
        {
            return null;
        }

        bool dottedQuad = text.Count(c => c == '.') == 3 && text.All(c => c == '.' || char.IsAsciiDigit(c));
        return address.AddressFamily == AddressFamily.InterNetwork ? (dottedQuad ? address : null) : text.Contains(':', StringComparison.Ordinal) ? address : null;
    }

    private static IPAddress? Public(IPAddress? address, AddressFamily family) =>
        address is not null && address.AddressFamily == family && IsPublic(address) ? address : null;
}
