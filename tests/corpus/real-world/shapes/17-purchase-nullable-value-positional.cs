// Shape: Purchase built positionally from a record whose value parameter is `decimal?`; the value comes from a
//        nullable domain property that is never checked, so Meta receives "value": null for deals without a
//        final amount.
// Seen in: CssOne/CssCRM src/CssVision.Web/Services/Marketing/MetaConversionEventBuilder.cs
//          (d2b4439ff428f91a92726d81009c7693381fdb80) - `new MetaCapiCustomData(..., opportunity.ValorFinal, DefaultCurrency)`
//          where ValorFinal is nullable (the class comment says Purchase requires value and currency).
// Expect: CAPI006 on `deal.FinalAmount` - a possibly-null value reaches a Purchase's custom_data.value.
#nullable enable
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape17;

public record Body([property: JsonPropertyName("data")] List<Ev> Data);

public record Ev(
    [property: JsonPropertyName("event_name")] string EventName,
    [property: JsonPropertyName("event_time")] long EventTime,
    [property: JsonPropertyName("action_source")] string ActionSource,
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("user_data")] Who UserData,
    [property: JsonPropertyName("custom_data")] Amount CustomData);

public record Who([property: JsonPropertyName("lead_id")] long? LeadId);

public record Amount(
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("currency")] string? Currency);

public sealed class Deal
{
    public Guid Id { get; set; }
    public decimal? FinalAmount { get; set; }
    public long MetaLeadId { get; set; }
}

public static class DealWon
{
    public static string Build(Deal deal)
    {
        var ev = new Ev("Purchase", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "system_generated", $"purchase_{deal.Id}",
            new Who(deal.MetaLeadId),
            new Amount({|CAPI006:deal.FinalAmount|}, "BRL"));
        return JsonSerializer.Serialize(new Body([ev]));
    }
}
