// Shape: Newtonsoft DTO payload whose custom_data.contents is a List<object> of anonymous objects, event names
//        taken from const fields, user_data from a helper that normalizes before hashing. NEGATIVE.
// Seen in: nopSolutions/nopCommerce src/Plugins/Nop.Plugin.Widgets.FacebookPixel/Services/FacebookPixelService.cs
//          (878aac20cd385d0453920e52f30d54ab3718c7b4) - PreparePurchaseModelAsync / FacebookPixelDefaults consts;
//          the helper is written here the way Meta wants it (the real one misses trim / digits-only, see shape 01).
// Expect: nothing. The anonymous `new { id, quantity, item_price }` objects are content items, not events
//         (no CAPI002/CAPI015 on them); Purchase has value + ISO currency; website event has
//         event_source_url and client_user_agent; event names come from consts equal to standard names.
// Needs: Newtonsoft.Json
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;

namespace CapiKit.RealWorld.Shape02;

public static class TrackedNames
{
    public const string Purchase = "Purchase";
    public const string AddToCart = "AddToCart";
    public const string InitiateCheckout = "InitiateCheckout";
}

public sealed class OrderLine
{
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}

public sealed class Batch
{
    [JsonProperty(PropertyName = "data")]
    public List<ServerEvent> Events { get; set; } = new();
}

public sealed class ServerEvent
{
    [JsonProperty(PropertyName = "event_name")] public string EventName { get; set; } = "";
    [JsonProperty(PropertyName = "event_time")] public long EventTime { get; set; }
    [JsonProperty(PropertyName = "event_id")] public string? EventId { get; set; }
    [JsonProperty(PropertyName = "event_source_url")] public string? EventSourceUrl { get; set; }
    [JsonProperty(PropertyName = "action_source")] public string? ActionSource { get; set; }
    [JsonProperty(PropertyName = "user_data")] public Person? UserData { get; set; }
    [JsonProperty(PropertyName = "custom_data")] public Commerce? CustomData { get; set; }
}

public sealed class Person
{
    [JsonProperty(PropertyName = "em")] public List<string>? Em { get; set; }
    [JsonProperty(PropertyName = "ph")] public List<string>? Ph { get; set; }
    [JsonProperty(PropertyName = "client_ip_address")] public string? Ip { get; set; }
    [JsonProperty(PropertyName = "client_user_agent")] public string? Ua { get; set; }
}

public sealed class Commerce
{
    [JsonProperty(PropertyName = "value")] public decimal? Value { get; set; }
    [JsonProperty(PropertyName = "currency")] public string? Currency { get; set; }
    [JsonProperty(PropertyName = "content_type")] public string? ContentType { get; set; }
    [JsonProperty(PropertyName = "contents")] public List<object>? Contents { get; set; }
}

public static class OrderEvents
{
    private static string Sha(string normalized)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized))).ToLowerInvariant();

    private static Person BuildPerson(string email, string phone, string ip, string ua) => new()
    {
        Em = [Sha(email.Trim().ToLowerInvariant())],
        Ph = [Sha(new string(phone.Where(char.IsDigit).ToArray()))],
        Ip = ip,
        Ua = ua,
    };

    public static string Purchase(string orderNumber, IReadOnlyList<OrderLine> lines, decimal total,
        string email, string phone, string ip, string ua, string pageUrl)
    {
        var contents = lines.Select(l => new { id = l.Sku, quantity = l.Quantity, item_price = l.UnitPrice })
            .Cast<object>().ToList();

        var batch = new Batch
        {
            Events =
            [
                new ServerEvent
                {
                    EventName = TrackedNames.Purchase,
                    EventTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    EventId = "order-" + orderNumber,
                    EventSourceUrl = pageUrl,
                    ActionSource = "website",
                    UserData = BuildPerson(email, phone, ip, ua),
                    CustomData = new Commerce { ContentType = "product", Contents = contents, Currency = "USD", Value = total },
                }
            ]
        };
        return JsonConvert.SerializeObject(batch, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
    }
}
