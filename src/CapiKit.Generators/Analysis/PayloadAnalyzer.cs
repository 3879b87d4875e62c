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
            ProjectConventions conventions = new(start.Compilation, facts.Schema.Objects.SelectMany(o => o.Fields).Concat(facts.Schema.RequestFields).Select(f => f.Name));
            start.RegisterOperationBlockStartAction(block =>
            {
                PayloadGraph graph = new(symbols, conventions, block.CancellationToken);
                block.RegisterOperationAction(
                    operation => graph.Collect(operation.Operation),
                    OperationKind.ObjectCreation,
                    OperationKind.AnonymousObjectCreation,
                    OperationKind.SimpleAssignment,
                    OperationKind.Invocation,
                    OperationKind.VariableDeclarator,
                    OperationKind.InterpolatedString,
                    OperationKind.Binary);
                block.RegisterOperationAction(
                    operation =>
                    {
                        graph.Collect(operation.Operation);
                        JsonLiteralChecks.Check((ILiteralOperation)operation.Operation, facts, operation.ReportDiagnostic);
                    },
                    OperationKind.Literal);
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
        RuleContext context = new(facts, report, graph.Conventions is { } conventions ? conventions.FirstAt : null);
        foreach (PayloadContainer container in graph.Containers)
        {
            OperationPayload payload = new(container, graph, recognizer);
            if (container.ValuesOnly)
            {
                // Keys of JSON text, or elements of a DTO's lists: only the rules about one value run, on user_data's.
                if (container.ParentKeys.Contains("user_data") || IsUserDataDto(container, facts, graph))
                {
                    PayloadRules.CheckUserDataValues(payload, context);
                }

                continue;
            }

            if (container.ParentKeys.Contains("user_data") || IsUserDataDto(container, facts, graph))
            {
                PayloadRules.CheckUserData(payload, context);
            }

            if (container.ParentKeys.Contains("custom_data"))
            {
                PayloadRules.CheckCustomData(payload, context);
            }

            if (IsEvent(container, payload))
            {
                PayloadRules.CheckEvent(payload, context);
            }

            if (container.Find("data") is not null || container.Find("test_event_code") is not null)
            {
                PayloadRules.CheckRequest(payload, context);
            }
        }
    }

    /// <summary>
    /// An event is recognised by what it is: an object with <c>user_data</c>, or one that names its event and action
    /// source and is an item of a request's <c>data</c>, or whose type has a <c>user_data</c> to fill, or that sends
    /// an <c>event_time</c> too. A look-alike with only one of those keys (a Stripe meter event's <c>event_name</c>,
    /// an analytics dictionary's <c>action_source</c>) is not one.
    /// </summary>
    private static bool IsEvent(PayloadContainer container, OperationPayload payload)
    {
        bool named = payload.Find("event_name") is not null;
        bool sourced = payload.Find("action_source") is not null;
        if (container.Find("user_data") is not null)
        {
            // `user_data` alone is a common key (a game server's user list); with any event key or inside a request's
            // data, or in an anonymous object or a DTO beside nothing else, it is an event's.
            return named || sourced || payload.Find("event_time") is not null || container.ParentKeys.Contains("data")
                || container.ParentKeys.Count == 0 && container.Entries.Count <= 1;
        }

        return named && sourced && (container.ParentKeys.Contains("data") || payload.Declares("user_data") || payload.Find("event_time") is not null);
    }

    /// <summary>A DTO created outside any payload the method builds: a user_data type if it names two user_data keys.</summary>
    /// <remarks>
    /// Two user_data names alone are a look-alike's too (a booking contact's <c>em</c> and <c>ph</c>): the type must also
    /// be sent as <c>user_data</c> somewhere in the project, or name a key only Meta's user_data has raw
    /// (<c>client_user_agent</c>, <c>fbp</c>), or name three user_data keys.
    /// </remarks>
    private static bool IsUserDataDto(PayloadContainer container, PayloadFacts facts, PayloadGraph graph)
    {
        if ((container.ParentKeys.Count != 0 && !container.ValuesOnly) || container.Style != ContainerStyle.Other || container.CreatedType is not { } type)
        {
            return false;
        }

        string[] keys = container.JsonNames.Values.Where(facts.IsUserDataKey).ToArray();
        return keys.Length >= 2
            && (keys.Length >= 3 || keys.Any(facts.RawKeys.Contains) || graph.Conventions?.IsSentAsUserData(type, graph.CancellationToken) != false);
    }
}
