using System.Collections.Immutable;
using CapiKit.Generators.Analysis.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// Calls into CapiKit's builders, and writes to members CapiKit maps, that Meta would reject or silently degrade.
/// The checks are the rules' own (Analysis/Rules, each rule's <c>CheckBuilderCall</c> and <c>CheckMemberWrite</c>);
/// this analyzer only hands them the operations.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BuilderUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleDescriptor.Union(
        CAPI006PurchaseIncomplete.All, CAPI007RawKeyModified.All, CAPI008NearMissEventName.All, CAPI009ConstantEventId.All,
        CAPI010TooManyEvents.All, CAPI011TestEventCodeInCode.All, CAPI014AppDataMismatch.All);

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
                    CAPI006PurchaseIncomplete.CheckBuilderCall(invocation, symbols, rules);
                    CAPI007RawKeyModified.CheckBuilderCall(invocation, symbols, rules);
                    CAPI008NearMissEventName.CheckBuilderCall(invocation, symbols, rules);
                    CAPI009ConstantEventId.CheckBuilderCall(invocation, symbols, rules);
                    CAPI010TooManyEvents.CheckBuilderCall(invocation, symbols, rules);
                    CAPI011TestEventCodeInCode.CheckBuilderCall(invocation, symbols, rules);
                    CAPI014AppDataMismatch.CheckBuilderCall(invocation, symbols, rules);
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(
                operation => CAPI010TooManyEvents.CheckRequestCreation((IObjectCreationOperation)operation.Operation, symbols, new RuleContext(facts, operation.ReportDiagnostic)),
                OperationKind.ObjectCreation);
            start.RegisterOperationAction(
                operation =>
                {
                    (ISymbol? member, IOperation? value) = ValueInspection.MemberWrite(operation.Operation);
                    if (member is null || value is null)
                    {
                        return;
                    }

                    RuleContext rules = new(facts, operation.ReportDiagnostic);
                    CAPI006PurchaseIncomplete.CheckMemberWrite(member, value, rules);
                    CAPI009ConstantEventId.CheckMemberWrite(member, value, rules);
                    CAPI011TestEventCodeInCode.CheckMemberWrite(member, value, rules);
                },
                OperationKind.SimpleAssignment,
                OperationKind.PropertyInitializer);
        });
    }
}
