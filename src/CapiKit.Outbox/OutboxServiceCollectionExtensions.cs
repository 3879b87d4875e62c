using CapiKit.Outbox;
using CapiKit.Outbox.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the outbox to <c>services.AddConversionsApi(...)</c>.</summary>
public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds durable delivery: <see cref="IConversionsOutbox"/> (also registered as <see cref="IConversionsEventSink"/>)
    /// stores events before it returns, and a hosted worker delivers them through the client registered by
    /// <c>AddConversionsApi</c>. Choose the store inside: <c>outbox => outbox.UseSqlite("Data Source=capi.db")</c>.
    /// </summary>
    /// <param name="builder">What <c>AddConversionsApi</c> returned.</param>
    /// <param name="configure">Chooses the store and the options.</param>
    /// <returns>The same builder, for more HTTP client configuration.</returns>
    public static IHttpClientBuilder AddOutbox(this IHttpClientBuilder builder, Action<OutboxBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        OutboxBuilder outbox = new(builder.Services);
        configure(outbox);
        Func<IServiceProvider, IOutboxStore> storeFactory = outbox.StoreFactory
            ?? throw new InvalidOperationException("AddOutbox needs a store: call outbox.UseSqlite(...) or outbox.UsePostgres(...).");

        IServiceCollection services = builder.Services;
        services.AddOptions<OutboxOptions>().Validate(static options =>
        {
            options.Validate();
            return true;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxMetrics>();
        services.TryAddSingleton<IOutboxStore>(storeFactory);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<SchemaGate>();
        services.TryAddSingleton<ConversionsOutbox>();
        services.TryAddSingleton<IConversionsOutbox>(provider => provider.GetRequiredService<ConversionsOutbox>());
        // The outbox is asked for explicitly, so it is the sink whatever was registered before it (CapiKit.AspNetCore's
        // in-memory queue, added when AddAspNetCore() ran first): events a web app tracks are then stored durably.
        services.RemoveAll<IConversionsEventSink>();
        services.AddSingleton<IConversionsEventSink>(provider => provider.GetRequiredService<ConversionsOutbox>());
        services.AddSingleton<IHostedService, OutboxWorker>(provider =>
            ActivatorUtilities.CreateInstance<OutboxWorker>(provider, provider.GetRequiredService<IOptions<OutboxOptions>>()));
        return builder;
    }
}
