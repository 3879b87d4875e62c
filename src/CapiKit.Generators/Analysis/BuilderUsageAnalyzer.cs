using System;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// Calls into CapiKit's builders that Meta would reject or silently degrade: a currency that is not ISO 4217
/// (CAPI006), a raw identifier rewritten (CAPI007), a near-miss event name (CAPI008), a constant event id (CAPI009),
/// more than 1,000 events (CAPI010), a literal test event code (CAPI011), app_data on a non-app event (CAPI014).
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

            INamedTypeSymbol? eventDefinition = start.Compilation.GetTypeByMetadataName("CapiKit.EventDefinition");
            INamedTypeSymbol? customData = start.Compilation.GetTypeByMetadataName("CapiKit.CustomData");
            INamedTypeSymbol? request = start.Compilation.GetTypeByMetadataName("CapiKit.EventRequest");
            start.RegisterOperationAction(
                operation => AnalyzeInvocation((IInvocationOperation)operation.Operation, symbols, eventDefinition, customData, request, facts, operation.ReportDiagnostic),
                OperationKind.Invocation);
            start.RegisterOperationAction(
                operation => AnalyzeCreation((IObjectCreationOperation)operation.Operation, request, facts, operation.ReportDiagnostic),
                OperationKind.ObjectCreation);
            start.RegisterOperationAction(
                operation => AnalyzeMemberWrite(operation.Operation, facts, operation.ReportDiagnostic),
                OperationKind.SimpleAssignment,
                OperationKind.PropertyInitializer);
        });
    }

    private static void AnalyzeInvocation(
        IInvocationOperation invocation, KnownSymbols symbols, INamedTypeSymbol? eventDefinition, INamedTypeSymbol? customData, INamedTypeSymbol? request, PayloadFacts facts, Action<Diagnostic> report)
    {
        IMethodSymbol method = invocation.TargetMethod;
        INamedTypeSymbol? owner = method.ContainingType;
        IOperation? Argument(string name) => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == name)?.Value;

        if (SymbolEqualityComparer.Default.Equals(owner, eventDefinition) || (SymbolEqualityComparer.Default.Equals(owner, customData) && method.Name == "SetCurrency"))
        {
            IOperation? currency = Argument("currency") ?? (method.Name == "SetCurrency" ? Argument("value") : null);
            if (ValueInspection.ConstantString(currency) is string code && !Iso4217.IsCode(code))
            {
                CAPI006PurchaseIncomplete.ReportCurrency(currency!.Syntax.GetLocation(), code, withFix: true, report);
            }
        }

        if ((SymbolEqualityComparer.Default.Equals(owner, eventDefinition) && method.Name == "Custom")
            || (SymbolEqualityComparer.Default.Equals(owner, symbols.ServerEvent) && method.Name == "Create"))
        {
            IOperation? name = Argument("name") ?? Argument("eventName");
            if (ValueInspection.ConstantString(name) is string text)
            {
                CAPI008NearMissEventName.Check(text, name!.Syntax.GetLocation(), withFix: true, new RuleContext(facts, report));
            }
        }

        if (SymbolEqualityComparer.Default.Equals(owner, symbols.UserData) && method.Name.StartsWith("Set", StringComparison.Ordinal)
            && facts.RawLabels.TryGetValue(method.Name.Substring(3), out string? key) && invocation.Arguments.Length == 1
            && ValueInspection.Modification(invocation.Arguments[0].Value) is { } modification)
        {
            CAPI007RawKeyModified.ReportModified(key, modification, report);
        }

        if (SymbolEqualityComparer.Default.Equals(owner, symbols.ServerEvent) && !method.IsStatic)
        {
            if (method.Name == "SetEventId" && ValueInspection.IsNonEmptyConstant(Argument("value")))
            {
                ReportConstantEventId(Argument("value")!, report);
            }

            if (method.Name == "SetAppData" && invocation.Instance is IInvocationOperation { TargetMethod.IsStatic: true } factory
                && SymbolEqualityComparer.Default.Equals(factory.TargetMethod.ContainingType, symbols.ServerEvent)
                && factory.TargetMethod.Name.StartsWith("For", StringComparison.Ordinal) && factory.TargetMethod.Name != "ForApp")
            {
                report(Diagnostic.Create(CAPI014AppDataMismatch.Forbidden, invocation.Syntax.GetLocation(), "app_data", facts.ActionSourceOfMember(factory.TargetMethod.Name.Substring(3))));
            }
        }

        if (SymbolEqualityComparer.Default.Equals(owner, request))
        {
            if (method.Name == "SetData" && Argument("items") is { } items)
            {
                CheckCount(items, facts, report);
            }

            if (method.Name == "SetTestEventCode" && ValueInspection.IsNonEmptyConstant(Argument("value")))
            {
                ReportTestEventCode(Argument("value")!, report);
            }
        }
    }

    private static void AnalyzeCreation(IObjectCreationOperation creation, INamedTypeSymbol? request, PayloadFacts facts, Action<Diagnostic> report)
    {
        if (SymbolEqualityComparer.Default.Equals(creation.Type, request) && creation.Arguments.Length == 1)
        {
            CheckCount(creation.Arguments[0].Value, facts, report);
        }
    }

    /// <summary>Constant <c>[EventId]</c> members, currency members and <c>TestEventCode</c> settings.</summary>
    private static void AnalyzeMemberWrite(IOperation operation, PayloadFacts facts, Action<Diagnostic> report)
    {
        (ISymbol? member, IOperation? value) = ValueInspection.MemberWrite(operation);
        if (member is null || !ValueInspection.IsNonEmptyConstant(value))
        {
            return;
        }

        if (member.GetAttributes().Any(a => a.AttributeClass?.Name == "EventIdAttribute" && a.AttributeClass.ContainingNamespace?.ToDisplayString() == "CapiKit"))
        {
            ReportConstantEventId(value!, report);
        }
        else if (IsCurrencyMember(member, facts) && ValueInspection.ConstantString(value) is string code && !Iso4217.IsCode(code))
        {
            CAPI006PurchaseIncomplete.ReportCurrency(value!.Syntax.GetLocation(), code, withFix: true, report);
        }
        else if (member.Name is "TestEventCode" or "testEventCode")
        {
            ReportTestEventCode(value!, report);
        }
    }

    /// <summary>A member mapped with <c>[CustomData(CustomDataField.Currency)]</c>.</summary>
    private static bool IsCurrencyMember(ISymbol member, PayloadFacts facts)
    {
        string[] keys = facts.Schema.Object("custom_data").Fields.Select(f => f.Name).ToArray();
        return member.GetAttributes().Any(a => a.AttributeClass?.Name == "CustomDataAttribute"
            && a.ConstructorArguments.FirstOrDefault().Value is int value
            && Generation.SchemaEnums.Index(value, keys.Length) is int index
            && keys[index] == "currency");
    }

    private static void CheckCount(IOperation events, PayloadFacts facts, Action<Diagnostic> report)
    {
        if (ValueInspection.Count(events) is int count)
        {
            CAPI010TooManyEvents.Check(count, events.Syntax.GetLocation(), new RuleContext(facts, report));
        }
    }

    private static void ReportConstantEventId(IOperation value, Action<Diagnostic> report) =>
        CAPI009ConstantEventId.Report(value.Syntax.GetLocation(), report);

    private static void ReportTestEventCode(IOperation value, Action<Diagnostic> report) =>
        CAPI011TestEventCodeInCode.Report(value.Syntax.GetLocation(), report);
}
