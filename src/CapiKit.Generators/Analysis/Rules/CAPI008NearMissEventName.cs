using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI008: Event name is a near miss of a standard event. Standard event names are case-sensitive; a near miss counts as a custom event and is not optimized or reported as the standard one.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI008]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI008NearMissEventName
{
    public const string Id = "CAPI008";

    private const string Title = "Event name is a near miss of a standard event";

    private const string Description = "Standard event names are case-sensitive; a near miss counts as a custom event and is not optimized or reported as the standard one.";

    /// <summary>'{name}' is not the standard event '{standard}'; Meta will count it as a custom event</summary>
    public static readonly DiagnosticDescriptor NearMiss = RuleDescriptor.Create(Id, Title, "'{0}' is not the standard event '{1}'; Meta will count it as a custom event", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(NearMiss);

    /// <summary>An event_name that nearly spells a standard event.</summary>
    public static void CheckEvent(PayloadObject @event, RuleContext context)
    {
        // Pinterest's and Snapchat's conversion APIs use the same keys with their own vocabulary ("add_to_cart" with
        // action_source "web", "PURCHASE" with "WEB"): an action_source none of Meta's says the event is another
        // platform's, whose standard names are no near misses of Meta's. (Sent to Meta, such an event is rejected
        // whole for its action_source; a name warning would not help it.)
        if (@event.Find("action_source") is { Text: { } source } && System.Array.IndexOf(context.Facts.ActionSources, source) < 0)
        {
            return;
        }

        if (@event.Find("event_name") is { Text: { } name } value)
        {
            Check(name, value.Location, withFix: value.Operation is not null, context);
        }
    }

    /// <summary>A name wherever it is written (a payload, a builder call, an attribute), with the fix to the standard spelling.</summary>
    public static void Check(string name, Location location, bool withFix, RuleContext context)
    {
        if (context.Facts.NearMissOf(name) is string standard)
        {
            ImmutableDictionary<string, string?> properties = withFix
                ? ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.UseStandardName).Add(FixKinds.Value, standard)
                : ImmutableDictionary<string, string?>.Empty;
            context.Report(Diagnostic.Create(NearMiss, location, properties, name, standard));
        }
    }

    /// <summary>A <c>[ConversionEvent]</c> class whose custom event name nearly spells a standard event.</summary>
    public static void CheckEventClass(EventClassPayload @class, RuleContext context)
    {
        if (@class.CustomName is { } name)
        {
            Check(name, @class.NameLocation, withFix: true, context);
        }
    }

    /// <summary>A near-miss name given to <c>EventDefinition.Custom</c> or <c>ServerEvent.Create</c>.</summary>
    public static void CheckBuilderCall(IInvocationOperation invocation, KnownSymbols symbols, RuleContext context)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if ((SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.EventDefinition) && method.Name == "Custom")
            || (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ServerEvent) && method.Name == "Create"))
        {
            IOperation? name = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name is "name" or "eventName")?.Value;
            if (ValueInspection.ConstantString(name) is string text)
            {
                Check(text, name!.Syntax.GetLocation(), withFix: true, context);
            }
        }
    }
}
