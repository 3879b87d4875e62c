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
        CAPI014AppDataMismatch.All);

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
                    Report(graph, symbols, facts, end.ReportDiagnostic);
                });
            });
        });
    }

    private static void Report(PayloadGraph graph, KnownSymbols symbols, PayloadFacts facts, System.Action<Diagnostic> report)
    {
        HashedValueRecognizer recognizer = new(graph.LocalValues);
        foreach (PayloadContainer container in graph.Containers)
        {
            if (container.ParentKeys.Contains("user_data") || IsUserDataDto(container, facts))
            {
                CheckUserData(container, recognizer, facts, report);
            }

            if (container.ParentKeys.Contains("custom_data"))
            {
                foreach (PayloadEntry entry in container.Entries.Where(e => facts.IsPersonalName(e.Key)))
                {
                    report(Diagnostic.Create(CAPI001UnhashedPii.PersonalDataInCustomData, entry.Value.Syntax.GetLocation(), entry.Key));
                }
            }

            if (container.Find("user_data") is not null)
            {
                CheckEvent(container, facts, report);
                PayloadEventChecks.CheckEvent(container, graph, facts, report);
            }

            if (container.Find("data") is not null || container.Find("test_event_code") is not null)
            {
                PayloadEventChecks.CheckRequest(container, facts, report);
            }
        }
    }

    /// <summary>A DTO created outside any payload the method builds: a user_data type if it names two user_data keys.</summary>
    private static bool IsUserDataDto(PayloadContainer container, PayloadFacts facts) =>
        container.ParentKeys.Count == 0 && container.Style == ContainerStyle.Other
        && container.CreatedType is not null
        && container.JsonNames.Values.Count(facts.IsUserDataKey) >= 2;

    private static void CheckUserData(PayloadContainer container, HashedValueRecognizer recognizer, PayloadFacts facts, System.Action<Diagnostic> report)
    {
        foreach (PayloadEntry entry in container.Entries.Where(e => facts.RequiredHashedKeys.Contains(e.Key)))
        {
            foreach (IOperation value in Values(entry.Value))
            {
                // Personal data is text; a number or a flag under "ph" is something else (a pH reading, say).
                if (value.Type is { IsValueType: true })
                {
                    continue;
                }

                if (recognizer.Classify(value) == HashedValueRecognizer.Verdict.Raw)
                {
                    report(Diagnostic.Create(
                        CAPI001UnhashedPii.RawValue,
                        value.Syntax.GetLocation(),
                        ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.WrapInNormalizeAndHash).Add(FixKinds.Key, entry.Key),
                        entry.Key));
                }
            }
        }
    }

    private static IEnumerable<IOperation> Values(IOperation value)
    {
        IOperation unwrapped = HashedValueRecognizer.Unwrap(value);
        return unwrapped switch
        {
            IArrayCreationOperation array => array.Initializer?.ElementValues ?? Enumerable.Empty<IOperation>(),
            IObjectCreationOperation { Initializer: { } initializer } when initializer.Initializers.All(i => i is IInvocationOperation { Arguments.Length: 1 }) && initializer.Initializers.Length > 0 =>
                initializer.Initializers.Cast<IInvocationOperation>().Select(i => i.Arguments[0].Value),
            _ when unwrapped.Kind.ToString() == "CollectionExpression" => unwrapped.ChildOperations,
            _ => new[] { value },
        };
    }

    private static void CheckEvent(PayloadContainer container, PayloadFacts facts, System.Action<Diagnostic> report)
    {
        PayloadEntry? actionSource = container.Find("action_source");
        if (actionSource is null && !container.DeclaresJsonName("action_source"))
        {
            string? fix = container.Style switch
            {
                ContainerStyle.Anonymous => FixKinds.AddToAnonymousObject,
                ContainerStyle.IndexerInitializer => FixKinds.AddIndexerEntry,
                ContainerStyle.CollectionInitializer => FixKinds.AddCollectionEntry,
                _ => null,
            };
            ImmutableDictionary<string, string?> properties = fix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, fix);
            report(Diagnostic.Create(CAPI002MissingActionSource.MissingInPayload, container.Location, properties));
        }

        if (container.Find("event_time") is { } time)
        {
            string? source = actionSource?.Value.ConstantValue.Value as string;
            Diagnostic? diagnostic = EventTimeRule.Check(EventTimeEvaluator.Evaluate(time.Value), time.Value.Syntax.GetLocation(), facts, source, EventTimeRule.UseNow);
            if (diagnostic is not null)
            {
                report(diagnostic);
            }
        }
    }
}
