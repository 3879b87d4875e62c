using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// Every rule of the analyzers, and the messages the schema refers to by rule ID: an action source's
/// <c>requiresRule</c> and <c>forbidsRule</c> name the rule whose <c>missingFields</c> and <c>forbidden</c> messages
/// report it. A test proves the schema names only rules that have them.
/// </summary>
internal static class RuleRegistry
{
    /// <summary>Every message of every usage rule, CAPI001 to CAPI016.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = RuleDescriptor.Union(
        CAPI001UnhashedPii.All, CAPI002MissingActionSource.All, CAPI003EventTimeOutsideWindow.All, CAPI004EventTimeNotSeconds.All,
        CAPI005ActionSourceRequirementMissing.All, CAPI006PurchaseIncomplete.All, CAPI007RawKeyModified.All, CAPI008NearMissEventName.All,
        CAPI009ConstantEventId.All, CAPI010TooManyEvents.All, CAPI011TestEventCodeInCode.All, CAPI012SecretInSource.All,
        CAPI013InvalidOnlyCustomerInformation.All, CAPI014AppDataMismatch.All, CAPI016HashedWithoutNormalization.All);

    public static DiagnosticDescriptor? MissingFields(string ruleId) => ruleId switch
    {
        CAPI005ActionSourceRequirementMissing.Id => CAPI005ActionSourceRequirementMissing.MissingFields,
        CAPI014AppDataMismatch.Id => CAPI014AppDataMismatch.MissingFields,
        _ => null,
    };

    public static DiagnosticDescriptor? EventClassMissingFields(string ruleId) => ruleId switch
    {
        CAPI005ActionSourceRequirementMissing.Id => CAPI005ActionSourceRequirementMissing.EventClassMapsNoField,
        CAPI014AppDataMismatch.Id => CAPI014AppDataMismatch.EventClassMapsNoField,
        _ => null,
    };

    public static DiagnosticDescriptor? EventClassForbidden(string ruleId) => ruleId switch
    {
        CAPI014AppDataMismatch.Id => CAPI014AppDataMismatch.EventClassMapsForbidden,
        _ => null,
    };

    public static DiagnosticDescriptor? Forbidden(string ruleId) => ruleId switch
    {
        CAPI014AppDataMismatch.Id => CAPI014AppDataMismatch.Forbidden,
        _ => null,
    };
}
