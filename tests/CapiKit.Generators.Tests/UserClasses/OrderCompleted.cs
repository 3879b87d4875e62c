using CapiKit;

namespace CapiKit.Generators.Tests.UserClasses;

/// <summary>The attributed class of ARCHITECTURE.md, compiled by the real generator in this test project.</summary>
[ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.Website)]
public partial class OrderCompleted
{
    [UserData(UserDataField.Email)] public required string CustomerEmail { get; init; }
    [UserData(UserDataField.Phone)] public string? Phone { get; init; }
    [UserData(UserDataField.FirstName)] public string? FirstName { get; init; }
    [UserData(UserDataField.DateOfBirth)] public string? BirthDate { get; init; }
    [UserData(UserDataField.City)] public string? City { get; init; }
    [UserData(UserDataField.ZipCode)] public string? Zip { get; init; }
    [UserData(UserDataField.Country)] public string? Country { get; init; }
    [UserData(UserDataField.ClientIpAddress)] public string? ClientIp { get; init; }
    [UserData(UserDataField.ClientUserAgent)] public required string UserAgent { get; init; }
    [CustomData(CustomDataField.Value)] public decimal Total { get; init; }
    [CustomData(CustomDataField.Currency)] public required string Currency { get; init; }
    [CustomData(CustomDataField.Contents)] public IReadOnlyList<Content>? Items { get; init; }
    [EventTime] public DateTimeOffset CompletedAt { get; init; }
    [EventId] public required string OrderId { get; init; }
    [EventSourceUrl] public required string PageUrl { get; init; }
}
