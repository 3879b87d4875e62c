using System;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using CapiKit.Generators.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI003: event_time is outside Meta's window. Meta rejects the whole request when an event_time is more than 7 days old (62 for physical_store) and treats future times as errors.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI003]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI003EventTimeOutsideWindow
{
    public const string Id = "CAPI003";

    private const string Title = "event_time is outside Meta's window";

    private const string Description = "Meta rejects the whole request when an event_time is more than 7 days old (62 for physical_store) and treats future times as errors.";

    /// <summary>event_time is {age} old; Meta rejects the whole request when an event is more than {maxAgeDays} days old{forActionSource}</summary>
    public static readonly DiagnosticDescriptor TooOld = RuleDescriptor.Create(Id, Title, "event_time is {0} old; Meta rejects the whole request when an event is more than {1} days old{2}", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>event_time is {ahead} in the future; Meta treats future times as errors (CapiKit tolerates {maxFutureSeconds} seconds of clock skew)</summary>
    public static readonly DiagnosticDescriptor InTheFuture = RuleDescriptor.Create(Id, Title, "event_time is {0} in the future; Meta treats future times as errors (CapiKit tolerates {1} seconds of clock skew)", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>event_time is the fixed instant {date}; a constant timestamp goes stale, and Meta rejects events more than {maxAgeDays} days old</summary>
    public static readonly DiagnosticDescriptor FixedInstant = RuleDescriptor.Create(Id, Title, "event_time is the fixed instant {0}; a constant timestamp goes stale, and Meta rejects events more than {1} days old", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(TooOld, InTheFuture, FixedInstant);

    /// <summary>
    /// The event's event_time, outside the window of its action source (CAPI003) or not in Unix seconds (CAPI004,
    /// which the same evaluation decides). A JSON literal has no expression to fix.
    /// </summary>
    public static void CheckEvent(PayloadObject @event, RuleContext context)
    {
        if (@event.Find("event_time") is not { } time)
        {
            return;
        }

        string? actionSource = @event.Find("action_source")?.Text;
        if (EventTimeRule.Check(time.Time, time.Location, context.Facts, actionSource, time.Operation is null ? null : EventTimeRule.UseNow) is { } diagnostic)
        {
            context.Report(diagnostic);
        }
    }

    /// <summary>The event time given to <c>ServerEvent.ForWebsite(...)</c>, <c>ServerEvent.Create(...)</c> and alike.</summary>
    public static void CheckBuilderCall(IInvocationOperation invocation, KnownSymbols symbols, RuleContext context)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (!method.IsStatic || !SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ServerEvent))
        {
            return;
        }

        string? actionSource = method.Name.StartsWith("For", StringComparison.Ordinal)
            ? context.Facts.ActionSources.FirstOrDefault(value => "For" + Naming.Pascal(value) == method.Name)
            : method.Name == "Create" ? CAPI002MissingActionSource.BuilderActionSource(invocation, context.Facts, report: null) : null;
        if (invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "eventTime") is { } time
            && EventTimeRule.Check(EventTimeEvaluator.Evaluate(time.Value), time.Value.Syntax.GetLocation(), context.Facts, actionSource, EventTimeRule.UseNow) is { } diagnostic)
        {
            context.Report(diagnostic);
        }
    }

    /// <summary>Assignments and initializers of [EventTime] members of [ConversionEvent] classes.</summary>
    public static void CheckMemberWrite(IOperation operation, KnownSymbols symbols, RuleContext context)
    {
        (ISymbol? member, IOperation? value) = ValueInspection.MemberWrite(operation);
        if (member is null || value is null || !KnownSymbols.HasAttribute(member, symbols.EventTimeAttribute))
        {
            return;
        }

        string? actionSource = EventClassActionSource(member.ContainingType, symbols, context.Facts);
        if (EventTimeRule.Check(EventTimeEvaluator.Evaluate(value), value.Syntax.GetLocation(), context.Facts, actionSource, EventTimeRule.UseNow) is { } diagnostic)
        {
            context.Report(diagnostic);
        }
    }

    private static string? EventClassActionSource(INamedTypeSymbol? type, KnownSymbols symbols, PayloadFacts facts) =>
        facts.ActionSourceOf(type?.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.ConversionEventAttribute)));
}
