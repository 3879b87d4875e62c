using CapiKit.Generators.Analysis.Payloads;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// Runs every rule's payload check on one payload object, whatever the surface (C# objects, JSON literals). The
/// surfaces decide what an object is (an event, its user_data, a request); the rules decide what is wrong with it.
/// </summary>
internal static class PayloadRules
{
    /// <summary>An event: an object with <c>user_data</c>, or one the surface recognises as an event without it.</summary>
    public static void CheckEvent(PayloadObject @event, RuleContext context)
    {
        CAPI002MissingActionSource.CheckEvent(@event, context);
        CAPI003EventTimeOutsideWindow.CheckEvent(@event, context);
        CAPI005ActionSourceRequirementMissing.CheckEvent(@event, context);
        CAPI006PurchaseIncomplete.CheckEvent(@event, context);
        CAPI008NearMissEventName.CheckEvent(@event, context);
        CAPI009ConstantEventId.CheckEvent(@event, context);
        CAPI014AppDataMismatch.CheckEvent(@event, context);
        CAPI013InvalidOnlyCustomerInformation.CheckEvent(@event, context);
        if (@event.Child("user_data") is { } userData)
        {
            CAPI013InvalidOnlyCustomerInformation.CheckUserData(userData, context);
        }
    }

    /// <summary>
    /// An object sent as <c>user_data</c> (or a DTO that can only be one), wherever it is built: the rules about its
    /// values run here, so user_data built in a helper is checked as well as one built beside its event.
    /// </summary>
    public static void CheckUserData(PayloadObject userData, RuleContext context)
    {
        CAPI001UnhashedPii.CheckUserData(userData, context);
        CAPI007RawKeyModified.CheckUserData(userData, context);
        CAPI016HashedWithoutNormalization.CheckUserData(userData, context);
    }

    /// <summary>
    /// Values written into JSON text under user_data keys, whose object is not known: the rules that judge one value
    /// alone. CAPI001 leaves them to the keys it knows are user_data's (a custom_data key of the text is not reported).
    /// </summary>
    public static void CheckUserDataValues(PayloadObject values, RuleContext context)
    {
        CAPI001UnhashedPii.CheckUserData(values, context);
        CAPI016HashedWithoutNormalization.CheckUserData(values, context);
    }

    /// <summary>An object sent as <c>custom_data</c>.</summary>
    public static void CheckCustomData(PayloadObject customData, RuleContext context) =>
        CAPI001UnhashedPii.CheckCustomData(customData, context);

    /// <summary>A request: an object with <c>data</c> or <c>test_event_code</c>.</summary>
    public static void CheckRequest(PayloadObject request, RuleContext context)
    {
        CAPI010TooManyEvents.CheckRequest(request, context);
        CAPI011TestEventCodeInCode.CheckRequest(request, context);
    }
}
