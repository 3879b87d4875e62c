// Shape: test_event_code supplied by a DTO property's default value (never cleared); a Purchase event built from
//        const name/source with user_data only (no custom_data), no URL, no user agent; e-mail hashed raw.
// Seen in: mjacob2/Sameposty Sameposty.Services/FacebookPixel/FacebookPixelPayload.cs and FacebookPixelNotifier.cs
//          (0ab923eee01ec85b5fcf3914206f8c7f31fe5c2d).
// Expect: CAPI011 on the property initializer literal;
//         CAPI006 and CAPI005 on the Purchase event creation (no value/currency; website event without
//         event_source_url / client_user_agent);
//         CAPI016 (placeholder) on `Fingerprint(buyerEmail)` - hashed without trim/lower-case.
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace CapiKit.RealWorld.Shape13;

public class PixelBody
{
    [JsonPropertyName("data")] public List<PixelRow> Data { get; set; } = new();
    [JsonPropertyName("test_event_code")] public string TestEventCode { get; set; } = {|CAPI011:"TEST51937"|};
}

public class PixelRow
{
    [JsonPropertyName("event_name")] public string EventName { get; set; } = "";
    [JsonPropertyName("event_time")] public long EventTime { get; set; }
    [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "";
    [JsonPropertyName("user_data")] public PixelUser? UserData { get; set; }
    [JsonPropertyName("custom_data")] public PixelMoney? CustomData { get; set; }
}

public class PixelUser
{
    [JsonPropertyName("em")] public List<string> EmailHashes { get; set; } = new();
}

public class PixelMoney
{
    [JsonPropertyName("currency")] public string? Currency { get; set; }
    [JsonPropertyName("value")] public string? Value { get; set; }
}

public class SubscriptionNotifier(HttpClient http)
{
    private const string EventName = "Purchase";
    private const string Source = "website";

    public async Task<string> NotifyAsync(string buyerEmail, string pixelId, string token)
    {
        var body = new PixelBody
        {
            Data =
            [
                {|CAPI005:{|CAPI006:new PixelRow
                {
                    EventName = EventName,
                    EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ActionSource = Source,
                    UserData = new PixelUser { EmailHashes = [{|CAPI016:Fingerprint(buyerEmail)|}] },
                }|}|}
            ]
        };

        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"https://graph.facebook.com/v20.0/{pixelId}/events?access_token={token}", content);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Fingerprint(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return string.Join("", hash.Select(b => b.ToString("x2")));
    }
}
