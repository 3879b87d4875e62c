// Shape: Pinterest's Conversions API, written with the same keys as Meta's (data[], event_name, event_time, event_id,
//        event_source_url, action_source, user_data.em / client_ip_address / client_user_agent, custom_data.currency /
//        value) but Pinterest's vocabulary: lower-case snake_case event names ("add_to_cart", "lead", "search",
//        "checkout") and action sources "web", "app_android", "offline". NEGATIVE (precision).
// Seen in: oapicf/pinterest-sdk, the generated C# client: clients/csharp/generated/docs/ConversionEventsDataInner.md
//          (8f66cce95509a4c91efb764d7f66ae966ca4256a; event_name add_to_cart, checkout, custom, lead, page_visit,
//          search, signup, view_category, watch_video; action_source app_android, app_ios, web, offline) and
//          ConversionEventsApi.md (POST /v5/ad_accounts/{ad_account_id}/events). Snapchat's CAPI does the same with
//          "PURCHASE" and "WEB" (a Python sender, index id 57384507855).
// Expect: nothing. No CAPI008: "add_to_cart", "lead", "search" are Pinterest's standard names, not near misses of
//         Meta's; an event whose action_source is none of Meta's is not a Meta event. No CAPI016: e-mail normalized.
#nullable enable
using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace CapiKit.RealWorld.Shape36;

public sealed class PinUser
{
    [JsonPropertyName("em")] public string[]? Em { get; init; }
    [JsonPropertyName("client_ip_address")] public string? Ip { get; init; }
    [JsonPropertyName("client_user_agent")] public string? Agent { get; init; }
}

public sealed class PinCustom
{
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
}

public sealed class PinEvent
{
    [JsonPropertyName("event_name")] public string EventName { get; init; } = "";
    [JsonPropertyName("action_source")] public string ActionSource { get; init; } = "web";
    [JsonPropertyName("event_time")] public long EventTime { get; init; }
    [JsonPropertyName("event_id")] public string EventId { get; init; } = "";
    [JsonPropertyName("event_source_url")] public string? EventSourceUrl { get; init; }
    [JsonPropertyName("user_data")] public PinUser UserData { get; init; } = new();
    [JsonPropertyName("custom_data")] public PinCustom? CustomData { get; init; }
}

public sealed class PinRequest
{
    [JsonPropertyName("data")] public PinEvent[] Data { get; init; } = Array.Empty<PinEvent>();
}

public sealed class PinterestConversions
{
    private readonly HttpClient _http;

    public PinterestConversions(HttpClient http) => _http = http;

    public Task<HttpResponseMessage> CartAsync(string adAccountId, string email, string ip, string agent, string url, decimal price) =>
        SendAsync(adAccountId, new PinEvent
        {
            EventName = "add_to_cart",
            EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            EventId = Guid.NewGuid().ToString("N"),
            EventSourceUrl = url,
            UserData = User(email, ip, agent),
            CustomData = new PinCustom { Currency = "USD", Value = price.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });

    public Task<HttpResponseMessage> LeadAsync(string adAccountId, string email, string ip, string agent) =>
        SendAsync(adAccountId, new PinEvent
        {
            EventName = "lead",
            ActionSource = "app_android",
            EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            EventId = Guid.NewGuid().ToString("N"),
            UserData = User(email, ip, agent),
        });

    public Task<HttpResponseMessage> SearchAsync(string adAccountId, string email, string ip, string agent, string url) =>
        SendAsync(adAccountId, new PinEvent
        {
            EventName = "search",
            EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            EventId = Guid.NewGuid().ToString("N"),
            EventSourceUrl = url,
            UserData = User(email, ip, agent),
        });

    public Task<HttpResponseMessage> StoreCheckoutAsync(string adAccountId, string email, string orderId, decimal total) =>
        SendAsync(adAccountId, new PinEvent
        {
            EventName = "checkout",
            ActionSource = "offline",
            EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            EventId = orderId,
            UserData = new PinUser { Em = [Sha256(email.Trim().ToLowerInvariant())] },
            CustomData = new PinCustom { Currency = "USD", Value = total.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });

    private static PinUser User(string email, string ip, string agent) =>
        new() { Em = [Sha256(email.Trim().ToLowerInvariant())], Ip = ip, Agent = agent };

    // The bearer token is set on the HttpClient by its registration.
    private Task<HttpResponseMessage> SendAsync(string adAccountId, PinEvent pinEvent) =>
        _http.PostAsJsonAsync($"https://api.pinterest.com/v5/ad_accounts/{adAccountId}/events", new PinRequest { Data = [pinEvent] });

    private static string Sha256(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
