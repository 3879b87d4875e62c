using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI010: More than 1,000 events in one request. Meta accepts at most 1,000 events per request and rejects larger ones whole.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI010]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI010TooManyEvents
{
    public const string Id = "CAPI010";

    private const string Title = "More than 1,000 events in one request";

    private const string Description = "Meta accepts at most 1,000 events per request and rejects larger ones whole.";

    /// <summary>this request holds {count} events; Meta accepts at most {maxEvents} and rejects the whole request otherwise: send batches</summary>
    public static readonly DiagnosticDescriptor TooMany = RuleDescriptor.Create(Id, Title, "this request holds {0} events; Meta accepts at most {1} and rejects the whole request otherwise: send batches", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(TooMany);

    /// <summary>A request whose data holds more events than Meta accepts.</summary>
    public static void CheckRequest(PayloadObject request, RuleContext context)
    {
        if (request.Find("data") is { Count: int count } data)
        {
            Check(count, data.Location, context);
        }
    }

    public static void Check(int count, Location location, RuleContext context)
    {
        if (count > context.Facts.MaxEvents)
        {
            context.Report(Diagnostic.Create(TooMany, location, count, context.Facts.MaxEvents));
        }
    }

    /// <summary><c>request.SetData(events)</c> with more events than Meta accepts.</summary>
    public static void CheckBuilderCall(IInvocationOperation invocation, KnownSymbols symbols, RuleContext context)
    {
        if (invocation.TargetMethod.Name == "SetData" && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.EventRequest)
            && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "items")?.Value is { } items)
        {
            CheckCount(items, context);
        }
    }

    /// <summary><c>new EventRequest(events)</c> with more events than Meta accepts.</summary>
    public static void CheckRequestCreation(IObjectCreationOperation creation, KnownSymbols symbols, RuleContext context)
    {
        if (SymbolEqualityComparer.Default.Equals(creation.Type, symbols.EventRequest) && creation.Arguments.Length == 1)
        {
            CheckCount(creation.Arguments[0].Value, context);
        }
    }

    private static void CheckCount(IOperation events, RuleContext context)
    {
        if (ValueInspection.Count(events) is int count)
        {
            Check(count, events.Syntax.GetLocation(), context);
        }
    }
}
