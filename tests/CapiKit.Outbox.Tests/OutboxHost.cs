using CapiKit.Delivery;
using CapiKit.Outbox.Storage;
using CapiKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CapiKit.Outbox.Tests;

/// <summary>An application in the test process: AddConversionsApi(...).AddOutbox(...) against an emulator.</summary>
internal sealed class OutboxHost : IAsyncDisposable
{
    public const string Token = "EAAtest0token0never0logged0000000000000000000000000000000000000000000000000000";

    private readonly ServiceProvider _provider;
    private IHostedService[] _started = [];

    private OutboxHost(ServiceProvider provider)
    {
        _provider = provider;
        Outbox = provider.GetRequiredService<IConversionsOutbox>();
        Store = provider.GetRequiredService<IOutboxStore>();
        Logs = provider.GetFakeLogCollector();
    }

    public IConversionsOutbox Outbox { get; }

    public IOutboxStore Store { get; }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => _provider;

    public static OutboxHost Create(
        ConversionsApiEmulator emulator,
        Action<OutboxBuilder> store,
        TimeProvider? time = null,
        Action<OutboxOptions>? outbox = null,
        Action<ConversionsApiOptions>? client = null)
    {
        ServiceCollection services = new();
        if (time is not null)
        {
            services.TryAddSingleton(time);
        }

        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddConversionsApi(options =>
            {
                options.DatasetId = "1234567890";
                options.AccessToken = Token;
                options.BaseAddress = emulator.BaseAddress;
                options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                options.MaxRetryAttempts = 1;
                options.AttemptTimeout = TimeSpan.FromSeconds(10);
                client?.Invoke(options);
            })
            .AddOutbox(builder =>
            {
                store(builder);
                builder.Configure(options =>
                {
                    options.PollInterval = TimeSpan.FromMilliseconds(50);
                    options.StatsInterval = TimeSpan.FromMilliseconds(100);
                    outbox?.Invoke(options);
                });
            });
        return new OutboxHost(services.BuildServiceProvider());
    }

    public async Task StartWorkerAsync()
    {
        _started = _provider.GetServices<IHostedService>().ToArray();
        foreach (IHostedService service in _started)
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public async Task WaitUntilEmptyAsync(TimeSpan timeout)
    {
        using CancellationTokenSource cancel = new(timeout);
        while ((await Outbox.GetStatsAsync(cancel.Token)).Pending > 0)
        {
            await Task.Delay(20, cancel.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IHostedService service in _started)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _provider.DisposeAsync();
    }
}
