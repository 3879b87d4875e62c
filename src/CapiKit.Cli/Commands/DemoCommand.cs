using System.CommandLine;
using System.Text.Json;
using CapiKit.Delivery;
using CapiKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CapiKit.Cli.Commands;

/// <summary>
/// <c>capi demo</c>: starts the local Conversions API emulator, sends it one Purchase through
/// <see cref="ConversionsApiClient"/> exactly as an application would, and prints the payload and Meta's answer.
/// </summary>
internal static class DemoCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(TextWriter output, TextWriter error)
    {
        Command command = new("demo", "Send one event to a local Conversions API emulator and print the payload and the response.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using ConversionsApiEmulator emulator = await ConversionsApiEmulator.StartAsync(cancellationToken: cancellationToken);
            ServiceCollection services = new();
            services.AddConversionsApi(options =>
            {
                options.DatasetId = "1234567890";
                options.AccessToken = "demo-token";
                options.BaseAddress = emulator.BaseAddress;
            });
            await using ServiceProvider provider = services.BuildServiceProvider();

            ServerEvent purchase = ServerEvent.ForWebsite(
                    EventDefinition.Purchase(142.52m, "USD"),
                    DateTimeOffset.UtcNow,
                    eventSourceUrl: "https://shop.example/checkout/complete",
                    clientUserAgent: "Mozilla/5.0 (X11; Linux x86_64)",
                    userData: new UserData(new Pii.NormalizationOptions { DefaultRegion = "US" }))
                .SetEventId($"order-{Guid.NewGuid():N}");
            purchase.UserData.AddEmail(" John_Smith@gmail.com ").AddPhone("(650) 555-1212").SetClientIpAddress("168.212.226.204");

            output.WriteLine($"Emulator listening on {emulator.BaseAddress}");
            output.WriteLine("Payload (personal data only as SHA-256):");
            output.WriteLine(Pretty(purchase.ToJson()));
            foreach (var rejected in purchase.Rejected)
            {
                output.WriteLine($"Left out: {rejected}");
            }

            DeliveryReport report = await provider.GetRequiredService<ConversionsApiClient>().SendAsync([purchase], cancellationToken);
            output.WriteLine($"Result: {report}");
            foreach (ReceivedRequest request in emulator.Requests)
            {
                output.WriteLine($"Response ({request.StatusCode}):");
                output.WriteLine(Pretty(request.Response));
            }

            return report.Failed.Any() ? 1 : 0;
        });
        return command;
    }

    private static string Pretty(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, Indented);
}
