// Shape: event names kept as constants whose C# names are right but whose values are not: the wish-list constant
//        spells "AddToWishList" (capital L) where Meta's standard event is "AddToWishlist"; the constant reaches the
//        server event's event_name through a DTO initializer. Every other name is exact.
// Seen in: Adsmurai-Google-Tag-Manager-Templates/adsmurai-facebook-pixel-and-conversions-api template.tpl
//          (f5cd07167f0c70ccb4b0912dc149c386c6cea7b0): the event-name select list shows "AddToWishlist" but sends the
//          value "AddToWishList" to both the pixel and the Conversions API; fixed in 9037a9f8af647068bcb8a8e2765aa5828b311c73
//          ("Fixed wishlist event name", PR #2: "as it stands gets counted as a custom event"). A C# shop keeps the
//          same list as const fields.
// Expect: CAPI008 (near miss of a standard event) on `StoreEvents.AddToWishlist` in the wish-list event.
//         No CAPI016: e-mail is trimmed and lower-cased, phone reduced to digits before hashing.
#nullable enable
using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape31;

public static class StoreEvents
{
    public const string ViewContent = "ViewContent";
    public const string AddToCart = "AddToCart";
    public const string AddToWishlist = "AddToWishList";
    public const string Purchase = "Purchase";
}

public sealed class Shopper
{
    [JsonPropertyName("em")] public string[]? Emails { get; set; }
    [JsonPropertyName("ph")] public string[]? Phones { get; set; }
    [JsonPropertyName("client_ip_address")] public string? Ip { get; set; }
    [JsonPropertyName("client_user_agent")] public string? Agent { get; set; }
}

public sealed class TagEvent
{
    [JsonPropertyName("event_name")] public string Name { get; set; } = "";
    [JsonPropertyName("event_time")] public long Time { get; set; }
    [JsonPropertyName("event_id")] public string? Id { get; set; }
    [JsonPropertyName("event_source_url")] public string? Url { get; set; }
    [JsonPropertyName("action_source")] public string Source { get; set; } = "website";
    [JsonPropertyName("user_data")] public Shopper? Shopper { get; set; }
}

public sealed class TagBatch
{
    [JsonPropertyName("data")] public TagEvent[] Events { get; set; } = Array.Empty<TagEvent>();
}

public static class WishlistTag
{
    public static string Body(string email, string phone, string ip, string agent, string pageUrl, string clickId)
    {
        var batch = new TagBatch
        {
            Events =
            [
                new TagEvent
                {
                    Name = {|CAPI008:StoreEvents.AddToWishlist|},
                    Time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    Id = clickId,
                    Url = pageUrl,
                    Shopper = new Shopper
                    {
                        Emails = [Digest(email.Trim().ToLowerInvariant())],
                        Phones = [Digest(new string(phone.Where(char.IsDigit).ToArray()))],
                        Ip = ip,
                        Agent = agent,
                    },
                },
            ],
        };
        return JsonSerializer.Serialize(batch);
    }

    private static string Digest(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
