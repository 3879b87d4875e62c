// Shape: Dictionary<string, object?> payload whose hashed user fields are written by a LOCAL FUNCTION that
//        captures the dictionary (Hashed("em", Normalize(email))); raw keys written directly from the request;
//        event_id = literal prefix + order number; event_time from a stored DateTime forced to UTC;
//        test_event_code added only when configured. NEGATIVE.
// Seen in: akintanrapheal/sgv2 src/SterlingLams.Web/Services/Marketing/MetaConversionsApi.cs
//          (a5b20c40ade3a566b43a39d8b8a61b6aad08ad18; content read by index id 71463246285).
// Expect: nothing. "purchase-" + number is per order (no CAPI009); DateTime.SpecifyKind(..., Utc) gives correct
//         Unix seconds (no CAPI004); Hash() is a SHA256.HashData helper and every value is normalized first.
#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CapiKit.RealWorld.Shape19;

public sealed class PaidOrder
{
    public string Number { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? City { get; set; }
    public string Currency { get; set; } = "NGN";
    public decimal Total { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<(int ProductId, int Quantity, decimal UnitPrice)> Lines { get; set; } = new();
}

public static class SaleReporter
{
    public static string Build(PaidOrder order, string? ip, string? ua, string? fbp, string? fbc, string pageUrl, string? testCode)
    {
        var user = new Dictionary<string, object?>();
        void Hashed(string key, string? value)
        {
            var h = Hash(value);
            if (h != null) user[key] = new[] { h };
        }
        Hashed("em", string.IsNullOrWhiteSpace(order.Email) ? null : order.Email.Trim().ToLowerInvariant());
        Hashed("ph", DigitsOnly(order.Phone));
        Hashed("ct", Place(order.City));

        if (!string.IsNullOrWhiteSpace(ip)) user["client_ip_address"] = ip;
        if (!string.IsNullOrWhiteSpace(ua)) user["client_user_agent"] = ua;
        if (!string.IsNullOrWhiteSpace(fbp)) user["fbp"] = fbp;
        if (!string.IsNullOrWhiteSpace(fbc)) user["fbc"] = fbc;

        var items = order.Lines.Select(l => new Dictionary<string, object?>
        {
            ["id"] = l.ProductId.ToString(CultureInfo.InvariantCulture),
            ["quantity"] = l.Quantity,
            ["item_price"] = decimal.ToDouble(l.UnitPrice),
        }).ToList();

        var ev = new Dictionary<string, object?>
        {
            ["event_name"] = "Purchase",
            ["event_time"] = new DateTimeOffset(DateTime.SpecifyKind(order.PaidAt ?? order.CreatedAt, DateTimeKind.Utc)).ToUnixTimeSeconds(),
            ["event_id"] = "purchase-" + order.Number.Trim(),
            ["event_source_url"] = pageUrl,
            ["action_source"] = "website",
            ["user_data"] = user,
            ["custom_data"] = new Dictionary<string, object?>
            {
                ["currency"] = order.Currency,
                ["value"] = decimal.ToDouble(order.Total),
                ["contents"] = items,
            },
        };

        var body = new Dictionary<string, object?> { ["data"] = new[] { ev } };
        if (!string.IsNullOrWhiteSpace(testCode)) body["test_event_code"] = testCode;
        return JsonSerializer.Serialize(body);
    }

    private static string? Hash(string? normalized)
    {
        if (string.IsNullOrWhiteSpace(normalized)) return null;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized))).ToLowerInvariant();
    }

    private static string? DigitsOnly(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var d = new string(phone.Where(char.IsDigit).ToArray());
        return d.Length == 0 ? null : d;
    }

    private static string? Place(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = new string(value.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        return s.Length == 0 ? null : s;
    }
}
