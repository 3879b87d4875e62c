using System;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI014: app_data does not fit the action source. App events need app_data with advertiser_tracking_enabled and a 16-slot extinfo; other events must not carry app_data ("Unexpected key advertiser_tracking_enabled").
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI014]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI014AppDataMismatch
{
    public const string Id = "CAPI014";

    private const string Title = "app_data does not fit the action source";

    private const string Description = "App events need app_data with advertiser_tracking_enabled and a 16-slot extinfo; other events must not carry app_data (\"Unexpected key advertiser_tracking_enabled\").";

    /// <summary>this {actionSource} event has no {missing}; Meta requires them on {actionSource} events</summary>
    public static readonly DiagnosticDescriptor MissingFields = RuleDescriptor.Create(Id, Title, "this {0} event has no {1}; Meta requires them on {0} events", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>{field} is not allowed on {actionSource} events; Meta rejects it ("Unexpected key")</summary>
    public static readonly DiagnosticDescriptor Forbidden = RuleDescriptor.Create(Id, Title, "{0} is not allowed on {1} events; Meta rejects it (\"Unexpected key\")", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>app_data has no {missing}; Meta requires them on app events</summary>
    public static readonly DiagnosticDescriptor MissingAppDataFields = RuleDescriptor.Create(Id, Title, "app_data has no {0}; Meta requires them on app events", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>extinfo has {slots} slots; Meta reads exactly {length}, empty strings for unknown ones</summary>
    public static readonly DiagnosticDescriptor ExtinfoLength = RuleDescriptor.Create(Id, Title, "extinfo has {0} slots; Meta reads exactly {1}, empty strings for unknown ones", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>'{type}' is a {actionSource} event but maps no {missing}; Meta requires them on {actionSource} events</summary>
    public static readonly DiagnosticDescriptor EventClassMapsNoField = RuleDescriptor.Create(Id, Title, "'{0}' is a {1} event but maps no {2}; Meta requires them on {1} events", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>'{type}' is a {actionSource} event but maps {field}; Meta rejects {field} on {actionSource} events</summary>
    public static readonly DiagnosticDescriptor EventClassMapsForbidden = RuleDescriptor.Create(Id, Title, "'{0}' is a {1} event but maps {2}; Meta rejects {2} on {1} events", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(MissingFields, Forbidden, MissingAppDataFields, ExtinfoLength, EventClassMapsNoField, EventClassMapsForbidden);

    /// <summary>
    /// Fields the event's action source forbids (app_data on a non-app event), fields required inside app_data, and
    /// an extinfo of the wrong length. Missing event fields of app events are reported by
    /// <see cref="CAPI005ActionSourceRequirementMissing"/> through this rule's message, as the schema's requiresRule says.
    /// </summary>
    public static void CheckEvent(PayloadObject @event, RuleContext context)
    {
        string? actionSource = @event.Find("action_source")?.Text;
        if (actionSource is not null && context.Facts.Forbidden.TryGetValue(actionSource, out var forbidden) && context.Facts.ForbiddenFieldMessage(actionSource) is { } message)
        {
            foreach ((string _, string field) in forbidden.Where(f => f.Object == "server_event"))
            {
                if (@event.Find(field) is { IsNull: false } value)
                {
                    context.Report(Diagnostic.Create(message, value.Location, field, actionSource));
                }
            }
        }

        if (@event.Child("app_data") is not { } appData)
        {
            return;
        }

        if (actionSource is not null && context.Facts.Requirements.TryGetValue(actionSource, out var required))
        {
            string[] missing = required.Where(r => r.Object == "app_data" && !appData.MaySend(r.Field)).Select(r => r.Field).ToArray();
            if (missing.Length > 0)
            {
                context.Report(Diagnostic.Create(MissingAppDataFields, appData.Location, string.Join(" and no ", missing)));
            }
        }

        if (appData.Find("extinfo") is { Count: int slots } extinfo && slots != context.Facts.ExtinfoLength)
        {
            context.Report(Diagnostic.Create(ExtinfoLength, extinfo.Location, slots, context.Facts.ExtinfoLength));
        }
    }

    /// <summary>A <c>[ConversionEvent]</c> class that maps a field its action source forbids (an [AppData] member on a non-app event).</summary>
    public static void CheckEventClass(EventClassPayload @class, RuleContext context)
    {
        if (@class.ActionSource is not { } actionSource
            || !context.Facts.Forbidden.TryGetValue(actionSource, out var forbidden)
            || context.Facts.EventClassForbiddenMessage(actionSource) is not { } message)
        {
            return;
        }

        foreach ((string objectName, string field) in forbidden.Where(f => @class.Maps(f.Object, f.Field)))
        {
            context.Report(Diagnostic.Create(message, @class.Location, @class.TypeName, actionSource, field));
        }
    }

    /// <summary><c>ServerEvent.ForWebsite(...).SetAppData(...)</c>: app_data on an event the factory made for another action source.</summary>
    public static void CheckBuilderCall(IInvocationOperation invocation, KnownSymbols symbols, RuleContext context)
    {
        if (invocation.TargetMethod is { Name: "SetAppData", IsStatic: false } method && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ServerEvent)
            && invocation.Instance is IInvocationOperation { TargetMethod.IsStatic: true } factory
            && SymbolEqualityComparer.Default.Equals(factory.TargetMethod.ContainingType, symbols.ServerEvent)
            && factory.TargetMethod.Name.StartsWith("For", StringComparison.Ordinal)
            && context.Facts.ActionSourceOfMember(factory.TargetMethod.Name.Substring(3)) is { } actionSource
            && context.Facts.Forbidden.TryGetValue(actionSource, out var forbidden)
            && Array.Exists(forbidden, f => f.Object == "server_event" && f.Field == "app_data"))
        {
            context.Report(Diagnostic.Create(Forbidden, invocation.Syntax.GetLocation(), "app_data", actionSource));
        }
    }
}
