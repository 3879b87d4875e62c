using System;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Generation;
using CapiKit.Generators.Analysis.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// CAPI001 to CAPI004 in code that uses CapiKit's API: pre-hashed entry points fed raw values, [ConversionEvent]
/// classes without an action source, and event times given to the builders or to [EventTime] members.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConversionEventUsageAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] PersonalWords =
    {
        "email", "mail", "phone", "mobile", "firstname", "lastname", "surname", "birth", "dob", "gender", "city", "zip", "postal", "postcode", "country", "state",
    };

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

            start.RegisterOperationAction(operation => AnalyzeInvocation((IInvocationOperation)operation.Operation, symbols, facts, operation.ReportDiagnostic), OperationKind.Invocation);
            start.RegisterOperationAction(operation => AnalyzeEventTimeWrite(operation.Operation, symbols, facts, operation.ReportDiagnostic), OperationKind.SimpleAssignment, OperationKind.PropertyInitializer);
            start.RegisterSymbolAction(symbol => AnalyzeEventClass((INamedTypeSymbol)symbol.Symbol, symbols, symbol.ReportDiagnostic, symbol.CancellationToken), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeInvocation(IInvocationOperation invocation, KnownSymbols symbols, PayloadFacts facts, Action<Diagnostic> report)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.UserData))
        {
            CheckPreHashedEntry(invocation, symbols, facts, report);
            return;
        }

        if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ServerEvent) || !method.IsStatic)
        {
            return;
        }

        string? actionSource = method.Name.StartsWith("For", StringComparison.Ordinal)
            ? facts.ActionSources.FirstOrDefault(value => "For" + Naming.Pascal(value) == method.Name)
            : method.Name == "Create" ? ConstantActionSource(invocation, facts, report) : null;
        if (invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "eventTime") is { } time
            && EventTimeRule.Check(EventTimeEvaluator.Evaluate(time.Value), time.Value.Syntax.GetLocation(), facts, actionSource, EventTimeRule.UseNow) is { } diagnostic)
        {
            report(diagnostic);
        }
    }

    /// <summary>The action source of <c>ServerEvent.Create</c> when it is a constant; reports <c>default</c>, which is none.</summary>
    private static string? ConstantActionSource(IInvocationOperation invocation, PayloadFacts facts, Action<Diagnostic> report)
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

        report(Diagnostic.Create(CAPI002MissingActionSource.NotAnActionSource, argument.Syntax.GetLocation()));
        return null;
    }

    /// <summary><c>AddEmailHash(Sha256Hash.Parse(email))</c>: a raw value through the door meant for finished hashes.</summary>
    private static void CheckPreHashedEntry(IInvocationOperation invocation, KnownSymbols symbols, PayloadFacts facts, Action<Diagnostic> report)
    {
        string name = invocation.TargetMethod.Name;
        if (!name.EndsWith("Hash", StringComparison.Ordinal) || name.Length < 8 || invocation.Arguments.Length != 1)
        {
            return;
        }

        string label = name.Substring(3, name.Length - 7);
        if (!facts.HashedLabels.TryGetValue(label, out string? key)
            || HashedValueRecognizer.Unwrap(invocation.Arguments[0].Value) is not IInvocationOperation { TargetMethod: { Name: "Parse" or "Compute" } hashMethod } hashCall
            || !SymbolEqualityComparer.Default.Equals(hashMethod.ContainingType, symbols.Sha256Hash)
            || hashCall.Arguments.Length != 1)
        {
            return;
        }

        IOperation source = HashedValueRecognizer.Unwrap(hashCall.Arguments[0].Value);
        string? problem = source.ConstantValue is { HasValue: true, Value: string text }
            ? HashedValueRecognizer.IsHexDigest(text) ? null : "the literal is not 64 hexadecimal digits"
            : LooksRaw(source) is string member ? $"'{member}' holds the raw value" : null;
        if (problem is null || (hashMethod.Name == "Compute" && source.ConstantValue.HasValue))
        {
            return;
        }

        string verb = hashMethod.Name == "Compute" ? "hashes it without Meta's normalization" : "is meant for finished SHA-256 hashes";
        report(Diagnostic.Create(
            CAPI001UnhashedPii.RawValueThroughHashEntry,
            invocation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.UseRawValueMethod).Add(FixKinds.Key, key).Add(FixKinds.Method, name.Substring(0, 3) + label),
            name, verb, problem, name.Substring(0, 3) + label, key));
    }

    /// <summary>The name of a member, parameter or local that reads like raw personal data, or null.</summary>
    private static string? LooksRaw(IOperation operation)
    {
        string? name = operation switch
        {
            IMemberReferenceOperation member => member.Member.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            ILocalReferenceOperation local => local.Local.Name,
            _ => null,
        };
        if (name is null || HashedValueRecognizer.NamedLikeHash(name))
        {
            return null;
        }

        string lower = name.ToLowerInvariant().Replace("_", "");
        if (operation is IMemberReferenceOperation { Member: var memberSymbol }
            && memberSymbol.GetAttributes().Any(a => a.AttributeClass?.Name == "UserDataAttribute"))
        {
            return name;
        }

        return PersonalWords.Any(word => lower.Contains(word)) ? name : null;
    }

    /// <summary>Assignments and initializers of [EventTime] members of [ConversionEvent] classes.</summary>
    private static void AnalyzeEventTimeWrite(IOperation operation, KnownSymbols symbols, PayloadFacts facts, Action<Diagnostic> report)
    {
        (ISymbol? member, IOperation? value) = ValueInspection.MemberWrite(operation);
        if (member is null || value is null || !HasAttribute(member, symbols.EventTimeAttribute))
        {
            return;
        }

        string? actionSource = EventClassActionSource(member.ContainingType, symbols, facts);
        if (EventTimeRule.Check(EventTimeEvaluator.Evaluate(value), value.Syntax.GetLocation(), facts, actionSource, EventTimeRule.UseNow) is { } diagnostic)
        {
            report(diagnostic);
        }
    }

    private static string? EventClassActionSource(INamedTypeSymbol? type, KnownSymbols symbols, PayloadFacts facts) =>
        facts.ActionSourceOf(type?.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.ConversionEventAttribute)));

    /// <summary>CAPI002 on a [ConversionEvent] class that neither sets ActionSource nor maps a member to it.</summary>
    private static void AnalyzeEventClass(INamedTypeSymbol type, KnownSymbols symbols, Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        AttributeData? attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.ConversionEventAttribute));
        if (attribute is null || attribute.NamedArguments.Any(n => n.Key == "ActionSource")
            || Generation.Events.EventClassParser.MembersWithInherited(type).Any(m => HasAttribute(m, symbols.ActionSourceAttribute)))
        {
            return;
        }

        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
        {
            report(Diagnostic.Create(
                CAPI002MissingActionSource.MissingOnEventClass,
                syntax.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.AddToAttribute),
                type.Name));
        }
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
        attribute is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}
