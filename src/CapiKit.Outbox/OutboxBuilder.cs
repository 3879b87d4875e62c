using CapiKit.Outbox.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CapiKit.Outbox;

/// <summary>
/// Configures the outbox inside <c>AddOutbox(outbox => ...)</c>: the store (<c>UseSqlite</c>, <c>UsePostgres</c>
/// from the store packages) and the worker's options.
/// </summary>
public sealed class OutboxBuilder
{
    internal OutboxBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    internal Func<IServiceProvider, IOutboxStore>? StoreFactory { get; private set; }

    /// <summary>Uses a store; the store packages call this. The last call wins.</summary>
    public OutboxBuilder UseStore(Func<IServiceProvider, IOutboxStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        StoreFactory = factory;
        return this;
    }

    /// <summary>Changes the worker's options (batch size, lease, backoff, retention).</summary>
    public OutboxBuilder Configure(Action<OutboxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddOptions<OutboxOptions>().Configure(configure);
        return this;
    }
}
