using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI009: event_id is a constant. Meta deduplicates events by event_id; one id for every event makes Meta drop all but the first ("Same Event ID Received for Many Event Instances").
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI009]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI009ConstantEventId
{
    public const string Id = "CAPI009";

    private const string Title = "event_id is a constant";

    private const string Description = "Meta deduplicates events by event_id; one id for every event makes Meta drop all but the first (\"Same Event ID Received for Many Event Instances\").";

    /// <summary>event_id is the same for every event; Meta deduplicates on it and drops all but the first ("Same Event ID Received for Many Event Instances"): use the order or request id</summary>
    public static readonly DiagnosticDescriptor Constant = RuleDescriptor.Create(Id, Title, "event_id is the same for every event; Meta deduplicates on it and drops all but the first (\"Same Event ID Received for Many Event Instances\"): use the order or request id", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(Constant);

    /// <summary>
    /// A constant event_id written in C#. A JSON literal is a template more often than a payload, and its id is
    /// usually replaced before sending, so it is not reported.
    /// </summary>
    public static void CheckEvent(PayloadObject @event, RuleContext context)
    {
        // An id made of an enum member's name (`step.ToString()`) is one constant per event type: the same failure.
        if (@event.Find("event_id") is { Operation: not null } eventId && (eventId.IsNonEmptyConstant || eventId.IsEnumName))
        {
            Report(eventId.Location, context.Report);
        }
    }

    public static void Report(Location location, System.Action<Diagnostic> report) => report(Diagnostic.Create(Constant, location));

    /// <summary><c>SetEventId("order")</c> with a constant.</summary>
    public static void CheckBuilderCall(IInvocationOperation invocation, KnownSymbols symbols, RuleContext context)
    {
        if (invocation.TargetMethod is { Name: "SetEventId", IsStatic: false } method && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ServerEvent)
            && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "value")?.Value is { } value && ValueInspection.IsNonEmptyConstant(value))
        {
            Report(value.Syntax.GetLocation(), context.Report);
        }
    }

    /// <summary>A constant written to an <c>[EventId]</c> member of a <c>[ConversionEvent]</c> class.</summary>
    public static void CheckMemberWrite(ISymbol member, IOperation value, RuleContext context)
    {
        if (ValueInspection.IsNonEmptyConstant(value)
            && member.GetAttributes().Any(a => a.AttributeClass?.Name == "EventIdAttribute" && a.AttributeClass.ContainingNamespace?.ToDisplayString() == "CapiKit"))
        {
            Report(value.Syntax.GetLocation(), context.Report);
        }
    }
}
