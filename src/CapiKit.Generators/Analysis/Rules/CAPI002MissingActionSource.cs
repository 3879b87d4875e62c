using System;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using CapiKit.Generators.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI002: Event has no action_source. Meta requires action_source on every event and rejects the whole request without it.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI002]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI002MissingActionSource
{
    public const string Id = "CAPI002";

    private const string Title = "Event has no action_source";

    private const string Description = "Meta requires action_source on every event and rejects the whole request without it.";

    /// <summary>this event has user_data but no action_source; Meta rejects the whole request without it</summary>
    public static readonly DiagnosticDescriptor MissingInPayload = RuleDescriptor.Create(Id, Title, "this event has user_data but no action_source; Meta rejects the whole request without it", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>this JSON event has user_data but no action_source; Meta rejects the whole request without it</summary>
    public static readonly DiagnosticDescriptor MissingInJson = RuleDescriptor.Create(Id, Title, "this JSON event has user_data but no action_source; Meta rejects the whole request without it", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>this ActionSource value is not one of Meta's action sources (default(ActionSource) is none)</summary>
    public static readonly DiagnosticDescriptor NotAnActionSource = RuleDescriptor.Create(Id, Title, "this ActionSource value is not one of Meta's action sources (default(ActionSource) is none)", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>[ConversionEvent] class '{type}' has no action_source; set ActionSource on the attribute or map a member with [ActionSource]</summary>
    public static readonly DiagnosticDescriptor MissingOnEventClass = RuleDescriptor.Create(Id, Title, "[ConversionEvent] class '{0}' has no action_source; set ActionSource on the attribute or map a member with [ActionSource]", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(MissingInPayload, MissingInJson, NotAnActionSource, MissingOnEventClass);

    /// <summary>An event without action_source; in C#, with the fix that adds it where the object's style allows.</summary>
    public static void CheckEvent(PayloadObject @event, RuleContext context)
    {
        if (@event.MaySend("action_source"))
        {
            return;
        }

        if (@event is JsonPayload)
        {
            context.Report(Diagnostic.Create(MissingInJson, @event.Location));
            return;
        }

        string? fix = @event.Style switch
        {
            ContainerStyle.Anonymous => FixKinds.AddToAnonymousObject,
            ContainerStyle.IndexerInitializer => FixKinds.AddIndexerEntry,
            ContainerStyle.CollectionInitializer => FixKinds.AddCollectionEntry,
            _ => null,
        };
        ImmutableDictionary<string, string?> properties = fix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, fix);
        context.Report(Diagnostic.Create(MissingInPayload, @event.Location, properties));
    }

    /// <summary>
    /// The action source of <c>ServerEvent.Create</c> when it is a constant; reports <c>default</c>, which is none, when
    /// given where to report.
    /// </summary>
    public static string? BuilderActionSource(IInvocationOperation invocation, PayloadFacts facts, Action<Diagnostic>? report)
    {
        IArgumentOperation? argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "actionSource");
        if (argument?.Value.ConstantValue is not { HasValue: true, Value: int value })
        {
            return null;
        }

        if (SchemaEnums.Index(value, facts.ActionSources.Length) is int index)
        {
            return facts.ActionSources[index];
        }

        report?.Invoke(Diagnostic.Create(NotAnActionSource, argument.Syntax.GetLocation()));
        return null;
    }

    /// <summary><c>ServerEvent.Create(..., default, ...)</c>: an ActionSource value that is none of Meta's.</summary>
    public static void CheckBuilderCall(IInvocationOperation invocation, KnownSymbols symbols, RuleContext context)
    {
        if (invocation.TargetMethod is { Name: "Create", IsStatic: true } method && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ServerEvent))
        {
            _ = BuilderActionSource(invocation, context.Facts, context.Report);
        }
    }

    /// <summary>CAPI002 on a [ConversionEvent] class that neither sets ActionSource nor maps a member to it.</summary>
    public static void CheckEventClass(INamedTypeSymbol type, KnownSymbols symbols, RuleContext context, System.Threading.CancellationToken cancellationToken)
    {
        AttributeData? attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.ConversionEventAttribute));
        if (attribute is null || attribute.NamedArguments.Any(n => n.Key == "ActionSource")
            || Generation.Events.EventClassParser.MembersWithInherited(type).Any(m => KnownSymbols.HasAttribute(m, symbols.ActionSourceAttribute)))
        {
            return;
        }

        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
        {
            context.Report(Diagnostic.Create(
                MissingOnEventClass,
                syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.AddToAttribute),
                type.Name));
        }
    }
}
