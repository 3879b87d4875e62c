// Shape: NON-CAPI request options with [JsonProperty("event_name")], an identifier and a timestamp - a billing
//        meter event. NEGATIVE (precision).
// Seen in: stripe/stripe-dotnet src/Stripe.net/Services/Billing/MeterEvents/MeterEventCreateOptions.cs
//          (9b7c00dfe4868e7a7952356c9c6599afcd5257d4).
// Expect: nothing. An "event_name" property alone does not make a Meta event (no CAPI002 for the missing
//         action_source, no CAPI015, no CAPI004 for the DateTime timestamp).
// Needs: Newtonsoft.Json
#nullable enable
using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace CapiKit.RealWorld.Shape25;

public class UsageMeterEventOptions
{
    [JsonProperty("event_name")]
    public string? EventName { get; set; }

    [JsonProperty("identifier")]
    public string? Identifier { get; set; }

    [JsonProperty("payload")]
    public Dictionary<string, string>? Payload { get; set; }

    [JsonProperty("timestamp")]
    public DateTime? Timestamp { get; set; }
}

public static class Metering
{
    public static string Record(string customerId, int units)
    {
        var options = new UsageMeterEventOptions
        {
            EventName = "api_requests",
            Identifier = Guid.NewGuid().ToString(),
            Payload = new Dictionary<string, string> { ["stripe_customer_id"] = customerId, ["value"] = units.ToString() },
            Timestamp = DateTime.UtcNow,
        };
        return JsonConvert.SerializeObject(options);
    }
}
