// Shape: event_name produced from an enum's ToString() whose members are Meta's standard names, and from const
//        fields equal to standard names; ids per occurrence; phone normalized to digits. NEGATIVE.
// Seen in: AhmedTurky75/Qaflaty src/Qaflaty.Domain/Ads/Enums/TrackingEventType.cs (3900fe09...) with
//          MetaTrackingProvider.SendAsync (cd5d4709...); nopSolutions/nopCommerce FacebookPixelDefaults.cs const names
//          (26b93e8d...).
// Expect: nothing. No CAPI008 (names are exact standard names), no CAPI009 (event ids are Guids), no CAPI016.
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape29;

public enum Funnel
{
    PageView,
    ViewContent,
    Search,
    AddToCart,
    InitiateCheckout,
    AddPaymentInfo,
    CompleteRegistration,
    Contact,
}

public static class Names
{
    public const string AddToWishlist = "AddToWishlist";
}

public sealed class Hit
{
    [JsonPropertyName("event_name")] public string EventName { get; set; } = "";
    [JsonPropertyName("event_time")] public long EventTime { get; set; }
    [JsonPropertyName("event_id")] public string EventId { get; set; } = "";
    [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "website";
    [JsonPropertyName("event_source_url")] public string EventSourceUrl { get; set; } = "";
    [JsonPropertyName("user_data")] public HitUser UserData { get; set; } = new();
}

public sealed class HitUser
{
    [JsonPropertyName("ph")] public string? Ph { get; set; }
    [JsonPropertyName("client_ip_address")] public string? Ip { get; set; }
    [JsonPropertyName("client_user_agent")] public string? Ua { get; set; }
}

public static class FunnelSender
{
    private static string? Phone(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var digits = new string(raw.Where(char.IsDigit).ToArray());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(digits))).ToLowerInvariant();
    }

    public static string Build(Funnel step, bool wishlist, string url, string? phone, string ip, string ua)
    {
        var hits = new List<Hit>
        {
            new()
            {
                EventName = step.ToString(),
                EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                EventId = Guid.NewGuid().ToString("N"),
                EventSourceUrl = url,
                UserData = new HitUser { Ph = Phone(phone), Ip = ip, Ua = ua },
            },
        };
        if (wishlist)
        {
            hits.Add(new Hit
            {
                EventName = Names.AddToWishlist,
                EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                EventId = Guid.NewGuid().ToString("N"),
                EventSourceUrl = url,
                UserData = new HitUser { Ph = Phone(phone), Ip = ip, Ua = ua },
            });
        }
        return JsonSerializer.Serialize(new { data = hits });
    }
}
