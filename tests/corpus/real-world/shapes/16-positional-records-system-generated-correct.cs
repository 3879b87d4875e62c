// Shape: positional records whose JSON names sit on constructor parameters ([property: JsonPropertyName]); events
//        built positionally; action_source from a const ("system_generated"); user_data built in a helper with
//        hashing helpers named after the field (HashEmail/HashPhone) over a private SHA256.HashData helper;
//        lead_id sent raw. NEGATIVE.
// Seen in: CssOne/CssCRM src/CssVision.Web/Services/Marketing/MetaConversionEventBuilder.cs
//          (d2b4439ff428f91a92726d81009c7693381fdb80), MetaConversionModels.cs (index id 67148447185),
//          MetaConversionService.cs (5c238ddc...).
// Expect: nothing. Purchase has a non-null value and "BRL"; system_generated events need no event_source_url;
//         em trimmed+lower-cased, ph digits-only with country code, fn/ln lower-cased, all SHA-256 lower hex;
//         lead_id is a raw-only Meta id; event ids are per opportunity.
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape16;

public record CrmPayload([property: JsonPropertyName("data")] List<CrmEvent> Data);

public record CrmEvent(
    [property: JsonPropertyName("event_name")] string EventName,
    [property: JsonPropertyName("event_time")] long EventTime,
    [property: JsonPropertyName("action_source")] string ActionSource,
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("user_data")] CrmUser UserData,
    [property: JsonPropertyName("custom_data")] CrmMoney CustomData);

public record CrmUser(
    [property: JsonPropertyName("em")] List<string>? Em,
    [property: JsonPropertyName("ph")] List<string>? Ph,
    [property: JsonPropertyName("lead_id")] long? LeadId,
    [property: JsonPropertyName("fn")] List<string>? Fn,
    [property: JsonPropertyName("ln")] List<string>? Ln);

public record CrmMoney(
    [property: JsonPropertyName("lead_event_source")] string LeadEventSource,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("currency")] string? Currency);

public sealed class Prospect
{
    public string? Email { get; set; }
    public string? Mobile { get; set; }
    public string? MetaLeadId { get; set; }
    public string FullName { get; set; } = "";
}

public static class WonDealEvents
{
    private const string Source = "system_generated";
    private const string PurchaseName = "Purchase";
    private const string Currency = "BRL";

    public static string Build(Prospect prospect, Guid dealId, decimal amount, DateTimeOffset closedAt)
    {
        var user = BuildUser(prospect);
        var purchase = new CrmEvent(PurchaseName, closedAt.ToUnixTimeSeconds(), Source, $"purchase_{dealId}", user,
            new CrmMoney("crm", amount, Currency));
        return JsonSerializer.Serialize(new CrmPayload([purchase]));
    }

    private static CrmUser BuildUser(Prospect p)
    {
        var mail = HashEmail(p.Email);
        var phone = HashPhone(p.Mobile);
        long? leadId = long.TryParse(p.MetaLeadId, out var parsed) ? parsed : null;
        var parts = p.FullName.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = parts.Length > 0 ? Sha256Hex(parts[0].ToLowerInvariant()) : null;
        var last = parts.Length > 1 ? Sha256Hex(parts[^1].ToLowerInvariant()) : null;
        return new CrmUser(
            mail is null ? null : [mail],
            phone is null ? null : [phone],
            leadId,
            first is null ? null : [first],
            last is null ? null : [last]);
    }

    public static string? HashEmail(string? email)
        => string.IsNullOrWhiteSpace(email) ? null : Sha256Hex(email.Trim().ToLowerInvariant());

    public static string? HashPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsDigit).ToArray());
        if (digits.Length == 0) return null;
        if (digits.Length is 10 or 11) digits = "55" + digits;
        return Sha256Hex(digits);
    }

    private static string Sha256Hex(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
