using System.Composition;
using CapiKit.Generators;
using CapiKit.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>CAPI007: removes the call that rewrites a raw value: <c>fbclid.ToLower()</c> becomes <c>fbclid</c>, <c>Hash(ip)</c> becomes <c>ip</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RawKeyModifiedCodeFixProvider)), Shared]
public sealed class RawKeyModifiedCodeFixProvider : ReplaceExpressionCodeFixProvider
{
    /// <inheritdoc/>
    protected override string DiagnosticId => DiagnosticIds.RawKeyModified;

    /// <inheritdoc/>
    protected override string? Title(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FixKinds.Fix, out string? fix) && fix == FixKinds.RemoveCall ? "Send the value as received" : null;

    /// <inheritdoc/>
    protected override ExpressionSyntax? Replacement(ExpressionSyntax expression, Diagnostic diagnostic) => expression switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments.Count: 0 } => access.Expression,
        InvocationExpressionSyntax { ArgumentList.Arguments: [var argument] } => argument.Expression,
        _ => null,
    };
}
