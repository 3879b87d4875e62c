using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI011: test_event_code is a literal. Events with a test_event_code are still processed, and a literal ships to production; read it from configuration.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI011]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI011TestEventCodeInCode
{
    public const string Id = "CAPI011";

    private const string Title = "test_event_code is a literal";

    private const string Description = "Events with a test_event_code are still processed, and a literal ships to production; read it from configuration.";

    /// <summary>test_event_code is written in code; it will ship to production, where test events still count: read it from configuration</summary>
    public static readonly DiagnosticDescriptor Literal = RuleDescriptor.Create(Id, Title, "test_event_code is written in code; it will ship to production, where test events still count: read it from configuration", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(Literal);

    /// <summary>A literal test_event_code written in C# (a JSON literal's is a template's, and left alone as CAPI009's is).</summary>
    /// <remarks>A literal that reaches the field through a branch, a local, a constant or a parameter of the app's own methods
    /// (<c>SendAsync(e, testEventCode: "TEST123")</c>) is reported at the literal, once.</remarks>
    public static void CheckRequest(PayloadObject request, RuleContext context)
    {
        if (request.Find("test_event_code") is not { Operation: not null } code)
        {
            return;
        }

        if (code.IsNonEmptyConstant)
        {
            Report(code.Location, context.Report);
            return;
        }

        foreach (PayloadValue source in code.Sources)
        {
            if (source.IsNonEmptyConstant && context.FirstAt(Id, source.Location))
            {
                Report(source.Location, context.Report);
            }
        }
    }

    public static void Report(Location location, System.Action<Diagnostic> report) =>
        report(Diagnostic.Create(Literal, location, ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.ReadFromConfiguration)));

    /// <summary><c>request.SetTestEventCode("TEST123")</c>.</summary>
    public static void CheckBuilderCall(IInvocationOperation invocation, KnownSymbols symbols, RuleContext context)
    {
        if (invocation.TargetMethod.Name == "SetTestEventCode" && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.EventRequest)
            && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "value")?.Value is { } value && ValueInspection.IsNonEmptyConstant(value))
        {
            Report(value.Syntax.GetLocation(), context.Report);
        }
    }

    /// <summary>A literal written to a member named TestEventCode (options classes, request DTOs).</summary>
    public static void CheckMemberWrite(ISymbol member, IOperation value, RuleContext context)
    {
        if (member.Name is "TestEventCode" or "testEventCode" && ValueInspection.IsNonEmptyConstant(value)
            && !member.GetAttributes().Any(a => a.AttributeClass?.Name is "EventIdAttribute" or "CustomDataAttribute"))
        {
            Report(value.Syntax.GetLocation(), context.Report);
        }
    }
}
