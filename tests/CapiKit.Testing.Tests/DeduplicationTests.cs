using CapiKit.Delivery;

namespace CapiKit.Testing.Tests;

/// <summary>The emulator counts arrivals per event_id + event_name, the pair Meta deduplicates on.</summary>
public sealed class DeduplicationTests
{
    [Fact]
    public async Task Arrivals_are_counted_per_event_id_and_name_and_only_when_accepted()
    {
        await using Harness harness = await Harness.StartAsync();

        await harness.Client.SendAsync([Harness.Purchase(1), Harness.Purchase(2)]);
        await harness.Client.SendAsync([Harness.Purchase(1)]);                         // a resend: same id, same name
        await harness.Client.SendAsync([Harness.Purchase(3, TimeSpan.FromDays(8))]);   // fails pre-flight, never arrives
        harness.Emulator.AddFault(new FaultRule(FaultKind.ServiceUnavailable, Times: 10));
        DeliveryReport outage = await harness.Client.SendAsync([Harness.Purchase(4)]);

        Assert.Equal(2, harness.Emulator.ArrivalCount("order-1", "Purchase"));
        Assert.Equal(1, harness.Emulator.ArrivalCount("order-2", "Purchase"));
        Assert.Equal(0, harness.Emulator.ArrivalCount("order-1", "Lead"));
        Assert.Equal(0, harness.Emulator.ArrivalCount("order-3", "Purchase"));
        Assert.Equal(0, harness.Emulator.ArrivalCount("order-4", "Purchase"));
        Assert.Equal(2, harness.Emulator.DistinctEventCount);
        Assert.Equal(FailureKind.TransientExhausted, Assert.Single(outage.Failed).Failure!.Kind);
        Assert.Contains(harness.Emulator.Requests, r => r.StatusCode == 503);
    }
}
