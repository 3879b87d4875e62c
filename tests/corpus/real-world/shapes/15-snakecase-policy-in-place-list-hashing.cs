// Shape: names produced by JsonNamingPolicy.SnakeCaseLower configured in the serializing method (action_source,
//        user_data, custom_data, data, value, currency have NO attribute; others keep [JsonPropertyName]); e-mail and
//        phone lists hashed in place through element writes (list[i] = Hash(list[i])) by a helper without
//        normalization.
// Seen in: Abdulmuizz98/Converta ConvertaApi/Models/MetaEvent.cs (afa099685b5a1025cc68cc9e455b63844388a049),
//          ConvertaApi/Models/UserData.cs and CustomData.cs (fbac7a78...), ConvertaApi/Controllers/MetaEventController.cs
//          (45699d20...) - HashSensitive.
// Expect: CAPI016 (placeholder) on `LeadEnvelope.Sha(mails[i])` and on `LeadEnvelope.Sha(phones[i])` - hashed exactly as received.
//         No CAPI002: ActionSource is sent as "action_source" by the naming policy.
//         No CAPI006 is expected either (not a Purchase here).
#nullable enable
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape15;

public class LeadUser
{
    [JsonPropertyName("em")] public List<string>? Email { get; set; }
    [JsonPropertyName("ph")] public List<string>? Phone { get; set; }
    [JsonPropertyName("client_user_agent")] public string? UserAgent { get; set; }
    [JsonPropertyName("client_ip_address")] public string? IPAddress { get; set; }
    [JsonIgnore] public Guid OwnerId { get; set; }
}

public class LeadMoney
{
    public decimal? Value { get; set; }
    public string? Currency { get; set; }
    [JsonIgnore] public Guid OwnerId { get; set; }
}

public class LeadEventDto
{
    [JsonPropertyName("event_time")] public long Time { get; set; }
    [JsonPropertyName("event_name")] public string Name { get; set; } = "";
    [JsonPropertyName("event_source_url")] public string SourceUrl { get; set; } = "";
    // [JsonPropertyName("action_source")]
    public string ActionSource { get; set; } = "";
    // [JsonPropertyName("user_data")]
    public LeadUser UserData { get; set; } = new();
    // [JsonPropertyName("custom_data")]
    public LeadMoney? CustomData { get; set; }
}

public class LeadEnvelope
{
    public List<LeadEventDto> Data { get; set; } = new();

    public string ToJson()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
        };
        return JsonSerializer.Serialize(this, options);
    }

    public static string Sha(string raw)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(raw));
        var sb = new StringBuilder();
        for (var i = 0; i < bytes.Length; i++) sb.Append(bytes[i].ToString("x2"));
        return sb.ToString();
    }
}

public static class LeadRelay
{
    public static string Build(LeadEventDto incoming)
    {
        var dto = new LeadEventDto
        {
            Time = incoming.Time,
            Name = incoming.Name,
            SourceUrl = incoming.SourceUrl,
            ActionSource = incoming.ActionSource,
            UserData = incoming.UserData,
            CustomData = incoming.CustomData,
        };

        var mails = dto.UserData.Email;
        var phones = dto.UserData.Phone;
        if (mails is not null)
            for (var i = 0; i < mails.Count; i++)
                mails[i] = {|CAPI016:LeadEnvelope.Sha(mails[i])|};
        if (phones is not null)
            for (var i = 0; i < phones.Count; i++)
                phones[i] = {|CAPI016:LeadEnvelope.Sha(phones[i])|};

        return new LeadEnvelope { Data = [dto] }.ToJson();
    }
}
