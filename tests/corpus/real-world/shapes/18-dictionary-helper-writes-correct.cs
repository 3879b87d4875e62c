// Shape: Dictionary<string, object> payload with indexer initializers; user_data filled by helper methods that
//        receive the key as an argument (AddHashed(dict, "em", ...) writes values[name] = new[] { Hash(v) };
//        AddRaw(dict, "client_user_agent", ...) writes value.Trim()); access_token in the body from options;
//        a literal pixel-id fallback; serializer with JsonSerializerDefaults.Web. NEGATIVE.
// Seen in: RetroDrive.Api.Services.MetaConversionsClient (index id 60663748780; repository not identified in the index).
// Expect: nothing. Trim() on raw-only keys is not hashing or case-changing (no CAPI007); the numeric pixel id is
//         not a secret (no CAPI012); Web defaults do not rename dictionary keys; em/ph/fn/ln are normalized then
//         hashed in the helper; the website event has event_source_url and client_user_agent.
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace CapiKit.RealWorld.Shape18;

public sealed class LeadForm
{
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? PageUrl { get; set; }
}

public sealed class LeadTracker(HttpClient http)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task TrackAsync(LeadForm form, string? eventId, string? userAgent, string? ip, string? fbp, string? fbc,
        string? configuredToken, string? configuredPixel, string? testCode)
    {
        var token = configuredToken ?? Environment.GetEnvironmentVariable("CAPI_TOKEN") ?? string.Empty;
        var pixel = string.IsNullOrWhiteSpace(configuredPixel) ? "1234567890123456" : configuredPixel;
        if (token.Length == 0) return;

        var user = new Dictionary<string, object>();
        AddHashed(user, "em", NormalizeEmail(form.Email));
        AddHashed(user, "ph", NormalizePhone(form.Phone));
        AddHashed(user, "fn", NormalizeName(form.FirstName));
        AddHashed(user, "ln", NormalizeName(form.LastName));
        AddRaw(user, "fbp", fbp);
        AddRaw(user, "fbc", fbc);
        AddRaw(user, "client_user_agent", userAgent);
        AddRaw(user, "client_ip_address", ip);

        var payload = new Dictionary<string, object>
        {
            ["data"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["event_name"] = "Lead",
                    ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["event_id"] = string.IsNullOrWhiteSpace(eventId) ? Guid.NewGuid().ToString("N") : eventId.Trim(),
                    ["event_source_url"] = form.PageUrl ?? "https://shop.example/contact",
                    ["action_source"] = "website",
                    ["user_data"] = user,
                }
            },
            ["access_token"] = token,
        };

        if (!string.IsNullOrWhiteSpace(testCode))
            payload["test_event_code"] = testCode.Trim();

        using var content = new StringContent(JsonSerializer.Serialize(payload, JsonOptions), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"v21.0/{pixel}/events", content);
    }

    private static void AddHashed(Dictionary<string, object> values, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        values[name] = new[] { Hash(value) };
    }

    private static void AddRaw(Dictionary<string, object> values, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) values[name] = value.Trim();
    }

    private static string? NormalizeEmail(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static string? NormalizePhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var digits = new string(value.Where(char.IsDigit).ToArray());
        return digits.Length == 10 ? "1" + digits : digits;
    }

    private static string? NormalizeName(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
