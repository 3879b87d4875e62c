using System.Text;
using CapiKit.AspNetCore.Queue;
using CapiKit.Delivery;

namespace Checkout.Shop;

/// <summary>
/// Tells the console what the background queue sent and what came back: each payload (personal data hashed) and
/// Meta's (or the emulator's) verdict on it.
/// </summary>
public sealed class ConversionsSender(ILogger<ConversionsSender> logger) : IEventQueueObserver
{
    public void Sent(IReadOnlyList<ReadOnlyMemory<byte>> events, DeliveryReport report)
    {
        for (int i = 0; i < events.Count; i++)
        {
            using System.Text.Json.JsonDocument payload = System.Text.Json.JsonDocument.Parse(events[i]);
            EventResult result = report.Results[i];
            Console.WriteLine($"--> {payload.RootElement.GetProperty("event_name").GetString()}");
            Console.WriteLine(Json.Pretty(Encoding.UTF8.GetString(events[i].Span)));
            Console.WriteLine($"<-- {result.Outcome}{(result.FbTraceId is { } trace ? $" (fbtrace_id {trace})" : "")}");
            if (result.Failure is { } failure)
            {
                logger.LogWarning("Event {Index} was not delivered: {Failure}", i, failure.Message);
            }
        }
    }
}

internal static class Json
{
    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Pretty(string json) =>
        System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement, Indented);
}
