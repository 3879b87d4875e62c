// Shape: client library whose PII properties are of a wrapper type with a user-defined implicit conversion
//        from string that hashes (SHA-256 after ToLowerInvariant, no Trim); record DTOs with init properties;
//        event_time typed DateTimeOffset (STJ writes an ISO-8601 string).
// Seen in: buraktamturk/PixelSharp src/PixelSharp/Models/HashedString.cs, Models/UserData.cs, Models/ModelEvent.cs,
//          Converters/HashStringConverter.cs, README.md (67469928967f8abce0d48dcf9890c5f738b4e17b).
// Expect: no CAPI001 on `Em = shopperEmail` (the implicit operator hashes);
//         CAPI016 (placeholder) on `shopperEmail` - the conversion lower-cases but never trims;
//         CAPI004 on `DateTimeOffset.UtcNow` - event_time is serialized as a date string, not Unix seconds.
#nullable enable
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape03;

[JsonConverter(typeof(DigestConverter))]
public sealed class Digest
{
    public Digest(string hex) => Hex = hex;
    public string Hex { get; }

    public static Digest Of(string raw)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(raw.ToLowerInvariant()));
        var sb = new StringBuilder();
        foreach (var b in bytes) sb.Append(b.ToString("x2"));
        return new Digest(sb.ToString());
    }

    public static implicit operator Digest(string raw) => Of(raw);
}

public sealed class DigestConverter : JsonConverter<Digest>
{
    public override Digest? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, Digest value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Hex);
}

public record Shopper
{
    [JsonPropertyName("em")] public Digest? Em { get; init; }
    [JsonPropertyName("ph")] public Digest? Ph { get; init; }
    [JsonPropertyName("client_ip_address")] public string? Ip { get; init; }
    [JsonPropertyName("client_user_agent")] public string? Agent { get; init; }
}

public record Money
{
    [JsonPropertyName("value")] public decimal? Value { get; init; }
    [JsonPropertyName("currency")] public string? Currency { get; init; }
}

public record PixelEvent
{
    [JsonPropertyName("event_name")] public string EventName { get; init; } = "";
    [JsonPropertyName("event_time")] public DateTimeOffset EventTime { get; init; }
    [JsonPropertyName("event_source_url")] public string? EventSourceUrl { get; init; }
    [JsonPropertyName("action_source")] public string ActionSource { get; init; } = "";
    [JsonPropertyName("user_data")] public Shopper? UserData { get; init; }
    [JsonPropertyName("custom_data")] public Money? CustomData { get; init; }
}

public record PixelRequest
{
    [JsonPropertyName("data")] public IReadOnlyCollection<PixelEvent> Data { get; init; } = Array.Empty<PixelEvent>();
    [JsonPropertyName("test_event_code")] public string? TestEventCode { get; init; }
}

public static class Checkout
{
    public static string Build(string shopperEmail, string ip, string ua, decimal total, string url)
    {
        var request = new PixelRequest
        {
            Data = new List<PixelEvent>
            {
                new()
                {
                    EventName = "Purchase",
                    ActionSource = "website",
                    EventTime = {|CAPI004:DateTimeOffset.UtcNow|},
                    UserData = new()
                    {
                        Em = {|CAPI016:shopperEmail|},
                        Ip = ip,
                        Agent = ua,
                    },
                    CustomData = new() { Currency = "USD", Value = total },
                    EventSourceUrl = url,
                }
            },
        };
        return JsonSerializer.Serialize(request);
    }
}
