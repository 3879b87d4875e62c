using System.Composition;
using CapiKit.Generators;
using CapiKit.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>CAPI006: a currency literal one letter off (or lower-case, in a hand-built payload) becomes the ISO 4217 code it meant.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CurrencyCodeFixProvider)), Shared]
public sealed class CurrencyCodeFixProvider : ReplaceExpressionCodeFixProvider
{
    /// <inheritdoc/>
    protected override string DiagnosticId => DiagnosticIds.PurchaseIncomplete;

    /// <inheritdoc/>
    protected override string? Title(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FixKinds.Fix, out string? fix) && fix == FixKinds.UseCurrencyCode ? $"Use {diagnostic.Properties[FixKinds.Value]}" : null;

    /// <inheritdoc/>
    protected override ExpressionSyntax? Replacement(ExpressionSyntax expression, Diagnostic diagnostic) =>
        expression is LiteralExpressionSyntax
            ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(diagnostic.Properties[FixKinds.Value]!))
            : null;
}
