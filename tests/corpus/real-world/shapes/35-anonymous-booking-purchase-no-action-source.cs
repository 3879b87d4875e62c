// Shape: a booking confirmation forwards a Purchase to the Conversions API as nested anonymous objects (the C# form of
//        PHP's associative arrays): event name, time, event id, user_data with the trimmed, lower-cased, hashed e-mail,
//        custom_data with currency and value. No action_source anywhere; the pixel id and token come from settings.
// Seen in: franpass87/FP-Prenotazioni-Ristorante-PRO includes/notifications.php
//          (b143836599db7851fbaeec2810a67d25946cb559), RBF_Notification_Manager::trigger_tracking_integrations: posts
//          'data' => [[ 'event_name' => 'Purchase', 'event_time' => time(), 'event_id' => ..., 'user_data' => [...],
//          'custom_data' => [...] ]] to graph.facebook.com/v20.0/{pixel}/events without 'action_source', which Meta
//          requires on every event.
// Expect: CAPI002 (event has no action_source) on the event's anonymous object `new { event_name = ..., ... }`.
//         No CAPI016: the e-mail is trimmed and lower-cased before hashing. No CAPI009: the id is per booking.
#nullable enable
using System;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace CapiKit.RealWorld.Shape35;

public sealed record Booking(int Id, string? EventId, string? Email, decimal Total, string? Meal, int People, string Bucket);

public sealed record TrackingSettings(string PixelId, string AccessToken);

public sealed class BookingTracking
{
    private readonly HttpClient _http;
    private readonly TrackingSettings _settings;

    public BookingTracking(HttpClient http, TrackingSettings settings)
    {
        _http = http;
        _settings = settings;
    }

    public async Task<bool> ReportAsync(Booking booking)
    {
        // Everything that did not come from a Google or Meta ad counts as organic.
        string source = booking.Bucket is "gads" or "fbads" ? booking.Bucket : "organic";
        var body = new
        {
            data = new[]
            {
                {|CAPI002:new
                {
                    event_name = "Purchase",
                    event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    event_id = booking.EventId ?? "rbf_" + booking.Id,
                    user_data = new { em = new[] { Sha256((booking.Email ?? "").Trim().ToLowerInvariant()) } },
                    custom_data = new
                    {
                        currency = "EUR",
                        value = booking.Total,
                        content_name = "Restaurant Booking",
                        content_category = booking.Meal ?? "booking",
                        num_items = booking.People,
                        traffic_source = source,
                    },
                }|},
            },
        };

        string url = $"https://graph.facebook.com/v20.0/{_settings.PixelId}/events?access_token={_settings.AccessToken}";
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(url, content);
        return response.IsSuccessStatusCode;
    }

    private static string Sha256(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
