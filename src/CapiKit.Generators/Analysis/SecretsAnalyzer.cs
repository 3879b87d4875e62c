using System.Collections.Immutable;
using CapiKit.Generators.Analysis.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// CAPI012: a Meta access token or app secret written in source. Tokens are recognized by their shape (Meta's
/// user, page and system-user tokens start with "EAA" and run to well over a hundred characters); other secrets by a
/// machine-made value (32 hex digits, or a long mixed string without spaces) given to something named like a secret,
/// with the kind the name says. No fix: the only fix is to revoke the token.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretsAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CAPI012SecretInSource.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(static operation => CAPI012SecretInSource.CheckLiteral((ILiteralOperation)operation.Operation, operation.ReportDiagnostic), OperationKind.Literal);
    }
}
