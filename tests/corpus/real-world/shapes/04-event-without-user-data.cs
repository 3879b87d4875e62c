// Shape: a website event built in a target-typed `new()` inside a collection initializer with only name, source and
//        time - no user_data at all, no event_source_url, no client_user_agent.
// Seen in: buraktamturk/PixelSharp tests/PixelSharp.Tests/PixelClientTests.cs TestSendEventException
//          (67469928967f8abce0d48dcf9890c5f738b4e17b) - the test asserts Meta's error "No user parameters have been
//          added for this event...". Same defect in OrchardCMS/OrchardCore (see shape 11).
// Expect: CAPI015 (placeholder: event carries no customer information) and CAPI005 (website event without
//         event_source_url / client_user_agent), both on the event creation `new() { ... }`.
//         Event time here is long Unix seconds, so no CAPI004.
#nullable enable
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape04;

public record Visitor
{
    [JsonPropertyName("em")] public string? Em { get; init; }
    [JsonPropertyName("client_user_agent")] public string? Agent { get; init; }
}

public record WireEvent
{
    [JsonPropertyName("event_name")] public string EventName { get; init; } = "";
    [JsonPropertyName("event_time")] public long EventTime { get; init; }
    [JsonPropertyName("event_source_url")] public string? EventSourceUrl { get; init; }
    [JsonPropertyName("action_source")] public string ActionSource { get; init; } = "";
    [JsonPropertyName("user_data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Visitor? UserData { get; init; }
}

public record WireRequest
{
    [JsonPropertyName("data")] public IReadOnlyCollection<WireEvent> Data { get; init; } = Array.Empty<WireEvent>();
}

public static class Smoke
{
    public static string Payload()
    {
        var request = new WireRequest
        {
            Data = new List<WireEvent>
            {
                {|CAPI005:{|CAPI015:new()
                {
                    EventName = "Lead",
                    ActionSource = "website",
                    EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                }|}|}
            },
        };
        return JsonSerializer.Serialize(request);
    }
}
