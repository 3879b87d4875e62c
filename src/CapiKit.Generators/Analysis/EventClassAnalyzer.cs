using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Generation;
using CapiKit.Generators.Analysis.Payloads;
using CapiKit.Generators.Analysis.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// What a <c>[ConversionEvent]</c> class maps, against what its event and action source require: CAPI005 (website
/// without URL or user agent), CAPI006 (Purchase without value or currency), CAPI008 (a near-miss custom name),
/// CAPI013 (only an invalid-only combination of customer information), CAPI014 (app_data and the action source).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventClassAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleDescriptor.Union(
        CAPI005ActionSourceRequirementMissing.All, CAPI006PurchaseIncomplete.All, CAPI008NearMissEventName.All,
        CAPI013InvalidOnlyCustomerInformation.All, CAPI014AppDataMismatch.All);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            KnownSymbols symbols = new(start.Compilation);
            if (symbols.ConversionEventAttribute is null || PayloadFacts.Instance is not { } facts)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => Analyze((INamedTypeSymbol)symbol.Symbol, symbols, facts, symbol.ReportDiagnostic, symbol.CancellationToken), SymbolKind.NamedType);
        });
    }

    private static void Analyze(INamedTypeSymbol type, KnownSymbols symbols, PayloadFacts facts, Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        AttributeData? attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.ConversionEventAttribute));
        if (attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return;
        }

        Location location = syntax.GetLocation();
        string? custom = attribute.ConstructorArguments.FirstOrDefault().Value as string;
        EventClassPayload payload = new(
            type.Name,
            location,
            syntax.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? location,
            custom,
            EventName(attribute, facts),
            facts.ActionSourceOf(attribute),
            MappedFields(type, facts));
        RuleContext context = new(facts, report);
        CAPI005ActionSourceRequirementMissing.CheckEventClass(payload, context);
        CAPI006PurchaseIncomplete.CheckEventClass(payload, context);
        CAPI008NearMissEventName.CheckEventClass(payload, context);
        CAPI013InvalidOnlyCustomerInformation.CheckEventClass(payload, context);
        CAPI014AppDataMismatch.CheckEventClass(payload, context);
    }

    private static string? EventName(AttributeData attribute, PayloadFacts facts) =>
        Generation.Events.EventClassParser.ReadEventName(attribute, facts.Schema) is { Length: > 0 } name ? name : null;

    /// <summary>The payload fields the class's members map, as <c>object.key</c>, read as the generator reads them.</summary>
    private static HashSet<string> MappedFields(INamedTypeSymbol type, PayloadFacts facts)
    {
        HashSet<string> fields = new(StringComparer.Ordinal);
        foreach (ISymbol member in Generation.Events.EventClassParser.MembersWithInherited(type))
        {
            foreach (AttributeData attribute in member.GetAttributes())
            {
                if (Generation.Events.EventClassParser.ReadTarget(attribute, facts.Schema) is (string target, string key))
                {
                    fields.Add($"{target}.{key}");
                }
            }
        }

        return fields;
    }
}
