// Shape: a server event written after Meta's early Conversions API samples: event name, time and user_data (hashed
//        e-mail, fbp, fbc) and nothing else; the DTO has no action_source member at all, so no event ever sends one.
//        Newtonsoft DTO, request serialized with NullValueHandling.Ignore.
// Seen in: facebook/facebook-nodejs-business-sdk examples/ads_pixel_events_post_custom.js
//          (e4f419cb12576875c924a740534f7fefcc9402ee): a PageView ServerEvent with setEventName, setEventTime and
//          setUserData(email, fbp, fbc) and no setActionSource. Same omission in facebook/facebook-for-woocommerce until
//          issue #1773 / PR #1781 (Feb 2021: "Events sent via woocommerce plugin don't currently have an action_source").
// Expect: CAPI002 (event has no action_source) on the event creation `new PixelServerEvent { ... }`.
//         No CAPI005: without action_source the event is not a website event. No CAPI016: e-mail trimmed and lower-cased.
// Needs: Newtonsoft.Json
#nullable enable
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;

namespace CapiKit.RealWorld.Shape32;

public sealed class PixelUserData
{
    [JsonProperty(PropertyName = "em")] public List<string>? Emails { get; set; }
    [JsonProperty(PropertyName = "fbp")] public string? BrowserId { get; set; }
    [JsonProperty(PropertyName = "fbc")] public string? ClickId { get; set; }
}

public sealed class PixelServerEvent
{
    [JsonProperty(PropertyName = "event_name")] public string EventName { get; set; } = "";
    [JsonProperty(PropertyName = "event_time")] public long EventTime { get; set; }
    [JsonProperty(PropertyName = "user_data")] public PixelUserData? UserData { get; set; }
}

public sealed class PixelEventRequest
{
    [JsonProperty(PropertyName = "data")] public List<PixelServerEvent> Data { get; set; } = new();
}

public static class PageViewSender
{
    public static string Build(string email, string fbp, string fbc)
    {
        var request = new PixelEventRequest();
        request.Data.Add({|CAPI002:new PixelServerEvent
        {
            EventName = "PageView",
            EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            UserData = new PixelUserData
            {
                Emails = new List<string> { Sha256(email.Trim().ToLowerInvariant()) },
                BrowserId = fbp,
                ClickId = fbc,
            },
        }|});
        return JsonConvert.SerializeObject(request, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
    }

    private static string Sha256(string value)
    {
        using var sha = SHA256.Create();
        return Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
    }
}
