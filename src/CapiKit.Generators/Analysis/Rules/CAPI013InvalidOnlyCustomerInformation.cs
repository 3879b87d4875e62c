using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI013: Customer information is only an invalid-only combination. Since Graph API v13.0 Meta treats events whose customer information is only one of the schema's invalid-only sets (objects.user_data.invalidOnlyCombinations) as invalid, and events without any as unmatchable.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI013]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI013InvalidOnlyCustomerInformation
{
    public const string Id = "CAPI013";

    private const string Title = "Customer information is only an invalid-only combination";

    private const string Description = "Since Graph API v13.0 Meta treats events whose customer information is only one of the schema's invalid-only sets (objects.user_data.invalidOnlyCombinations) as invalid, and events without any as unmatchable.";

    /// <summary>customer information is only {keys}, within {combination}, which Meta treats as invalid; add a stronger identifier: an e-mail, a phone number, external_id or fbp</summary>
    public static readonly DiagnosticDescriptor OnlyInvalidCombination = RuleDescriptor.Create(Id, Title, "customer information is only {0}, within {1}, which Meta treats as invalid; add a stronger identifier: an e-mail, a phone number, external_id or fbp", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>user_data has no customer information; Meta cannot match the event to anyone and rejects it ("Not enough customer information")</summary>
    public static readonly DiagnosticDescriptor NoCustomerInformation = RuleDescriptor.Create(Id, Title, "user_data has no customer information; Meta cannot match the event to anyone and rejects it (\"Not enough customer information\")", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>'{type}' maps only {keys} of customer information, within {combination}, which Meta treats as invalid; map a stronger identifier too: an e-mail, a phone number, external_id or fbp</summary>
    public static readonly DiagnosticDescriptor EventClassMapsOnlyInvalidCombination = RuleDescriptor.Create(Id, Title, "'{0}' maps only {1} of customer information, within {2}, which Meta treats as invalid; map a stronger identifier too: an e-mail, a phone number, external_id or fbp", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(OnlyInvalidCombination, NoCustomerInformation, EventClassMapsOnlyInvalidCombination);

    /// <summary>
    /// user_data whose keys are only one of the schema's invalid-only combinations, or none at all in an object
    /// written whole. Keys are counted as the pre-flight counts them: every key with a value that is not null.
    /// </summary>
    public static void CheckUserData(PayloadObject userData, RuleContext context)
    {
        HashSet<string> keys = new(userData.Values.Where(v => !v.IsNull).Select(v => v.Key), StringComparer.Ordinal);
        bool whole = userData is JsonPayload || userData.Style != ContainerStyle.Other;
        if (keys.Count == 0 && whole && userData.Values.All(v => context.Facts.IsUserDataKey(v.Key)))
        {
            context.Report(Diagnostic.Create(NoCustomerInformation, userData.Location));
        }
        else if (keys.Count > 0 && context.Facts.InvalidOnlyCombinations.FirstOrDefault(combination => keys.IsSubsetOf(combination)) is { } only)
        {
            context.Report(Diagnostic.Create(OnlyInvalidCombination, userData.Location, Set(keys), Set(only)));
        }
    }

    /// <summary>An event that sends no user_data at all: Meta rejects it as it rejects an empty one.</summary>
    public static void CheckEvent(PayloadObject @event, RuleContext context)
    {
        if (!@event.MaySend("user_data"))
        {
            context.Report(Diagnostic.Create(NoCustomerInformation, @event.Location));
        }
    }

    /// <summary><c>{ct, zp}</c>: keys in a stable order.</summary>
    public static string Set(IEnumerable<string> keys) => "{" + string.Join(", ", keys.OrderBy(k => k, StringComparer.Ordinal)) + "}";

    /// <summary>A <c>[ConversionEvent]</c> class that maps only an invalid-only combination of customer information.</summary>
    public static void CheckEventClass(EventClassPayload @class, RuleContext context)
    {
        HashSet<string> customer = new(@class.CustomerKeys, StringComparer.Ordinal);
        if (customer.Count > 0 && context.Facts.InvalidOnlyCombinations.FirstOrDefault(c => customer.IsSubsetOf(c)) is { } only)
        {
            context.Report(Diagnostic.Create(EventClassMapsOnlyInvalidCombination, @class.Location, @class.TypeName, Set(customer), Set(only)));
        }
    }
}
