// Shape: nopCommerce-derived service: Newtonsoft DTOs (test_event_code mapped from a differently named property
//        with [JsonProperty(PropertyName = ..., NullValueHandling = ...)]), one hard-coded event_id per event
//        type, and literals written into members just before sending (settings.Token = "...",
//        body.TestCode = "..."); raw-only keys lower-cased; a lower-case-only hash helper.
// Seen in: caglarsarikaya/FacebookConvensionAPI Integrator/FacebookConvension.cs and Integrator/Models/MainBodyParams.cs
//          (7472d3d6df8fa635d5f36557cc867443d1f6dec3; content read by index ids 35449616172, 35821510041).
// Expect: CAPI009 on "1" and on "5" (constant event_id per event type);
//         CAPI012 on the token literal written to settings.Token;
//         CAPI011 on the literal written to body.TestCode (serialized as test_event_code);
//         CAPI007 x2 on the ToLowerInvariant() of ip / user agent;
//         CAPI016 (placeholder) on `Hash(_visitor.Email)` - lower-cased, not trimmed.
// Needs: Newtonsoft.Json
#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace CapiKit.RealWorld.Shape21;

public sealed class VisitorInfo
{
    public string? Email { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
}

public sealed class IntegrationSettings
{
    public string Token { get; set; } = "";
    public string PixelCode { get; set; } = "";
}

public sealed class RequestBody
{
    [JsonProperty(PropertyName = "data")]
    public List<EventParams> Data { get; set; } = new();

    [JsonProperty(PropertyName = "test_event_code", NullValueHandling = NullValueHandling.Ignore)]
    public string? TestCode { get; set; }
}

public sealed class EventParams
{
    [JsonProperty(PropertyName = "event_id")] public string? EventId { get; set; }
    [JsonProperty(PropertyName = "event_name")] public string EventName { get; set; } = "";
    [JsonProperty(PropertyName = "event_time")] public long EventTime { get; set; }
    [JsonProperty(PropertyName = "event_source_url")] public string? EventSourceUrl { get; set; }
    [JsonProperty(PropertyName = "action_source")] public string? ActionSource { get; set; }
    [JsonProperty(PropertyName = "user_data")] public UserParams? UserData { get; set; }
    [JsonProperty(PropertyName = "custom_data")] public MoneyParams? CustomData { get; set; }
}

public sealed class UserParams
{
    [JsonProperty(PropertyName = "em")] public List<string>? Em { get; set; }
    [JsonProperty(PropertyName = "client_ip_address")] public string? Ip { get; set; }
    [JsonProperty(PropertyName = "client_user_agent")] public string? Ua { get; set; }
}

public sealed class MoneyParams
{
    [JsonProperty(PropertyName = "value")] public float Value { get; set; }
    [JsonProperty(PropertyName = "currency")] public string? Currency { get; set; }
    [JsonProperty(PropertyName = "content_type")] public string? ContentType { get; set; }
}

public sealed class ConversionSender
{
    private readonly VisitorInfo _visitor;
    private readonly IntegrationSettings _settings = new();

    public ConversionSender(VisitorInfo visitor) => _visitor = visitor;

    public string Hash(string? raw)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(raw?.ToLowerInvariant() ?? string.Empty));
        var sb = new StringBuilder();
        foreach (var b in bytes) sb.Append(b.ToString("x2"));
        return sb.ToString();
    }

    private UserParams PrepareUser() => new()
    {
        Em = [{|CAPI016:Hash(_visitor.Email)|}],
        Ip = {|CAPI007:_visitor.Ip?.ToLowerInvariant()|},
        Ua = {|CAPI007:_visitor.UserAgent?.ToLowerInvariant()|},
    };

    private RequestBody AddToCart(string url, float price) => new()
    {
        Data =
        [
            new EventParams
            {
                EventId = {|CAPI009:"1"|},
                EventName = "AddToCart",
                EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                EventSourceUrl = url,
                ActionSource = "website",
                UserData = PrepareUser(),
                CustomData = new MoneyParams { Value = price, Currency = "TRY", ContentType = "product" },
            }
        ]
    };

    private RequestBody Purchase(string url, float total) => new()
    {
        Data =
        [
            new EventParams
            {
                EventId = {|CAPI009:"5"|},
                EventName = "Purchase",
                EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                EventSourceUrl = url,
                ActionSource = "website",
                UserData = PrepareUser(),
                CustomData = new MoneyParams { Value = total, Currency = "TRY" },
            }
        ]
    };

    public Task<string> SendAddToCartAsync(string url, float price) => SendAsync(AddToCart(url, price));
    public Task<string> SendPurchaseAsync(string url, float total) => SendAsync(Purchase(url, total));

    private async Task<string> SendAsync(RequestBody body)
    {
        _settings.Token = {|CAPI012:"EAAJk2ZCFakeTokenValueForCapiKitShapesOnlyZBh7mQ3xWZCzZAZD"|};
        _settings.PixelCode = "5555666677778888";
        body.TestCode = {|CAPI011:"TEST26117"|};

        var url = string.Join("/", new[] { "https://graph.facebook.com", "v14.0", _settings.PixelCode })
            + "/events?access_token=" + _settings.Token;
        using var client = new HttpClient();
        using var content = new StringContent(JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json");
        using var result = await client.PostAsync(url, content);
        return await result.Content.ReadAsStringAsync();
    }
}
