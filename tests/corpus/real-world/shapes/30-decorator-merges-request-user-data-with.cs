// Shape: the app builds website events with only hashed e-mail; a decorating sender fills client_ip_address,
//        client_user_agent, fbc and fbp from the HTTP request by rewriting every event with record `with`
//        expressions (`a with { UserData = a.UserData is null ? baseUser : a.UserData.Merge(baseUser) }`).
//        NEGATIVE - but only for an analyzer that follows the data into the decorator.
// Seen in: buraktamturk/PixelSharp src/PixelSharp.AspNetCore/PixelClientProxy.cs, HttpContextExtensions.cs,
//          src/PixelSharp/Models/UserData.cs (With) (67469928967f8abce0d48dcf9890c5f738b4e17b).
//          (There the decorator is reached through DI and an interface; here it is called on the concrete type so the
//          flow is decidable.)
// Expect: nothing. client_user_agent reaches every event through the decorator (no CAPI005); em is hashed by the
//         helper (no CAPI001).
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape30;

public record Identity
{
    [JsonPropertyName("em")] public string? Em { get; init; }
    [JsonPropertyName("client_ip_address")] public string? Ip { get; init; }
    [JsonPropertyName("client_user_agent")] public string? Agent { get; init; }
    [JsonPropertyName("fbc")] public string? Fbc { get; init; }
    [JsonPropertyName("fbp")] public string? Fbp { get; init; }

    public Identity Merge(Identity fallback) => this with
    {
        Em = Em ?? fallback.Em,
        Ip = Ip ?? fallback.Ip,
        Agent = Agent ?? fallback.Agent,
        Fbc = Fbc ?? fallback.Fbc,
        Fbp = Fbp ?? fallback.Fbp,
    };
}

public record SiteEvent
{
    [JsonPropertyName("event_name")] public string EventName { get; init; } = "";
    [JsonPropertyName("event_time")] public long EventTime { get; init; }
    [JsonPropertyName("event_source_url")] public string? EventSourceUrl { get; init; }
    [JsonPropertyName("action_source")] public string ActionSource { get; init; } = "website";
    [JsonPropertyName("user_data")] public Identity? UserData { get; init; }
}

public record SiteRequest
{
    [JsonPropertyName("data")] public IReadOnlyList<SiteEvent> Data { get; init; } = Array.Empty<SiteEvent>();
}

public sealed class RequestScopedSender
{
    private readonly Identity _fromRequest;

    public RequestScopedSender(string? remoteIp, string? userAgent, string? fbcCookie, string? fbpCookie)
        => _fromRequest = new Identity { Ip = remoteIp, Agent = userAgent, Fbc = fbcCookie, Fbp = fbpCookie };

    public string Send(SiteRequest request)
    {
        var enriched = request with
        {
            Data = request.Data
                .Select(a => a with { UserData = a.UserData is null ? _fromRequest : a.UserData.Merge(_fromRequest) })
                .ToList(),
        };
        return JsonSerializer.Serialize(enriched);
    }
}

public static class Newsletter
{
    private static string Mail(string email)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()))).ToLowerInvariant();

    public static string Subscribe(RequestScopedSender sender, string email, string pageUrl)
        => sender.Send(new SiteRequest
        {
            Data = new List<SiteEvent>
            {
                new()
                {
                    EventName = "Subscribe",
                    EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    EventSourceUrl = pageUrl,
                    UserData = new Identity { Em = Mail(email) },
                },
            },
        });
}
