// Shape: a background job that drains the queue of unsent orders into ONE request: the page it reads from the store
//        is Take(5000), projected into events with Select(...).ToList() and assigned to data. No chunking at 1,000.
//        STJ DTOs with [JsonPropertyName]; action_source "physical_store" default, hashed e-mail.
// Seen in: retznutz/SharpFbConversions SharpFbConversions/Services/FacebookAppEventsService.cs (0d8f2e91...):
//          SendEventsAsync(IEnumerable<AppEvent>) puts every event it is given into one request's data, with no
//          chunking at Meta's 1,000 (see integrations.md section 3). The page size 5000 is this shape's: the library
//          leaves it to its caller, and a store query's page size is the number a caller reaches for.
// Expect: CAPI010 (more than 1,000 events in one request) on the data value `pending.Take(PageSize)...ToList()`.
//         No CAPI016: e-mail trimmed and lower-cased before hashing.
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CapiKit.RealWorld.Shape34;

public sealed record UnsentOrder(string Number, string Email, decimal Total, DateTimeOffset PaidAt);

public sealed class StoreCustomer
{
    [JsonPropertyName("em")] public string[]? Em { get; set; }
}

public sealed class StoreMoney
{
    [JsonPropertyName("value")] public decimal Value { get; set; }
    [JsonPropertyName("currency")] public string Currency { get; set; } = "EUR";
}

public sealed class StoreEvent
{
    [JsonPropertyName("event_name")] public string EventName { get; set; } = "Purchase";
    [JsonPropertyName("event_time")] public long EventTime { get; set; }
    [JsonPropertyName("event_id")] public string? EventId { get; set; }
    [JsonPropertyName("action_source")] public string ActionSource { get; set; } = "physical_store";
    [JsonPropertyName("user_data")] public StoreCustomer? UserData { get; set; }
    [JsonPropertyName("custom_data")] public StoreMoney? CustomData { get; set; }
}

public sealed class StoreBatch
{
    [JsonPropertyName("data")] public List<StoreEvent> Data { get; set; } = new();
}

public static class BacklogFlush
{
    // One store page per run keeps the job's database load flat.
    private const int PageSize = 5000;

    public static string Body(IEnumerable<UnsentOrder> pending)
    {
        var batch = new StoreBatch
        {
            Data = {|CAPI010:pending.Take(PageSize).Select(o => new StoreEvent
            {
                EventTime = o.PaidAt.ToUnixTimeSeconds(),
                EventId = o.Number,
                UserData = new StoreCustomer { Em = [Sha256(o.Email.Trim().ToLowerInvariant())] },
                CustomData = new StoreMoney { Value = o.Total },
            }).ToList()|},
        };
        return JsonSerializer.Serialize(batch);
    }

    private static string Sha256(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}
