using CapiKit;

namespace CapiKit.Generators.Tests.UserClasses;

/// <summary>
/// A custom event whose name holds characters JSON encoders treat differently (non-ASCII, '&amp;', '+', a quote): the
/// direct writer's pre-encoded names must give the bytes the builders' writer gives.
/// </summary>
[ConversionEvent("Café & Crème 'Bon'+", ActionSource = ActionSource.PhysicalStore)]
public partial class GiftCardRedeemed
{
    [UserData(UserDataField.ExternalId)] public required string CardHolder { get; init; }
    [CustomData(CustomDataField.ContentName)] public string? Store { get; init; }
    [EventTime] public DateTimeOffset RedeemedAt { get; init; }
}
