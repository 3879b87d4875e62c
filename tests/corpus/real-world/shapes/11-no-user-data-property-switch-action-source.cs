// Shape: private nested DTO for the event that has no user_data property at all; action_source produced by a
//        switch expression over the app's own enum (default Website); event fields copied from a domain object
//        filled by a workflow; serializer options from JsonSerializerDefaults.Web.
// Seen in: OrchardCMS/OrchardCore src/OrchardCore.Modules/OrchardCore.Facebook/Services/MetaConversionsApiService.cs
//          (015d9bc1e758d505e8862406fb00078ee88145b6), Models/MetaConversionEvent.cs (2ae5053e...),
//          Activities/MetaConversionsApiEventTask.cs (b13eceab...).
// Expect: CAPI015 (placeholder: no customer information) and CAPI005 (website event: no client_user_agent, and
//         event_source_url may be null) on the `new ConversionWireEvent { ... }` creation.
//         No CAPI002: action_source is always set through the switch expression.
#nullable enable
using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace CapiKit.RealWorld.Shape11;

public enum ConversionChannel
{
    Website,
    Email,
    App,
    PhoneCall,
    Chat,
    PhysicalStore,
    SystemGenerated,
    Other,
}

public sealed class ConversionRequest
{
    public string EventName { get; set; } = "";
    public DateTimeOffset? OccurredAt { get; set; }
    public string? PageUrl { get; set; }
    public ConversionChannel Channel { get; set; } = ConversionChannel.Website;
    public string? DedupKey { get; set; }
}

public sealed class ConversionsGateway
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;

    public ConversionsGateway(HttpClient http) => _http = http;

    public async Task<bool> SendAsync(ConversionRequest request, string pixelId, string token, string? testCode, CancellationToken ct = default)
    {
        var body = new ConversionWireRequest
        {
            Data =
            [
                {|CAPI005:{|CAPI015:new ConversionWireEvent
                {
                    EventName = request.EventName,
                    EventTime = (request.OccurredAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
                    EventSourceUrl = request.PageUrl,
                    ActionSource = ToWire(request.Channel),
                    EventId = request.DedupKey,
                }|}|},
            ],
            TestEventCode = string.IsNullOrWhiteSpace(testCode) ? null : testCode,
        };

        using var response = await _http.PostAsJsonAsync(
            $"v21.0/{pixelId}/events?access_token={Uri.EscapeDataString(token)}", body, s_options, ct);
        return response.IsSuccessStatusCode;
    }

    private static string ToWire(ConversionChannel channel) => channel switch
    {
        ConversionChannel.Website => "website",
        ConversionChannel.Email => "email",
        ConversionChannel.App => "app",
        ConversionChannel.PhoneCall => "phone_call",
        ConversionChannel.Chat => "chat",
        ConversionChannel.PhysicalStore => "physical_store",
        ConversionChannel.SystemGenerated => "system_generated",
        _ => "other",
    };

    private sealed class ConversionWireRequest
    {
        [JsonPropertyName("data")] public ConversionWireEvent[] Data { get; set; } = Array.Empty<ConversionWireEvent>();
        [JsonPropertyName("test_event_code")] public string? TestEventCode { get; set; }
    }

    private sealed class ConversionWireEvent
    {
        [JsonPropertyName("event_name")] public string EventName { get; set; } = "";
        [JsonPropertyName("event_time")] public long EventTime { get; set; }
        [JsonPropertyName("event_source_url")] public string? EventSourceUrl { get; set; }
        [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "";
        [JsonPropertyName("event_id")] public string? EventId { get; set; }
    }
}
