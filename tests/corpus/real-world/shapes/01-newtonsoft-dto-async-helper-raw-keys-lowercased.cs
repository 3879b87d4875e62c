// Shape: Newtonsoft DTOs ([JsonProperty(PropertyName = ...)]) for the whole payload; user_data built in an
//        async helper that returns the DTO and is attached in another method; hashing through a helper whose
//        name does not say SHA-256 (algorithm chosen by name via CryptoConfig); raw-only keys lower-cased.
// Seen in: nopSolutions/nopCommerce src/Plugins/Nop.Plugin.Widgets.FacebookPixel/Services/FacebookPixelService.cs
//          (878aac20cd385d0453920e52f30d54ab3718c7b4), Domain/ConversionsEvent*.cs, src/Libraries/Nop.Core/HashHelper.cs;
//          same structure copied in caglarsarikaya/FacebookConvensionAPI Integrator/FacebookConvension.cs (7472d3d6).
// Expect: CAPI007 x2 - client_ip_address / client_user_agent are case-changed with ToLowerInvariant();
//         CAPI016 (placeholder: hashed without Meta normalization) x2 - em lower-cased but not trimmed,
//         ph lower-cased instead of reduced to digits. No CAPI001: every PII field goes through DigestHelper,
//         whose body computes a SHA-256 digest (CryptoConfig.CreateFromName("SHA256")).
// Needs: Newtonsoft.Json
#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace CapiKit.RealWorld.Shape01;

public sealed class ShopperProfile
{
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? GivenName { get; set; }
    public DateTime RegisteredOnUtc { get; set; }
}

public sealed class CapiEnvelope
{
    [JsonProperty(PropertyName = "data")]
    public List<CapiDatum> Items { get; set; } = new();
}

public sealed class CapiDatum
{
    [JsonProperty(PropertyName = "event_name")]
    public string Name { get; set; } = "";

    [JsonProperty(PropertyName = "event_time")]
    public long Time { get; set; }

    [JsonProperty(PropertyName = "event_source_url")]
    public string? PageUrl { get; set; }

    [JsonProperty(PropertyName = "action_source")]
    public string? Source { get; set; }

    [JsonIgnore]
    public int? ShopId { get; set; }

    [JsonProperty(PropertyName = "user_data")]
    public CapiUser? Person { get; set; }

    [JsonProperty(PropertyName = "custom_data")]
    public CapiCustom? Extra { get; set; }
}

public sealed class CapiUser
{
    [JsonIgnore]
    public int LocalId { get; set; }

    [JsonProperty(PropertyName = "client_ip_address")]
    public string? Ip { get; set; }

    [JsonProperty(PropertyName = "client_user_agent")]
    public string? Agent { get; set; }

    [JsonProperty(PropertyName = "em")]
    public List<string>? Mails { get; set; }

    [JsonProperty(PropertyName = "ph")]
    public List<string>? Phones { get; set; }

    [JsonProperty(PropertyName = "fn")]
    public List<string>? GivenNames { get; set; }
}

public sealed class CapiCustom
{
    [JsonProperty(PropertyName = "value")]
    public decimal? Amount { get; set; }

    [JsonProperty(PropertyName = "currency")]
    public string? Iso { get; set; }
}

public static class DigestHelper
{
    // Same body shape as the real helper: algorithm by name, upper-case hex via BitConverter.
    public static string Make(byte[] data, string algorithmName)
    {
        var algorithm = CryptoConfig.CreateFromName(algorithmName) as HashAlgorithm
            ?? throw new ArgumentException("Unrecognized hash name");
        return BitConverter.ToString(algorithm.ComputeHash(data)).Replace("-", string.Empty);
    }
}

public sealed class StorefrontTracker
{
    private const string PurchaseName = "Purchase";
    private readonly HttpClient _http = new();

    private Task<CapiUser> BuildPersonAsync(ShopperProfile shopper, string? remoteIp, string? userAgent)
    {
        return Task.FromResult(new CapiUser
        {
            LocalId = 7,
            Mails = [{|CAPI016:DigestHelper.Make(Encoding.UTF8.GetBytes(shopper.Email?.ToLowerInvariant() ?? string.Empty), "SHA256")|}],
            Phones = [{|CAPI016:DigestHelper.Make(Encoding.UTF8.GetBytes(shopper.Phone?.ToLowerInvariant() ?? string.Empty), "SHA256")|}],
            GivenNames = [DigestHelper.Make(Encoding.UTF8.GetBytes(shopper.GivenName?.Trim().ToLowerInvariant() ?? string.Empty), "SHA256")],
            Ip = {|CAPI007:remoteIp?.ToLowerInvariant()|},
            Agent = {|CAPI007:userAgent?.ToLowerInvariant()|},
        });
    }

    private async Task<CapiEnvelope> BuildPurchaseAsync(ShopperProfile shopper, decimal total, string pageUrl, string? ip, string? ua)
    {
        return new CapiEnvelope
        {
            Items =
            [
                new CapiDatum
                {
                    Name = PurchaseName,
                    Time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    PageUrl = pageUrl,
                    Source = "website",
                    Person = await BuildPersonAsync(shopper, ip, ua),
                    Extra = new CapiCustom { Amount = total, Iso = "EUR" },
                    ShopId = 1,
                }
            ]
        };
    }

    public async Task SendAsync(ShopperProfile shopper, decimal total, string pageUrl, string? ip, string? ua, string pixelId, string token)
    {
        var envelope = await BuildPurchaseAsync(shopper, total, pageUrl, ip, ua);
        var json = JsonConvert.SerializeObject(envelope, new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var url = "https://graph.facebook.com/v19.0/" + pixelId + "/events?access_token=" + token;
        using var response = await _http.PostAsync(url, content);
    }
}
