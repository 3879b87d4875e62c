using CapiKit.AspNetCore;
using CapiKit.AspNetCore.Parameters;
using CapiKit.AspNetCore.Queue;
using CapiKit.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds CapiKit's web parts to <c>services.AddConversionsApi(...)</c>.</summary>
public static class ConversionsWebServiceCollectionExtensions
{
    /// <summary>
    /// Adds the request reader (<c>fbc</c>, <c>fbp</c>, IP, user agent, URLs, event id; <c>app.UseConversionsApi()</c>
    /// runs it on every request), the Pixel helpers, and, unless another <see cref="IConversionsEventSink"/> is
    /// registered already, the bounded in-memory queue with its sender. <c>.AddOutbox(...)</c> replaces the queue as the
    /// sink whether it comes before or after this call.
    /// </summary>
    /// <param name="builder">What <c>AddConversionsApi</c> returned.</param>
    /// <param name="configure">Cookie domains, consent, the Pixel, the queue's limits.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddAspNetCore(this IHttpClientBuilder builder, Action<ConversionsWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        OptionsBuilder<ConversionsWebOptions> options = services.AddOptions<ConversionsWebOptions>().Validate(static o =>
        {
            o.Queue.Validate();
            return true;
        });
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConversionsRequestReader>();
        if (services.Any(d => d.ServiceType == typeof(IConversionsEventSink)))
        {
            return builder;
        }

        services.TryAddSingleton<EventQueueMetrics>();
        services.TryAddSingleton<InMemoryEventSink>();
        services.AddSingleton<IConversionsEventSink>(provider => provider.GetRequiredService<InMemoryEventSink>());
        services.AddSingleton<IHostedService, EventQueueSender>();
        return builder;
    }
}
