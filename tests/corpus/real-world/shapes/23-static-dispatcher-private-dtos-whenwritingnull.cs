// Shape: internal static dispatcher with private nested DTOs, [JsonIgnore(WhenWritingNull)] on every optional
//        field, a BuildPayload helper, one HashIfPresent helper (trim + lower + SHA256.HashData) used for all PII,
//        event_time chosen by a switch on the event name, test code passed in and blanked when empty,
//        JsonContent.Create for the body.
// Seen in: safefy_api_payment.Services.Internal.Tracking.FacebookCapiTrackingDispatcher (index id 60581395232;
//          repository not identified in the index).
// Expect: CAPI016 (placeholder) on `HashIfPresent(buyer?.Phone)` - phone normalized like an e-mail, not digits-only.
//         Nothing else: Purchase has value + currency, website event has url + user agent, fbc/fbp/ip/ua raw,
//         event ids per payment, Unix seconds from a UTC-forced DateTime.
#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace CapiKit.RealWorld.Shape23;

public enum Money { BRL, USD }

public sealed class Charge
{
    public Guid Id { get; set; }
    public long AmountCents { get; set; }
    public Money Currency { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? RefundedAt { get; set; }
    public string? Origin { get; set; }
}

public sealed class Buyer
{
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? City { get; set; }
}

internal static class ChargeTrackingDispatcher
{
    public static async Task SendAsync(HttpClient http, string pixelId, string accessToken, string? testEventCode,
        Charge charge, string eventName, Buyer? buyer, string? fbc, string? fbp, string? ip, string? ua, CancellationToken ct)
    {
        var endpoint = $"https://graph.facebook.com/v25.0/{Uri.EscapeDataString(pixelId)}/events?access_token={Uri.EscapeDataString(accessToken)}";
        var payload = BuildPayload(charge, eventName, buyer, fbc, fbp, ip, ua, testEventCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(payload) };
        using var response = await http.SendAsync(request, ct);
    }

    private static WirePayload BuildPayload(Charge charge, string eventName, Buyer? buyer,
        string? fbc, string? fbp, string? ip, string? ua, string? testEventCode)
    {
        var user = new WireUser
        {
            Em = HashIfPresent(buyer?.Email),
            Ph = {|CAPI016:HashIfPresent(buyer?.Phone)|},
            Ct = HashIfPresent(buyer?.City),
            Fbc = fbc,
            Fbp = fbp,
            ClientIpAddress = ip,
            ClientUserAgent = ua,
        };

        var data = new WireEvent
        {
            EventName = eventName,
            EventTime = ResolveTime(charge, eventName),
            EventId = $"{charge.Id}:{eventName}",
            ActionSource = "website",
            EventSourceUrl = charge.Origin ?? "https://pay.example.com",
            UserData = user,
            CustomData = new WireCustom
            {
                Value = decimal.Round(charge.AmountCents / 100m, 2, MidpointRounding.AwayFromZero),
                Currency = charge.Currency.ToString(),
                OrderId = charge.Id.ToString(),
            },
        };

        return new WirePayload
        {
            Data = [data],
            TestEventCode = string.IsNullOrWhiteSpace(testEventCode) ? null : testEventCode,
        };
    }

    private static long ResolveTime(Charge charge, string eventName)
    {
        var when = eventName switch
        {
            "Purchase" => charge.CompletedAt ?? charge.CreatedAt,
            "Refunded" => charge.RefundedAt ?? charge.CreatedAt,
            _ => charge.CreatedAt,
        };
        return new DateTimeOffset(DateTime.SpecifyKind(when, DateTimeKind.Utc)).ToUnixTimeSeconds();
    }

    private static string? HashIfPresent(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(raw.Trim().ToLowerInvariant()));
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    private sealed class WirePayload
    {
        [JsonPropertyName("data")] public List<WireEvent> Data { get; set; } = [];

        [JsonPropertyName("test_event_code")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? TestEventCode { get; set; }
    }

    private sealed class WireEvent
    {
        [JsonPropertyName("event_name")] public string EventName { get; set; } = string.Empty;
        [JsonPropertyName("event_time")] public long EventTime { get; set; }
        [JsonPropertyName("event_id")] public string EventId { get; set; } = string.Empty;
        [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "website";

        [JsonPropertyName("event_source_url")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? EventSourceUrl { get; set; }

        [JsonPropertyName("user_data")] public WireUser UserData { get; set; } = new();
        [JsonPropertyName("custom_data")] public WireCustom CustomData { get; set; } = new();
    }

    private sealed class WireUser
    {
        [JsonPropertyName("em")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Em { get; set; }
        [JsonPropertyName("ph")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Ph { get; set; }
        [JsonPropertyName("ct")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Ct { get; set; }
        [JsonPropertyName("fbc")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Fbc { get; set; }
        [JsonPropertyName("fbp")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Fbp { get; set; }
        [JsonPropertyName("client_ip_address")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ClientIpAddress { get; set; }
        [JsonPropertyName("client_user_agent")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ClientUserAgent { get; set; }
    }

    private sealed class WireCustom
    {
        [JsonPropertyName("value")] public decimal Value { get; set; }
        [JsonPropertyName("currency")] public string Currency { get; set; } = "BRL";
        [JsonPropertyName("order_id")] public string OrderId { get; set; } = string.Empty;
    }
}
