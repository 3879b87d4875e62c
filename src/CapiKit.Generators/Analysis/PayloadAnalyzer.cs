using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using CapiKit.Generators.Analysis.Payloads;
using CapiKit.Generators.Analysis.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// CAPI001 to CAPI004 in payloads built by hand, without CapiKit's builders: anonymous objects, string-keyed
/// dictionaries, JsonObject, DTOs whose properties carry JSON names, and JSON written in string literals. Most .NET
/// teams send events this way today; the package finds their mistakes too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PayloadAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleDescriptor.Union(
        CAPI001UnhashedPii.All, CAPI002MissingActionSource.All, CAPI003EventTimeOutsideWindow.All, CAPI004EventTimeNotSeconds.All,
        CAPI005ActionSourceRequirementMissing.All, CAPI006PurchaseIncomplete.All, CAPI007RawKeyModified.All, CAPI008NearMissEventName.All,
        CAPI009ConstantEventId.All, CAPI010TooManyEvents.All, CAPI011TestEventCodeInCode.All, CAPI013InvalidOnlyCustomerInformation.All,
        CAPI014AppDataMismatch.All, CAPI016HashedWithoutNormalization.All);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (PayloadFacts.Instance is not { } facts)
            {
                return;
            }

            KnownSymbols symbols = new(start.Compilation);
            MethodSummaries summaries = new(start.Compilation);
            start.RegisterOperationBlockStartAction(block =>
            {
                PayloadGraph graph = new(symbols);
                block.RegisterOperationAction(
                    operation => graph.Collect(operation.Operation),
                    OperationKind.ObjectCreation,
                    OperationKind.AnonymousObjectCreation,
                    OperationKind.SimpleAssignment,
                    OperationKind.Invocation,
                    OperationKind.VariableDeclarator);
                block.RegisterOperationAction(operation => JsonLiteralChecks.Check((ILiteralOperation)operation.Operation, facts, operation.ReportDiagnostic), OperationKind.Literal);
                block.RegisterOperationBlockEndAction(end =>
                {
                    graph.Build();
                    Report(graph, new HashedValueRecognizer(graph.LocalValues, summaries, end.CancellationToken), facts, end.ReportDiagnostic);
                });
            });
        });
    }

    /// <summary>
    /// Decides what each object of the method is (an event, a user_data or custom_data object, a request) and hands
    /// it to the rules; what is wrong with it is the rules' business (Analysis/Rules).
    /// </summary>
    private static void Report(PayloadGraph graph, HashedValueRecognizer recognizer, PayloadFacts facts, System.Action<Diagnostic> report)
    {
        RuleContext context = new(facts, report);
        foreach (PayloadContainer container in graph.Containers)
        {
            OperationPayload payload = new(container, graph, recognizer);
            if (container.ParentKeys.Contains("user_data") || IsUserDataDto(container, facts))
            {
                PayloadRules.CheckUserData(payload, context);
            }

            if (container.ParentKeys.Contains("custom_data"))
            {
                PayloadRules.CheckCustomData(payload, context);
            }

            if (container.Find("user_data") is not null)
            {
                PayloadRules.CheckEvent(payload, context);
            }

            if (container.Find("data") is not null || container.Find("test_event_code") is not null)
            {
                PayloadRules.CheckRequest(payload, context);
            }
        }
    }

    /// <summary>A DTO created outside any payload the method builds: a user_data type if it names two user_data keys.</summary>
    private static bool IsUserDataDto(PayloadContainer container, PayloadFacts facts) =>
        container.ParentKeys.Count == 0 && container.Style == ContainerStyle.Other
        && container.CreatedType is not null
        && container.JsonNames.Values.Count(facts.IsUserDataKey) >= 2;
}
