using CapiKit;
using CapiKit.AspNetCore;
using CapiKit.AspNetCore.Parameters;
using CapiKit.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Http;

/// <summary>The request's visitor data and event id, and tracking an event for both the Pixel and the server.</summary>
public static class HttpContextConversionsExtensions
{
    /// <summary>
    /// The request as Meta's Parameter Builder reads it (read once; <c>app.UseConversionsApi()</c> reads it first).
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddAspNetCore()</c> was not called.</exception>
    public static ConversionsRequest GetConversionsRequest(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ConversionsRequest>()
            ?? Reader(context.RequestServices).Read(context);
    }

    /// <summary>
    /// Tracks the event (<see cref="ConversionsRequest.Track"/>: it gets the request's event id and visitor data, and
    /// the Pixel helpers write it into the page) and hands it to the background queue; returns once it is queued,
    /// never waiting for Meta.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="serverEvent">The event, from a builder or a <c>[ConversionEvent]</c> class's <c>ToServerEvent()</c>.</param>
    /// <param name="cancellationToken">
    /// Stops a wait for room in a full queue; not the request's abort token by default, so a visitor who leaves does
    /// not take the event with them.
    /// </param>
    public static async Task<ServerEvent> TrackAsync(this HttpContext context, ServerEvent serverEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ServerEvent tracked = context.GetConversionsRequest().Track(serverEvent);
        await context.RequestServices.GetRequiredService<IConversionsEventSink>().EnqueueAsync([tracked], cancellationToken).ConfigureAwait(false);
        return tracked;
    }

    private static ConversionsRequestReader Reader(IServiceProvider services) =>
        services.GetService<ConversionsRequestReader>()
        ?? throw new InvalidOperationException("CapiKit.AspNetCore is not registered: call services.AddConversionsApi(...).AddAspNetCore().");
}
