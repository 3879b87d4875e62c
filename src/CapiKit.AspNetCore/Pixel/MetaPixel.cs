using CapiKit.Delivery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CapiKit.AspNetCore.Pixel;

/// <summary>
/// The Pixel code of a page as <see cref="IHtmlContent"/>, for minimal APIs and hand-written HTML: call it after the
/// page's events are tracked (<c>HttpContext.TrackAsync</c>), so each is written with its event id.
/// </summary>
public static class MetaPixel
{
    /// <summary>The loader, <c>init</c>, and one <c>fbq('track', ...)</c> per event tracked by this request.</summary>
    /// <param name="context">The request whose tracked events are written.</param>
    /// <param name="nonce">The Content-Security-Policy nonce of the script element, if the site uses one.</param>
    public static HtmlString For(HttpContext context, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ConversionsWebOptions options = context.RequestServices.GetRequiredService<IOptions<ConversionsWebOptions>>().Value;
        string pixelId = options.PixelId
            ?? context.RequestServices.GetService<IOptions<ConversionsApiOptions>>()?.Value.DatasetId
            ?? throw new InvalidOperationException("No Pixel id: set ConversionsWebOptions.PixelId or the dataset id of AddConversionsApi.");
        return new HtmlString(PixelScript.Render(pixelId, options.PixelScriptUrl, context.GetConversionsRequest().TrackedEvents, options.TrackPageView, nonce));
    }
}
