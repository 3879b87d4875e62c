using CapiKit.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CapiKit.Testing.Tests;

/// <summary>An emulator on loopback and a client wired to it the way an application wires it (AddConversionsApi).</summary>
internal sealed class Harness : IAsyncDisposable
{
    public const string Token = "EAAtest0token0never0logged0000000000000000000000000000000000000000000000000000";

    private readonly ServiceProvider _services;

    private Harness(ConversionsApiEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        _services = services;
        Client = services.GetRequiredService<ConversionsApiClient>();
        Logs = services.GetFakeLogCollector();
    }

    public ConversionsApiEmulator Emulator { get; }

    public ConversionsApiClient Client { get; }

    public FakeLogCollector Logs { get; }

    public static async Task<Harness> StartAsync(Action<ConversionsApiOptions>? configure = null, int seed = 1, string? requiredAppSecret = null)
    {
        ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync(new EmulatorOptions { AccessToken = Token, Seed = seed, AppSecret = requiredAppSecret });
        ServiceCollection services = new();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        services.AddConversionsApi(options =>
        {
            options.DatasetId = "1234567890";
            options.AccessToken = Token;
            options.BaseAddress = emulator.BaseAddress;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            configure?.Invoke(options);
        });
        return new Harness(emulator, services.BuildServiceProvider());
    }

    /// <summary>A valid website purchase with an e-mail, made a given time ago.</summary>
    public static ServerEvent Purchase(int id, TimeSpan? age = null)
    {
        ServerEvent purchase = ServerEvent.ForWebsite(
                EventDefinition.Purchase(10m + id, "USD"),
                DateTimeOffset.UtcNow - (age ?? TimeSpan.FromMinutes(1)),
                "https://shop.example/checkout",
                "Mozilla/5.0 (X11; Linux x86_64)")
            .SetEventId($"order-{id}");
        purchase.UserData.AddEmail($"customer{id}@example.com");
        return purchase;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
