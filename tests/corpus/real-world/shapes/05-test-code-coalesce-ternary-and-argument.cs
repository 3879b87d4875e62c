// Shape: test_event_code reaching the payload through the app's own method parameter and through a
//        `code ?? (testMode ? "LITERAL" : null)` branch; the caller passes a literal as a named argument.
// Seen in: retznutz/SharpFbConversions SharpFbConversions/Services/FacebookAppEventsService.cs (0d8f2e91...),
//          SharpFbConversions.Example/Program.cs (e4cce8e61bd9fd41d4576fd0a581440e12e8fed7),
//          SharpFbConversions/Models/AppEventRequest.cs (c9a6238a...).
// Expect: CAPI011 on "QA_CODE" inside the ?: branch (reaches test_event_code whenever TestMode is on);
//         CAPI011 on the argument "TEST40213" (reaches test_event_code through parameter testCode).
//         The event itself is complete (website, url, UA, hashed em), so nothing else.
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace CapiKit.RealWorld.Shape05;

public sealed class SenderOptions
{
    public string DatasetId { get; set; } = "";
    public string Token { get; set; } = "";
    public bool TestMode { get; set; }
}

public sealed class OutgoingBatch
{
    [JsonPropertyName("data")] public List<OutgoingEvent> Data { get; set; } = new();

    [JsonPropertyName("test_event_code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TestEventCode { get; set; }
}

public sealed class OutgoingEvent
{
    [JsonPropertyName("event_name")] public string EventName { get; set; } = "";
    [JsonPropertyName("event_time")] public long EventTime { get; set; }
    [JsonPropertyName("event_source_url")] public string? EventSourceUrl { get; set; }
    [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "website";
    [JsonPropertyName("user_data")] public OutgoingUser? UserData { get; set; }
}

public sealed class OutgoingUser
{
    [JsonPropertyName("em")] public string? Email { get; set; }
    [JsonPropertyName("client_user_agent")] public string? UserAgent { get; set; }
}

public static class Normalizers
{
    public static string? Email(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(raw.Trim().ToLowerInvariant()));
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }
}

public sealed class EventSender
{
    private readonly HttpClient _http;
    private readonly SenderOptions _options;

    public EventSender(HttpClient http, SenderOptions options)
    {
        _http = http;
        _options = options;
    }

    public Task<HttpResponseMessage> SendOneAsync(OutgoingEvent item, string? testCode = null, CancellationToken ct = default)
        => SendManyAsync(new[] { item }, testCode, ct);

    public Task<HttpResponseMessage> SendManyAsync(IEnumerable<OutgoingEvent> items, string? testCode = null, CancellationToken ct = default)
    {
        var batch = new OutgoingBatch
        {
            Data = items.ToList(),
            TestEventCode = testCode ?? (_options.TestMode ? {|CAPI011:"QA_CODE"|} : null),
        };
        return _http.PostAsJsonAsync($"/v22.0/{_options.DatasetId}/events?access_token={_options.Token}", batch, ct);
    }
}

public static class Demo
{
    public static async Task RunAsync(EventSender sender, string email, string ua, string url)
    {
        var signup = new OutgoingEvent
        {
            EventName = "CompleteRegistration",
            EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            EventSourceUrl = url,
            UserData = new OutgoingUser { Email = Normalizers.Email(email), UserAgent = ua },
        };
        using var response = await sender.SendOneAsync(signup, testCode: {|CAPI011:"TEST40213"|});
    }
}
