// Shape: anonymous objects nested three deep (request -> data[] -> event -> user_data/custom_data), access token
//        and test code in the body from stored settings, `user_data = userData ?? new { ... }` with an `object?`
//        parameter; one hash helper (trim+lower) used for e-mail and phone.
// Seen in: Abdullah-t-hosni/Sportive.API Services/FacebookCapiService.cs (e88810887504205d4cc66b7d7f489e785dceafa5,
//          11c4ada53688026a7ca4ec3b432fc95dc6cbbf7a).
// Expect: CAPI005 on both anonymous event creations (website events without event_source_url);
//         CAPI016 (placeholder) on `Digest(order.CustomerPhone)` - phone not reduced to digits.
//         No CAPI011/CAPI012: test code and token come from settings, not literals.
#nullable enable
using System;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace CapiKit.RealWorld.Shape14;

public sealed class StoreSettings
{
    public string PixelId { get; set; } = "";
    public string CapiToken { get; set; } = "";
    public string? TestCode { get; set; }
}

public sealed class ShopOrder
{
    public string Number { get; set; } = "";
    public decimal Total { get; set; }
    public string? CustomerEmail { get; set; }
    public string? CustomerPhone { get; set; }
    public int[] ProductIds { get; set; } = Array.Empty<int>();
}

public sealed class CapiDispatcher(HttpClient http, StoreSettings settings)
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public async Task PurchaseAsync(ShopOrder order, string clientIp, string userAgent, string? fbp, string? fbc)
    {
        var payload = new
        {
            data = new[]
            {
                {|CAPI005:new
                {
                    event_name = "Purchase",
                    event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    action_source = "website",
                    event_id = order.Number,
                    user_data = new
                    {
                        client_ip_address = clientIp,
                        client_user_agent = userAgent,
                        em = Digest(order.CustomerEmail),
                        ph = {|CAPI016:Digest(order.CustomerPhone)|},
                        fbp = fbp,
                        fbc = fbc,
                    },
                    custom_data = new
                    {
                        currency = "EGP",
                        value = order.Total,
                        content_ids = order.ProductIds.Select(i => i.ToString()).ToArray(),
                        content_type = "product",
                    },
                }|}
            },
            access_token = settings.CapiToken,
            test_event_code = settings.TestCode,
        };
        await PostAsync(payload);
    }

    public async Task GenericAsync(string eventName, string eventId, string clientIp, string userAgent,
        string? fbp, string? fbc, object? customData = null, object? userData = null)
    {
        var payload = new
        {
            data = new[]
            {
                {|CAPI005:new
                {
                    event_name = eventName,
                    event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    action_source = "website",
                    event_id = eventId,
                    user_data = userData ?? new
                    {
                        client_ip_address = clientIp,
                        client_user_agent = userAgent,
                        fbp = fbp,
                        fbc = fbc,
                    },
                    custom_data = customData,
                }|}
            },
            access_token = settings.CapiToken,
            test_event_code = settings.TestCode,
        };
        await PostAsync(payload);
    }

    private async Task PostAsync(object payload)
    {
        using var content = new StringContent(JsonSerializer.Serialize(payload, Options), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"https://graph.facebook.com/v20.0/{settings.PixelId}/events", content);
    }

    private static string? Digest(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        input = input.Trim().ToLowerInvariant();
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(input));
        return BitConverter.ToString(bytes).Replace("-", "").ToLowerInvariant();
    }
}
