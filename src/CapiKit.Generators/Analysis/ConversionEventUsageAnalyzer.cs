using System.Collections.Immutable;
using CapiKit.Generators.Analysis.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// Code that uses CapiKit's API: pre-hashed entry points fed raw values (CAPI001), action sources that are none
/// (CAPI002), and event times given to the builders or to <c>[EventTime]</c> members (CAPI003, CAPI004). The checks
/// are the rules' own (Analysis/Rules); this analyzer hands them the operations and symbols.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConversionEventUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleDescriptor.Union(
        CAPI001UnhashedPii.All, CAPI002MissingActionSource.All, CAPI003EventTimeOutsideWindow.All, CAPI004EventTimeNotSeconds.All);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            KnownSymbols symbols = new(start.Compilation);
            if (!symbols.HasCapiKit || PayloadFacts.Instance is not { } facts)
            {
                return;
            }

            start.RegisterOperationAction(
                operation =>
                {
                    IInvocationOperation invocation = (IInvocationOperation)operation.Operation;
                    RuleContext rules = new(facts, operation.ReportDiagnostic);
                    CAPI001UnhashedPii.CheckBuilderCall(invocation, symbols, rules);
                    CAPI002MissingActionSource.CheckBuilderCall(invocation, symbols, rules);
                    CAPI003EventTimeOutsideWindow.CheckBuilderCall(invocation, symbols, rules);
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(
                operation => CAPI003EventTimeOutsideWindow.CheckMemberWrite(operation.Operation, symbols, new RuleContext(facts, operation.ReportDiagnostic)),
                OperationKind.SimpleAssignment,
                OperationKind.PropertyInitializer);
            start.RegisterSymbolAction(
                symbol => CAPI002MissingActionSource.CheckEventClass((INamedTypeSymbol)symbol.Symbol, symbols, new RuleContext(facts, symbol.ReportDiagnostic), symbol.CancellationToken),
                SymbolKind.NamedType);
        });
    }
}
