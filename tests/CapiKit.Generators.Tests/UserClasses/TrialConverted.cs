using CapiKit;

namespace CapiKit.Generators.Tests.UserClasses;

/// <summary>A custom event whose custom_data keys come from subscriptions.capi.json.</summary>
[ConversionEvent("TrialConverted", ActionSource = ActionSource.SystemGenerated)]
public partial class TrialConverted
{
    [UserData(UserDataField.ExternalId)] public required string AccountId { get; init; }
    [UserData(UserDataField.Email)] public IEnumerable<string>? Emails { get; init; }
    [CustomData("plan_id")] public required string PlanId { get; init; }
    [CustomData("seats")] public int? Seats { get; init; }
    [CustomData(CustomDataField.Value)] public double Value { get; init; }
    [CustomData(CustomDataField.Currency)] public string Currency { get; init; } = "EUR";
    [EventTime] public DateTime ConvertedAtUtc { get; init; }
}
