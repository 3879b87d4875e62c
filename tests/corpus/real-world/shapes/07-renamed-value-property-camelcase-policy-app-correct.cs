// Shape: DTO where the C# name differs from the JSON name ([JsonPropertyName("value")] on ValueToSum) and a
//        camel-case naming policy is configured but every property carries an explicit name; app event with
//        complete app_data; identifiers hashed by helpers that normalize first. NEGATIVE.
// Seen in: retznutz/SharpFbConversions SharpFbConversions/Models/CustomData.cs (3ceb5c79...),
//          Services/FacebookAppEventsService.cs (JsonNamingPolicy.CamelCase), Utilities/HashUtility.cs (c9a6238a...).
// Expect: nothing. Purchase sends "value" (from ValueToSum) and "currency"; the camel-case policy does not rename
//         attributed properties; app_data has advertiser/application tracking flags and extinfo; em/ph are
//         hashed after trim+lower / digits-only; external_id is hashed too.
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape07;

public sealed class StoreEvent
{
    [JsonPropertyName("event_name")] public string EventName { get; set; } = string.Empty;
    [JsonPropertyName("event_time")] public long EventTime { get; set; }
    [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "app";
    [JsonPropertyName("event_id")] public string? EventId { get; set; }
    [JsonPropertyName("user_data")] public StoreUser? UserData { get; set; }
    [JsonPropertyName("custom_data")] public StoreMoney? CustomData { get; set; }
    [JsonPropertyName("app_data")] public StoreApp? AppData { get; set; }
}

public sealed class StoreUser
{
    [JsonPropertyName("em")] public string? Email { get; set; }
    [JsonPropertyName("ph")] public string? Phone { get; set; }
    [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
}

public sealed class StoreMoney
{
    [JsonPropertyName("value")] public decimal? ValueToSum { get; set; }
    [JsonPropertyName("currency")] public string? Currency { get; set; }
}

public sealed class StoreApp
{
    [JsonPropertyName("advertiser_tracking_enabled")] public int AdvertiserTrackingEnabled { get; set; }
    [JsonPropertyName("application_tracking_enabled")] public int ApplicationTrackingEnabled { get; set; }
    [JsonPropertyName("extinfo")] public string[] ExtInfo { get; set; } = Array.Empty<string>();
}

public static class Digests
{
    public static string? Sha256(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        using var sha = SHA256.Create();
        return Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant()))).ToLowerInvariant();
    }

    public static string? Phone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Sha256(new string(value.Where(char.IsDigit).ToArray()));
    }
}

public static class Subscriptions
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Purchased(string email, string phone, string accountId, decimal price, string[] extInfo)
    {
        var item = new StoreEvent
        {
            EventName = "Purchase",
            EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            EventId = Guid.NewGuid().ToString(),
            UserData = new StoreUser
            {
                Email = Digests.Sha256(email),
                Phone = Digests.Phone(phone),
                ExternalId = Digests.Sha256(accountId),
            },
            CustomData = new StoreMoney { ValueToSum = price, Currency = "USD" },
            AppData = new StoreApp { AdvertiserTrackingEnabled = 1, ApplicationTrackingEnabled = 1, ExtInfo = extInfo },
        };
        return JsonSerializer.Serialize(new { data = new[] { item } }, Options);
    }
}
