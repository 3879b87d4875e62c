using System.Composition;
using CapiKit.Generators;
using CapiKit.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>CAPI008: a near-miss event name literal becomes the standard name, exactly spelled.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StandardEventNameCodeFixProvider)), Shared]
public sealed class StandardEventNameCodeFixProvider : ReplaceExpressionCodeFixProvider
{
    /// <inheritdoc/>
    protected override string DiagnosticId => DiagnosticIds.NearMissEventName;

    /// <inheritdoc/>
    protected override string? Title(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FixKinds.Value, out string? name) ? $"Use the standard event '{name}'" : null;

    /// <inheritdoc/>
    protected override ExpressionSyntax? Replacement(ExpressionSyntax expression, Diagnostic diagnostic) =>
        expression is LiteralExpressionSyntax
            ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(diagnostic.Properties[FixKinds.Value]!))
            : null;
}
