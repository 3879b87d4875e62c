namespace CapiKit.Benchmarks;

/// <summary>The benchmark's event as an attributed class: CapiKit generates its direct <c>WriteTo</c>.</summary>
[ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Website)]
public sealed partial class PurchaseCompleted
{
    [UserData(UserDataField.Email)] public required string Email { get; init; }
    [UserData(UserDataField.Phone)] public required string Phone { get; init; }
    [UserData(UserDataField.FirstName)] public required string FirstName { get; init; }
    [UserData(UserDataField.LastName)] public required string LastName { get; init; }
    [UserData(UserDataField.City)] public required string City { get; init; }
    [UserData(UserDataField.State)] public required string State { get; init; }
    [UserData(UserDataField.ZipCode)] public required string Zip { get; init; }
    [UserData(UserDataField.Country)] public required string Country { get; init; }
    [UserData(UserDataField.ExternalId)] public required string ExternalId { get; init; }
    [UserData(UserDataField.ClientIpAddress)] public required string Ip { get; init; }
    [UserData(UserDataField.ClientUserAgent)] public required string UserAgent { get; init; }
    [UserData(UserDataField.ClickId)] public required string Fbc { get; init; }
    [UserData(UserDataField.BrowserId)] public required string Fbp { get; init; }
    [CustomData(CustomDataField.Value)] public decimal Value { get; init; }
    [CustomData(CustomDataField.Currency)] public string Currency { get; init; } = "USD";
    [CustomData(CustomDataField.Contents)] public required IReadOnlyList<Content> Items { get; init; }
    [CustomData(CustomDataField.OrderId)] public required string OrderId { get; init; }
    [EventTime] public DateTimeOffset At { get; init; }
    [EventId] public required string EventId { get; init; }
    [EventSourceUrl] public required string Url { get; init; }

    public static PurchaseCompleted From(Customer c, DateTimeOffset at) => new()
    {
        Email = c.Email, Phone = c.Phone, FirstName = c.FirstName, LastName = c.LastName, City = c.City, State = c.State, Zip = c.Zip,
        Country = c.Country, ExternalId = c.ExternalId, Ip = c.Ip, UserAgent = c.UserAgent, Fbc = c.Fbc, Fbp = c.Fbp, Value = c.Value,
        Items = [.. c.Items.Select(i => new Content().SetId(i.Id).SetQuantity(i.Quantity).SetItemPrice(i.Price))],
        OrderId = c.OrderId, At = at, EventId = c.EventId, Url = c.Url,
    };
}
