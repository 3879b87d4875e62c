// Shape: NON-CAPI telemetry envelope with a property named EventTime set to Unix MILLISECONDS. NEGATIVE (precision).
// Seen in: device-telemetry simulator CreateEnvelope (index ids 59238829837, 59366248333) and a build-server
//          TaskStartParams (index id 15380532140): EventTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().
// Expect: nothing. CAPI004 is about a Meta event_time; a C# property called EventTime on an unrelated type must not
//         be checked.
#nullable enable
using System;
using System.Text.Json;

namespace CapiKit.RealWorld.Shape28;

public sealed class TelemetryEnvelope
{
    public string MessageId { get; set; } = "";
    public string DeviceId { get; set; } = "";
    public long Timestamp { get; set; }
    public long EventTime { get; set; }
    public int Priority { get; set; }
}

public static class Simulator
{
    public static string Next(string deviceId) => JsonSerializer.Serialize(new TelemetryEnvelope
    {
        MessageId = Guid.NewGuid().ToString(),
        DeviceId = deviceId,
        Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        EventTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        Priority = 1,
    });
}
