// Shape: user_data DTO whose "em"/"ph" are getter-only computed properties wrapping [JsonIgnore] backing
//        properties; one hash helper (trim+lower) used for both e-mail and phone; a "verify credentials" event
//        whose only customer parameter is client_user_agent; event name from an enum whose members are the
//        standard event names.
// Seen in: AhmedTurky75/Qaflaty src/Qaflaty.Infrastructure/Services/Ads/Providers/MetaTrackingProvider.cs
//          (cd5d4709f49b060ca15de12629c9db21ac497726), src/Qaflaty.Domain/Ads/Enums/TrackingEventType.cs (3900fe09...).
// Expect: CAPI016 (placeholder) on `HashOrNull(o.Phone)` - phone normalized like an e-mail, not digits-only;
//         CAPI013 on the verification user_data creation (client_user_agent alone is not enough for Meta);
//         CAPI005 on the verification event creation (website event without event_source_url).
//         No CAPI008: EventKind.ToString() yields standard names. No CAPI001: em/ph values are hashed.
#nullable enable
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape12;

public enum EventKind
{
    PageView = 0,
    ViewContent = 1,
    AddToCart = 3,
    InitiateCheckout = 4,
    Purchase = 6,
}

public sealed record Occurrence(Guid Key, EventKind Kind, string? PageUrl, string? Ip, string? Agent, string? Email, string? Phone);

public static class MetaAdapter
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Verify()
    {
        var body = new WireBody
        {
            Data =
            [
                {|CAPI005:new WireEvent
                {
                    EventName = "PageView",
                    EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    EventId = $"verify-{Guid.NewGuid()}",
                    ActionSource = "website",
                    UserData = {|CAPI013:new WireUser { ClientUserAgent = "Verifier/1.0" }|},
                }|}
            ],
        };
        return JsonSerializer.Serialize(body, Options);
    }

    public static string Send(Occurrence o)
    {
        var body = new WireBody
        {
            Data =
            [
                new WireEvent
                {
                    EventName = o.Kind.ToString(),
                    EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    EventId = o.Key.ToString(),
                    ActionSource = "website",
                    EventSourceUrl = o.PageUrl,
                    UserData = new WireUser
                    {
                        EmailHash = HashOrNull(o.Email),
                        PhoneHash = {|CAPI016:HashOrNull(o.Phone)|},
                        ClientIpAddress = o.Ip,
                        ClientUserAgent = o.Agent,
                    },
                }
            ],
        };
        return JsonSerializer.Serialize(body, Options);
    }

    private static string? HashOrNull(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant()));
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    private sealed class WireBody
    {
        [JsonPropertyName("data")] public List<WireEvent> Data { get; set; } = [];
        [JsonPropertyName("test_event_code")] public string? TestEventCode { get; set; }
    }

    private sealed class WireEvent
    {
        [JsonPropertyName("event_name")] public string EventName { get; set; } = string.Empty;
        [JsonPropertyName("event_time")] public long EventTime { get; set; }
        [JsonPropertyName("event_id")] public string EventId { get; set; } = string.Empty;
        [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "website";
        [JsonPropertyName("event_source_url")] public string? EventSourceUrl { get; set; }
        [JsonPropertyName("user_data")] public WireUser UserData { get; set; } = new();
    }

    private sealed class WireUser
    {
        [JsonPropertyName("em")] public List<string>? Em => EmailHash is null ? null : [EmailHash];
        [JsonPropertyName("ph")] public List<string>? Ph => PhoneHash is null ? null : [PhoneHash];
        [JsonIgnore] public string? EmailHash { get; set; }
        [JsonIgnore] public string? PhoneHash { get; set; }
        [JsonPropertyName("client_ip_address")] public string? ClientIpAddress { get; set; }
        [JsonPropertyName("client_user_agent")] public string? ClientUserAgent { get; set; }
    }
}
