using Microsoft.AspNetCore.Http;

namespace CapiKit.AspNetCore.Parameters;

/// <summary>
/// Reads every request before the endpoint runs, so the landing page of an ad click keeps its <c>fbclid</c> in
/// <c>_fbc</c> even when it sends no event, and the cookies are set before the response starts.
/// </summary>
internal sealed class ConversionsRequestMiddleware(RequestDelegate next, ConversionsRequestReader reader)
{
    public Task InvokeAsync(HttpContext context)
    {
        reader.Read(context);
        return next(context);
    }
}
