// Shape: a "check the connection" call that sends Meta's documented sample request as typed DTOs: two Purchase
//        events with the sample's fixed event_time, the second one (as in the sample) without action_source.
//        STJ DTOs, WhenWritingNull, hashed values are the sample's hex literals.
// Seen in: Meta's sample request body on developers.facebook.com/docs/marketing-api/conversions-api/using-the-api/
//          ("event_time": 1633552688, second event with only client_ip_address / client_user_agent and no
//          action_source), carried into code as ready-to-send example input by a Prismatic (@prismatic-io/spectral)
//          Meta Ads connector (index id 62529184806, repository not identified: `events` input example) and a JS
//          module exporting it as `eventsPayload` (index id 54864267039). Sent today, 1633552688 (2021-10-06) is years
//          outside the 7-day window, and Meta rejects the whole request.
// Expect: CAPI003 (fixed instant) on each `1633552688`; CAPI002 (no action_source) on the second event's creation;
//         CAPI009 (constant event_id) on the sample's `"event.id.123"`: every run sends the same id, so Meta
//         deduplicates each check against the previous one.
//         No CAPI001/CAPI016: em/ph are already digests. No CAPI013: ip + user agent is not an invalid-only set.
#nullable enable
using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace CapiKit.RealWorld.Shape33;

public sealed class SampleUser
{
    [JsonPropertyName("client_ip_address")] public string? Ip { get; init; }
    [JsonPropertyName("client_user_agent")] public string? Agent { get; init; }
    [JsonPropertyName("em")] public string[]? Em { get; init; }
    [JsonPropertyName("ph")] public string[]? Ph { get; init; }
    [JsonPropertyName("fbc")] public string? Fbc { get; init; }
    [JsonPropertyName("fbp")] public string? Fbp { get; init; }
}

public sealed class SampleMoney
{
    [JsonPropertyName("value")] public decimal Value { get; init; }
    [JsonPropertyName("currency")] public string Currency { get; init; } = "USD";
}

public sealed class SampleEvent
{
    [JsonPropertyName("event_name")] public string Name { get; init; } = "";
    [JsonPropertyName("event_time")] public long Time { get; init; }
    [JsonPropertyName("event_id")] public string? Id { get; init; }
    [JsonPropertyName("event_source_url")] public string? Url { get; init; }
    [JsonPropertyName("action_source")] public string? Source { get; init; }
    [JsonPropertyName("user_data")] public SampleUser? User { get; init; }
    [JsonPropertyName("custom_data")] public SampleMoney? Money { get; init; }
}

public sealed class SampleRequest
{
    [JsonPropertyName("data")] public SampleEvent[] Data { get; init; } = Array.Empty<SampleEvent>();
}

public sealed class ConnectionCheck
{
    private static readonly System.Text.Json.JsonSerializerOptions s_options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;

    public ConnectionCheck(HttpClient http) => _http = http;

    public async Task<bool> RunAsync(string datasetId)
    {
        var request = new SampleRequest
        {
            Data =
            [
                new SampleEvent
                {
                    Name = "Purchase",
                    Time = {|CAPI003:1633552688|},
                    Id = {|CAPI009:"event.id.123"|},
                    Url = "http://jaspers-market.com/product/123",
                    Source = "website",
                    User = new SampleUser
                    {
                        Ip = "192.19.9.9",
                        Agent = "test ua",
                        Em = ["309a0a5c3e211326ae75ca18196d301a9bdbd1a882a4d2569511033da23f0abd"],
                        Ph = ["254aa248acb47dd654ca3ea53f48c2c26d641d23d7e2e93a1ec56258df7674c4"],
                        Fbc = "fb.1.1554763741205.AbCdEfGhIjKlMnOpQrStUvWxYz1234567890",
                        Fbp = "fb.1.1558571054389.1098115397",
                    },
                    Money = new SampleMoney { Value = 100.2m },
                },
                {|CAPI002:new SampleEvent
                {
                    Name = "Purchase",
                    Time = {|CAPI003:1633552688|},
                    User = new SampleUser { Ip = "192.88.9.9", Agent = "test ua2" },
                    Money = new SampleMoney { Value = 50.5m },
                }|},
            ],
        };

        // The token comes from the HttpClient's configured handler, not from this code.
        using var response = await _http.PostAsJsonAsync($"v21.0/{datasetId}/events", request, s_options);
        return response.IsSuccessStatusCode;
    }
}
