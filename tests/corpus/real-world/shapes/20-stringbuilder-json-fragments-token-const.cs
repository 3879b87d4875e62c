// Shape: JSON written as text - a StringBuilder plus List<string> fragments made of interpolated verbatim strings
//        with literal keys ($@"""em"":""{hash}"""), joined with commas; access token in a const field; request sent
//        as multipart form data; a commented-out test_event_code line.
// Seen in: boros-csaba/ecommerce-store elenora/Features/Analytics/AnalyticsService.cs
//          (5f326f836d2b5e6f9a099ddd16b4c2f8d5d6a923; content read by index id 10560400449).
// Expect: CAPI012 on the token literal;
//         CAPI016 (placeholder) on `Hash("36" + customerPhone)` - country code prefixed but not reduced to digits;
//         CAPI001 on the interpolation hole `visitorId` (raw cookie id sent as external_id).
//         No CAPI011: the test code literal is inside a comment. No CAPI004: epoch subtraction gives Unix seconds.
//         Location note: for JSON text, value problems are marked on the C# expression in the interpolation hole.
#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

namespace CapiKit.RealWorld.Shape20;

public sealed class ProductView
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
}

public sealed class ShopAnalytics
{
    private const string PixelId = "1111222233334444";
    private const string AccessToken = {|CAPI012:"EAAGq7ZBx0FakeTokenForCapiKitTestsZBZCqpL4W9vY2nQ8rTdsZD"|};
    private readonly string _endpoint = $"https://graph.facebook.com/v11.0/{PixelId}/events";

    public async Task ReportViewAsync(ProductView product, string? customerEmail, string? customerPhone,
        string visitorId, string? ip, string? userAgent, string pageUrl)
    {
        var eventId = Guid.NewGuid().ToString();
        var unixSeconds = (int)DateTime.UtcNow.Subtract(new DateTime(1970, 1, 1)).TotalSeconds;

        var sb = new StringBuilder();
        sb.Append("[{");
        sb.Append(@"""event_name"":""ViewContent"",");
        sb.Append($@"""event_time"":{unixSeconds},");
        sb.Append(@"""action_source"":""website"",");
        sb.Append($@"""event_id"":""{eventId}"",");
        sb.Append($@"""event_source_url"":""{pageUrl}"",");

        sb.Append(@"""user_data"":{");
        var fields = new List<string>();
        if (!string.IsNullOrWhiteSpace(customerEmail))
        {
            var mail = Hash(customerEmail.Trim().ToLowerInvariant());
            fields.Add($@"""em"":""{mail}""");
        }
        if (!string.IsNullOrWhiteSpace(customerPhone))
        {
            var phoneHash = {|CAPI016:Hash("36" + customerPhone)|};
            fields.Add($@"""ph"":""{phoneHash}""");
        }
        fields.Add($@"""country"":""{Hash("hu")}""");
        fields.Add($@"""external_id"":""{{|CAPI001:visitorId|}}""");
        if (!string.IsNullOrWhiteSpace(ip)) fields.Add($@"""client_ip_address"":""{ip}""");
        if (!string.IsNullOrWhiteSpace(userAgent)) fields.Add($@"""client_user_agent"":""{userAgent}""");
        sb.Append(string.Join(",", fields));
        sb.Append("},");

        sb.Append(@"""custom_data"":{");
        sb.Append($@"""content_name"":""{product.Name}"",");
        sb.Append($@"""content_ids"":[""{product.Id}""],");
        sb.Append(@"""content_type"":""product"",");
        sb.Append(@"""currency"":""HUF""");
        sb.Append("}}]");

        using var form = new MultipartFormDataContent
        {
            { new StringContent(AccessToken), "access_token" },
            { new StringContent(sb.ToString(), Encoding.UTF8, "application/json"), "data" },
        };
        //form.Add(new StringContent("TEST70412"), "test_event_code");

        using var client = new HttpClient();
        using var result = await client.PostAsync(_endpoint, form);
    }

    private static string Hash(string input)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        using var engine = SHA256.Create();
        var digest = engine.ComputeHash(bytes, 0, bytes.Length);
        var sb = new StringBuilder();
        foreach (var b in digest) sb.Append(b.ToString("x2"));
        return sb.ToString();
    }
}
