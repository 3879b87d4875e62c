using CapiKit;

namespace Checkout.Events;

// The shop's four conversion events. Each maps what the shop knows at that step; CapiKit generates
// ToServerEvent() for each, normalizing and hashing the customer's details, and its analyzers check the mapping.

/// <summary>A visitor looked at a product page.</summary>
[ConversionEvent(StandardEvent.ViewContent, ActionSource = ActionSource.Website)]
public sealed partial class ProductViewed : VisitorEvent
{
    [CustomData(CustomDataField.ContentIds)] public required string[] ProductIds { get; init; }
    [CustomData(CustomDataField.Value)] public decimal Price { get; init; }
    [CustomData(CustomDataField.Currency)] public required string Currency { get; init; }
}

/// <summary>A visitor put a product in the cart.</summary>
[ConversionEvent(StandardEvent.AddToCart, ActionSource = ActionSource.Website)]
public sealed partial class ItemAdded : VisitorEvent
{
    [CustomData(CustomDataField.Contents)] public required IReadOnlyList<Content> Items { get; init; }
    [CustomData(CustomDataField.Value)] public decimal Value { get; init; }
    [CustomData(CustomDataField.Currency)] public required string Currency { get; init; }
}

/// <summary>A visitor opened the checkout.</summary>
[ConversionEvent(StandardEvent.InitiateCheckout, ActionSource = ActionSource.Website)]
public sealed partial class CheckoutStarted : VisitorEvent
{
    [CustomData(CustomDataField.Contents)] public required IReadOnlyList<Content> Items { get; init; }
    [CustomData(CustomDataField.NumItems)] public int ItemCount { get; init; }
    [CustomData(CustomDataField.Value)] public decimal Value { get; init; }
    [CustomData(CustomDataField.Currency)] public required string Currency { get; init; }
}

/// <summary>A customer paid: the event that matters, with everything the shop knows about them.</summary>
[ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Website)]
public sealed partial class OrderPlaced : VisitorEvent
{
    [UserData(UserDataField.Email)] public required string Email { get; init; }
    [UserData(UserDataField.Phone)] public string? Phone { get; init; }
    [UserData(UserDataField.FirstName)] public string? FirstName { get; init; }
    [UserData(UserDataField.LastName)] public string? LastName { get; init; }
    [UserData(UserDataField.City)] public string? City { get; init; }
    [UserData(UserDataField.ZipCode)] public string? PostalCode { get; init; }
    [UserData(UserDataField.Country)] public string? Country { get; init; }
    [UserData(UserDataField.ExternalId)] public string? CustomerId { get; init; }
    [CustomData(CustomDataField.Contents)] public required IReadOnlyList<Content> Items { get; init; }
    [CustomData(CustomDataField.Value)] public decimal Total { get; init; }
    [CustomData(CustomDataField.Currency)] public required string Currency { get; init; }
    [CustomData(CustomDataField.OrderId)] public required string OrderNumber { get; init; }
}
