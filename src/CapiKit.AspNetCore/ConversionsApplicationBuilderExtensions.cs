using CapiKit.AspNetCore.Parameters;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds CapiKit's request reader to the pipeline.</summary>
public static class ConversionsApplicationBuilderExtensions
{
    /// <summary>
    /// Reads every request as Meta's Parameter Builder does and sets the <c>_fbc</c>/<c>_fbp</c> cookies. Place it
    /// after <c>UseForwardedHeaders()</c> (behind a proxy, so the client IP is the visitor's) and
    /// <c>UseCookiePolicy()</c> (so consent applies), before the endpoints.
    /// </summary>
    public static IApplicationBuilder UseConversionsApi(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<ConversionsRequestMiddleware>();
    }
}
