using CapiKit;

namespace CapiKit.Generators.Tests.UserClasses;

/// <summary>An offline event with Limited Data Use and app-free fields of every remaining member kind.</summary>
/// <summary>Mappings several event classes share, inherited by <see cref="StoreVisit"/>.</summary>
public abstract class StoreEventBase
{
    [UserData(UserDataField.LeadId)] public long? LeadId { get; init; }
}

[ConversionEvent(StandardEvent.Purchase, ActionSource = ActionSource.PhysicalStore)]
public partial class StoreVisit : StoreEventBase
{
    [UserData(UserDataField.Phone)] public IReadOnlyList<string> Phones { get; init; } = [];
    [UserData(UserDataField.ExternalId)] public CapiKit.Pii.Sha256Hash? HashedCustomerId { get; init; }
    [CustomData(CustomDataField.Value)] public double Amount { get; init; }
    [CustomData(CustomDataField.Currency)] public string Currency { get; init; } = "GBP";
    [CustomData(CustomDataField.DeliveryCategory)] public DeliveryCategory? Delivery { get; init; }
    [CustomData(CustomDataField.ContentIds)] public string[] Skus { get; init; } = [];
    [CustomData(CustomDataField.NumItems)] public int Items { get; init; }
    [EventTime] public long UnixSeconds { get; init; }
    [DataProcessingOptions] public DataProcessingOption[] Options { get; init; } = [];
    [DataProcessingOptionsCountry] public DataProcessingOptionsCountry Country { get; init; }
    [DataProcessingOptionsState] public DataProcessingOptionsState? State { get; init; }
    [OriginalEventData] public OriginalEventData? Original { get; init; }
}
