using System.Composition;
using CapiKit.Generators;
using CapiKit.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>
/// CAPI011: the literal test event code becomes <c>Environment.GetEnvironmentVariable("META_TEST_EVENT_CODE")</c>,
/// the name the README's setup uses, so production (where it is unset) sends no test code.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TestEventCodeCodeFixProvider)), Shared]
public sealed class TestEventCodeCodeFixProvider : ReplaceExpressionCodeFixProvider
{
    /// <summary>The environment variable the fix reads.</summary>
    public const string VariableName = "META_TEST_EVENT_CODE";

    /// <inheritdoc/>
    protected override string DiagnosticId => DiagnosticIds.TestEventCodeInCode;

    /// <inheritdoc/>
    protected override string[] RequiredUsings => new[] { "System" };

    /// <inheritdoc/>
    protected override string? Title(Diagnostic diagnostic) => $"Read it from the {VariableName} environment variable";

    /// <inheritdoc/>
    protected override ExpressionSyntax? Replacement(ExpressionSyntax expression, Diagnostic diagnostic) =>
        expression is LiteralExpressionSyntax ? SyntaxFactory.ParseExpression($"Environment.GetEnvironmentVariable(\"{VariableName}\")") : null;
}
