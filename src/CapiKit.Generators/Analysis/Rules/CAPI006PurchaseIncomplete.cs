using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI006: Purchase lacks value or currency, or the currency is not ISO 4217. Meta rejects a Purchase without value and an ISO 4217 currency.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI006]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI006PurchaseIncomplete
{
    public const string Id = "CAPI006";

    private const string Title = "Purchase lacks value or currency, or the currency is not ISO 4217";

    private const string Description = "Meta rejects a Purchase without value and an ISO 4217 currency.";

    /// <summary>this {eventName} has no custom_data {missing}; Meta rejects a {eventName} without them</summary>
    public static readonly DiagnosticDescriptor MissingCustomData = RuleDescriptor.Create(Id, Title, "this {0} has no custom_data {1}; Meta rejects a {0} without them", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>'{type}' is a {eventName} but maps no custom_data {missing}; Meta rejects a {eventName} without them</summary>
    public static readonly DiagnosticDescriptor EventClassMapsNoCustomData = RuleDescriptor.Create(Id, Title, "'{0}' is a {1} but maps no custom_data {2}; Meta rejects a {1} without them", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>'{code}' is not an ISO 4217 currency code{suggestion}</summary>
    public static readonly DiagnosticDescriptor NotIso4217 = RuleDescriptor.Create(Id, Title, "'{0}' is not an ISO 4217 currency code{1}", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(MissingCustomData, EventClassMapsNoCustomData, NotIso4217);
}
