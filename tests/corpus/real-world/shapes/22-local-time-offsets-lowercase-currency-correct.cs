// Shape: event_time computed three ways that LOOK like local-time mistakes but are correct Unix seconds, and
//        lower-case ISO-4217 currency codes. NEGATIVE.
// Seen in: caglarsarikaya/FacebookConvensionAPI Integrator/FacebookConvension.cs (new DateTimeOffset(DateTime.Now),
//          Currency ?? "try"; 7472d3d6...); erikrodriguez21/PixelFacebookTest ApiFacebookService.cs
//          (DateTimeOffset.Now.ToUnixTimeSeconds(), "mxn"/"usd"; b00d8860...); boros-csaba/ecommerce-store
//          AnalyticsService.cs (epoch subtraction; 5f326f83...).
// Expect: nothing. DateTime.Now has Kind=Local, so new DateTimeOffset(DateTime.Now) carries the right offset and
//         ToUnixTimeSeconds() is the true instant; DateTimeOffset.Now likewise; epoch subtraction from UtcNow is
//         seconds. Meta accepts lower-case currency codes (its own SDK samples send 'usd').
#nullable enable
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape22;

public sealed class Sale
{
    [JsonPropertyName("event_name")] public string EventName { get; set; } = "";
    [JsonPropertyName("event_time")] public long EventTime { get; set; }
    [JsonPropertyName("event_id")] public string EventId { get; set; } = "";
    [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "website";
    [JsonPropertyName("event_source_url")] public string EventSourceUrl { get; set; } = "";
    [JsonPropertyName("user_data")] public Buyer UserData { get; set; } = new();
    [JsonPropertyName("custom_data")] public Price CustomData { get; set; } = new();
}

public sealed class Buyer
{
    [JsonPropertyName("em")] public string? Em { get; set; }
    [JsonPropertyName("client_user_agent")] public string? Ua { get; set; }
}

public sealed class Price
{
    [JsonPropertyName("value")] public decimal Value { get; set; }
    [JsonPropertyName("currency")] public string Currency { get; set; } = "";
}

public static class Clocks
{
    private static string Em(string email)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()))).ToLowerInvariant();

    public static string Build(string email, string ua, string url, decimal amount, string? currencyCode)
    {
        var events = new List<Sale>
        {
            new()
            {
                EventName = "Purchase",
                EventTime = new DateTimeOffset(DateTime.Now).ToUnixTimeSeconds(),
                EventId = Guid.NewGuid().ToString(),
                EventSourceUrl = url,
                UserData = new Buyer { Em = Em(email), Ua = ua },
                CustomData = new Price { Value = amount, Currency = currencyCode ?? "try" },
            },
            new()
            {
                EventName = "Purchase",
                EventTime = DateTimeOffset.Now.ToUnixTimeSeconds(),
                EventId = Guid.NewGuid().ToString(),
                EventSourceUrl = url,
                UserData = new Buyer { Em = Em(email), Ua = ua },
                CustomData = new Price { Value = amount, Currency = "mxn" },
            },
            new()
            {
                EventName = "Purchase",
                EventTime = (long)DateTime.UtcNow.Subtract(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds,
                EventId = Guid.NewGuid().ToString(),
                EventSourceUrl = url,
                UserData = new Buyer { Em = Em(email), Ua = ua },
                CustomData = new Price { Value = amount, Currency = "usd" },
            },
        };
        return JsonSerializer.Serialize(new { data = events });
    }
}
