using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Generation;
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
        string? eventName = EventName(attribute, facts);
        string? actionSource = facts.ActionSourceOf(attribute);
        HashSet<string> mapped = MappedFields(type, facts);

        if (attribute.ConstructorArguments.FirstOrDefault().Value is string custom)
        {
            Location nameLocation = syntax.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? location;
            CAPI008NearMissEventName.Check(custom, nameLocation, withFix: true, new RuleContext(facts, report));
        }

        // What the action source requires and forbids, from the schema: fields inside required objects (app_data's
        // own) are the mapped object's business, so only the event's and user_data's fields are counted here.
        if (actionSource is not null && facts.Requirements.TryGetValue(actionSource, out var required))
        {
            string[] missing = required.Where(r => r.Object is "server_event" or "user_data" && !mapped.Contains($"{r.Object}.{r.Field}")).Select(r => r.Field).ToArray();
            if (missing.Length > 0 && facts.EventClassMissingFieldsMessage(actionSource) is { } message)
            {
                report(Diagnostic.Create(message, location, type.Name, actionSource, string.Join(" and no ", missing)));
            }
        }

        if (actionSource is not null && facts.Forbidden.TryGetValue(actionSource, out var forbidden) && facts.EventClassForbiddenMessage(actionSource) is { } forbiddenMessage)
        {
            foreach ((string objectName, string field) in forbidden.Where(f => mapped.Contains($"{f.Object}.{f.Field}")))
            {
                report(Diagnostic.Create(forbiddenMessage, location, type.Name, actionSource, field));
            }
        }

        if (eventName is not null && facts.RequiredCustomData.TryGetValue(eventName, out string[]? keys))
        {
            string[] missing = keys.Where(k => !mapped.Contains("custom_data." + k)).ToArray();
            if (missing.Length > 0)
            {
                report(Diagnostic.Create(CAPI006PurchaseIncomplete.EventClassMapsNoCustomData, location, type.Name, eventName, string.Join(" and no ", missing)));
            }
        }

        HashSet<string> customer = new(mapped.Where(f => f.StartsWith("user_data.", StringComparison.Ordinal)).Select(f => f.Substring("user_data.".Length)), StringComparer.Ordinal);
        if (customer.Count > 0 && facts.InvalidOnlyCombinations.FirstOrDefault(c => customer.IsSubsetOf(c)) is { } only)
        {
            report(Diagnostic.Create(CAPI013InvalidOnlyCustomerInformation.EventClassMapsOnlyInvalidCombination, location,
                type.Name, "{" + string.Join(", ", customer.OrderBy(k => k, StringComparer.Ordinal)) + "}", "{" + string.Join(", ", only) + "}"));
        }
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
