using CapiKit.AspNetCore.Queue;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CapiKit.AspNetCore;

/// <summary>How <c>AddAspNetCore()</c> reads requests, writes the Pixel and queues events.</summary>
public sealed class ConversionsWebOptions
{
    /// <summary>Where Meta's Pixel script is loaded from; tests and strict CSPs point it elsewhere.</summary>
    public static readonly Uri MetaPixelScript = new("https://connect.facebook.net/en_US/fbevents.js");

    /// <summary>
    /// The registrable domains the site runs on (<c>example.com</c>, <c>example.co.uk</c>): a host that is one of them,
    /// or below one, gets its <c>_fbc</c>/<c>_fbp</c> cookies there. Without a match, <see cref="ResolveRegistrableDomain"/>
    /// is asked, and then the Parameter Builder's fallback applies (a host of more than two labels loses its first one).
    /// Listing the domains is the only way to get <c>.co.uk</c>-style suffixes right without a public-suffix list.
    /// </summary>
    public IList<string> CookieDomains { get; } = new List<string>();

    /// <summary>
    /// Gives the eTLD+1 of a host (say, from a public-suffix list package), or null to fall back. Consulted after
    /// <see cref="CookieDomains"/>.
    /// </summary>
    public Func<string, string?>? ResolveRegistrableDomain { get; set; }

    /// <summary>
    /// Whether the <c>_fbc</c>/<c>_fbp</c> cookies may be written for this request. The default follows ASP.NET Core's
    /// cookie consent (<see cref="ITrackingConsentFeature.CanTrack"/>, true when no consent policy is configured). The
    /// values are still read and sent with the request's events: consent for sending is the application's call.
    /// </summary>
    public Func<HttpContext, bool> CanWriteCookies { get; set; } = static context =>
        context.Features.Get<ITrackingConsentFeature>()?.CanTrack ?? true;

    /// <summary>The Pixel's id; null uses the dataset id of <c>AddConversionsApi</c> (a Pixel id is a dataset id).</summary>
    public string? PixelId { get; set; }

    /// <summary>The Pixel script's address; <see cref="MetaPixelScript"/> unless a test or a proxy serves it.</summary>
    public Uri PixelScriptUrl { get; set; } = MetaPixelScript;

    /// <summary>Whether the Pixel code also tracks a <c>PageView</c> (browser only: it has no server twin to dedup with).</summary>
    public bool TrackPageView { get; set; }

    /// <summary>The background queue's limits, batching and shutdown.</summary>
    public EventQueueOptions Queue { get; } = new();
}
