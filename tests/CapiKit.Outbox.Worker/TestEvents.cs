using System.Globalization;

namespace CapiKit.Outbox.Worker;

/// <summary>The events the outbox tests send: valid website purchases with an e-mail, one event_id each.</summary>
public static class TestEvents
{
    /// <summary>Event <paramref name="index"/> of a run: <c>{prefix}-{index}</c>, made <paramref name="age"/> ago.</summary>
    public static ServerEvent Purchase(string prefix, int index, DateTimeOffset now, TimeSpan? age = null)
    {
        ServerEvent purchase = ServerEvent.ForWebsite(
                EventDefinition.Purchase(10m + (index % 100), "USD"),
                now - (age ?? TimeSpan.FromMinutes(1)),
                "https://shop.example/checkout",
                "Mozilla/5.0 (X11; Linux x86_64)")
            .SetEventId(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{index}"));
        purchase.UserData.AddEmail(string.Create(CultureInfo.InvariantCulture, $"customer{index}@example.com"));
        return purchase;
    }
}
