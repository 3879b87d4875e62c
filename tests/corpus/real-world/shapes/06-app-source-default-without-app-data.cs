// Shape: DTO whose action_source defaults to "app" through a property initializer, with a nullable app_data
//        property (WhenWritingNull) that callers usually leave unset; one caller sets app_data but only the two
//        tracking flags; a batch of events built without any user_data.
// Seen in: retznutz/SharpFbConversions SharpFbConversions/Models/AppEvent.cs (3ceb5c79...), Models/AppData.cs
//          (c9a6238a...), SharpFbConversions.Example/Program.cs (e4cce8e6...); the same "app" default with nullable
//          AppData appears in the ACommerce.Marketing.MetaConversions ConversionEvent model (index id 30683609077).
// Expect: CAPI014 on the first event creation (action_source "app" by default, no app_data sent);
//         CAPI014 on the AppSignals creation (app_data without extinfo);
//         CAPI015 (placeholder) on each of the two batch events (no user_data at all) and CAPI014 on them too.
#nullable enable
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape06;

public sealed class MobileEvent
{
    [JsonPropertyName("event_name")] public string EventName { get; set; } = string.Empty;
    [JsonPropertyName("event_time")] public long EventTime { get; set; }
    [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "app";

    [JsonPropertyName("user_data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MobileUser? UserData { get; set; }

    [JsonPropertyName("app_data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AppSignals? AppData { get; set; }

    [JsonPropertyName("event_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EventId { get; set; }
}

public sealed class MobileUser
{
    [JsonPropertyName("em")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Email { get; set; }

    [JsonPropertyName("madid")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AdvertisingId { get; set; }
}

public sealed class AppSignals
{
    [JsonPropertyName("advertiser_tracking_enabled")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? AdvertiserTracking { get; set; }

    [JsonPropertyName("application_tracking_enabled")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ApplicationTracking { get; set; }

    [JsonPropertyName("extinfo")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? ExtInfo { get; set; }
}

public sealed class MobileBatch
{
    [JsonPropertyName("data")] public List<MobileEvent> Data { get; set; } = new();
}

public static class GameTelemetry
{
    public static string Unlock(string hashedEmail)
    {
        var achievement = {|CAPI014:new MobileEvent
        {
            EventName = "AchievementUnlocked",
            EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            EventId = Guid.NewGuid().ToString(),
            UserData = new MobileUser { Email = hashedEmail },
        }|};
        return JsonSerializer.Serialize(new MobileBatch { Data = [achievement] });
    }

    public static string Level(string advertisingId)
    {
        var levelUp = new MobileEvent
        {
            EventName = "LevelAchieved",
            EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            UserData = new MobileUser { AdvertisingId = advertisingId },
            AppData = {|CAPI014:new AppSignals { AdvertiserTracking = 1, ApplicationTracking = 1 }|},
        };
        return JsonSerializer.Serialize(new MobileBatch { Data = [levelUp] });
    }

    public static string Funnel()
    {
        var events = new List<MobileEvent>
        {
            {|CAPI014:{|CAPI015:new MobileEvent { EventName = "ViewContent", EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() }|}|},
            {|CAPI014:{|CAPI015:new MobileEvent { EventName = "AddToCart", EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds() }|}|},
        };
        return JsonSerializer.Serialize(new MobileBatch { Data = events });
    }
}
