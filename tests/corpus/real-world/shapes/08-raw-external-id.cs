// Shape: user_data whose e-mail/phone go through hashing helpers but whose external_id is a raw application id
//        (string concatenation / cookie id) assigned directly.
// Seen in: retznutz/SharpFbConversions SharpFbConversions.Example/Program.cs (ExternalId = "user_12345",
//          e4cce8e6...); boros-csaba/ecommerce-store elenora/Features/Analytics/AnalyticsService.cs
//          (external_id = cookie id, 5f326f836d2b5e6f9a099ddd16b4c2f8d5d6a923).
// Expect: CAPI001 on the external_id value (Meta recommends hashing external_id; CapiKit lists it under CAPI001).
#nullable enable
using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape08;

public sealed class Member
{
    [JsonPropertyName("em")] public string? Email { get; set; }
    [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
    [JsonPropertyName("client_ip_address")] public string? Ip { get; set; }
    [JsonPropertyName("client_user_agent")] public string? Agent { get; set; }
}

public sealed class MemberEvent
{
    [JsonPropertyName("event_name")] public string EventName { get; set; } = "";
    [JsonPropertyName("event_time")] public long EventTime { get; set; }
    [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "";
    [JsonPropertyName("event_source_url")] public string? EventSourceUrl { get; set; }
    [JsonPropertyName("user_data")] public Member? UserData { get; set; }
}

public static class Loyalty
{
    private static string HashMail(string mail)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(mail.Trim().ToLowerInvariant()))).ToLowerInvariant();

    public static string Joined(int memberNumber, string mail, string ip, string ua, string url)
    {
        var ev = new MemberEvent
        {
            EventName = "CompleteRegistration",
            EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ActionSource = "website",
            EventSourceUrl = url,
            UserData = new Member
            {
                Email = HashMail(mail),
                ExternalId = {|CAPI001:"member_" + memberNumber|},
                Ip = ip,
                Agent = ua,
            },
        };
        return JsonSerializer.Serialize(new { data = new[] { ev } });
    }
}
