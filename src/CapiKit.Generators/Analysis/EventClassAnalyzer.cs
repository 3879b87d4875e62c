using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Generation;
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
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.WebsiteEventIncomplete, Descriptors.PurchaseIncomplete, Descriptors.NearMissEventName,
        Descriptors.InvalidOnlyCustomerInformation, Descriptors.AppDataMismatch);

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

        if (attribute.ConstructorArguments.FirstOrDefault().Value is string custom && facts.NearMissOf(custom) is string standard)
        {
            Location nameLocation = syntax.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? location;
            report(Diagnostic.Create(Descriptors.NearMissEventName, nameLocation,
                ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.UseStandardName).Add(FixKinds.Value, standard),
                $"'{custom}' is not the standard event '{standard}'; Meta will count it as a custom event"));
        }

        if (actionSource is "website")
        {
            string[] missing = facts.Requirements["website"].Where(r => !mapped.Contains($"{r.Object}.{r.Field}")).Select(r => r.Field).ToArray();
            if (missing.Length > 0)
            {
                report(Diagnostic.Create(Descriptors.WebsiteEventIncomplete, location,
                    $"'{type.Name}' is a website event but maps no {string.Join(" and no ", missing)}; Meta needs both to match the visitor and attribute the event"));
            }
        }

        bool hasAppData = mapped.Contains("server_event.app_data");
        if (actionSource is "app" && !hasAppData)
        {
            report(Diagnostic.Create(Descriptors.AppDataMismatch, location, $"'{type.Name}' is an app event but maps no [AppData] member; Meta requires app_data on app events"));
        }
        else if (actionSource is not null and not "app" && hasAppData)
        {
            report(Diagnostic.Create(Descriptors.AppDataMismatch, location, $"'{type.Name}' is a {actionSource} event with an [AppData] member; Meta rejects app_data on non-app events"));
        }

        if (eventName is not null && facts.RequiredCustomData.TryGetValue(eventName, out string[]? keys))
        {
            string[] missing = keys.Where(k => !mapped.Contains("custom_data." + k)).ToArray();
            if (missing.Length > 0)
            {
                report(Diagnostic.Create(Descriptors.PurchaseIncomplete, location,
                    $"'{type.Name}' is a {eventName} but maps no custom_data {string.Join(" and no ", missing)}; Meta rejects a {eventName} without them"));
            }
        }

        HashSet<string> customer = new(mapped.Where(f => f.StartsWith("user_data.", StringComparison.Ordinal)).Select(f => f.Substring("user_data.".Length)), StringComparer.Ordinal);
        if (customer.Count > 0 && facts.InvalidOnlyCombinations.FirstOrDefault(c => customer.IsSubsetOf(c)) is { } only)
        {
            report(Diagnostic.Create(Descriptors.InvalidOnlyCustomerInformation, location,
                $"'{type.Name}' maps only {{{string.Join(", ", customer.OrderBy(k => k, StringComparer.Ordinal))}}} of customer information, within {{{string.Join(", ", only)}}}, which Meta treats as invalid; map em, ph, external_id, fbp or the client IP too"));
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
