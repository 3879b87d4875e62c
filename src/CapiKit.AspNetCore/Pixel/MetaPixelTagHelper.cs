using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CapiKit.AspNetCore.Pixel;

/// <summary>
/// <c>&lt;meta-pixel /&gt;</c> writes the Pixel code with every event the request tracked, each with its server event's
/// id. Put it at the end of the layout's body: Razor renders the page before its layout, so the page's events are
/// tracked by then. Add it with <c>@addTagHelper *, CapiKit.AspNetCore</c>.
/// </summary>
[HtmlTargetElement("meta-pixel", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MetaPixelTagHelper : TagHelper
{
    /// <summary>The page being rendered; set by Razor.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The Content-Security-Policy nonce of the script element, if the site uses one.</summary>
    public string? Nonce { get; set; }

    /// <inheritdoc/>
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        output.Content.SetHtmlContent(MetaPixel.For(ViewContext.HttpContext, Nonce));
    }
}
