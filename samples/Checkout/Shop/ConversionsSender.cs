using CapiKit;
using CapiKit.Delivery;
using CapiKit.Pii;
using CapiKit.Testing;

namespace Checkout.Shop;

/// <summary>
/// Sends one event and tells the console what went out and what came back: the payload (personal data hashed) and
/// the answer, the emulator's JSON or Meta's result.
/// </summary>
public sealed class ConversionsSender(ConversionsApiClient client, ILogger<ConversionsSender> logger, ConversionsApiEmulator? emulator = null)
{
    /// <summary>Customers' phone numbers are written without a country code; they are US numbers.</summary>
    public static readonly NormalizationOptions Normalization = new() { DefaultRegion = "US" };

    public async Task SendAsync(ServerEvent serverEvent, CancellationToken cancellationToken)
    {
        Console.WriteLine($"--> {serverEvent.EventName}");
        Console.WriteLine(Json.Pretty(serverEvent.ToJson()));
        foreach (NormalizationError rejected in serverEvent.Rejected)
        {
            Console.WriteLine($"    left out: {rejected}");
        }

        int answered = emulator?.Requests.Count ?? 0;
        DeliveryReport report = await client.SendAsync([serverEvent], cancellationToken);
        EventResult result = report.Results[0];
        if (emulator is not null && emulator.Requests.Count > answered)
        {
            Console.WriteLine($"<-- {emulator.Requests[^1].StatusCode}");
            Console.WriteLine(Json.Pretty(emulator.Requests[^1].Response));
        }
        else
        {
            Console.WriteLine($"<-- {result.Outcome} (fbtrace_id {result.FbTraceId ?? result.Failure?.FbTraceId})");
        }

        if (result.Failure is { } failure)
        {
            logger.LogWarning("{EventName} was not delivered: {Failure}", serverEvent.EventName, failure.Message);
        }
    }
}

internal static class Json
{
    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Pretty(string json) =>
        System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement, Indented);
}
