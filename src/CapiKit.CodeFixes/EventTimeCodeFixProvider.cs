using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CapiKit.Generators;
using CapiKit.Generators.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>
/// CAPI003: replaces an out-of-window event time with the current time, in the expression's own type
/// (<c>DateTimeOffset.UtcNow</c>, <c>DateTime.UtcNow</c> or <c>DateTimeOffset.UtcNow.ToUnixTimeSeconds()</c>).
/// CAPI004: <c>ToUnixTimeMilliseconds()</c> to <c>ToUnixTimeSeconds()</c>, <c>DateTime.Now</c> to <c>DateTime.UtcNow</c>,
/// and a millisecond literal to the current time (any constant goes stale).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EventTimeCodeFixProvider)), Shared]
public sealed class EventTimeCodeFixProvider : CodeFixProvider
{
    private const string UseNowTitle = "Use the current time";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.EventTimeOutsideWindow, DiagnosticIds.EventTimeNotSeconds);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (Fixed(diagnostic, root, model) is not (ExpressionSyntax _, ExpressionSyntax _, string title))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), diagnostic.Id + "." + diagnostic.Properties[EventTimeRule.FixProperty]),
                diagnostic);
        }
    }

    private static Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        FixDocumentAsync(document, diagnostics, context.CancellationToken)!;

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var edits = diagnostics.Select(d => Fixed(d, root, model)).Where(e => e is not null).Select(e => e!.Value).ToList();
        SyntaxNode updated = root.ReplaceNodes(edits.Select(e => e.Original), (original, _) => edits.First(e => e.Original == original).Replacement);
        if (updated is CompilationUnitSyntax unit && edits.Any(e => e.Title == UseNowTitle))
        {
            updated = await SyntaxEdits.WithUsingAsync(document, unit, "System", cancellationToken).ConfigureAwait(false);
        }

        return document.WithSyntaxRoot(updated);
    }

    /// <summary>The node to replace, its replacement and the action's title; null when no safe fix exists.</summary>
    private static (ExpressionSyntax Original, ExpressionSyntax Replacement, string Title)? Fixed(Diagnostic diagnostic, SyntaxNode root, SemanticModel model)
    {
        if (!diagnostic.Properties.TryGetValue(EventTimeRule.FixProperty, out string? fix) || SyntaxEdits.ExpressionAt(root, diagnostic.Location.SourceSpan) is not { } expression)
        {
            return null;
        }

        switch (fix)
        {
            case EventTimeRule.UseNow:
                ITypeSymbol? type = model.GetTypeInfo(expression).Type;
                string? now = type?.ToDisplayString() switch
                {
                    "System.DateTimeOffset" => "DateTimeOffset.UtcNow",
                    "System.DateTime" => "DateTime.UtcNow",
                    "long" => "DateTimeOffset.UtcNow.ToUnixTimeSeconds()",
                    _ => null,
                };
                return now is null ? null : (expression, Simplified(now, expression), UseNowTitle);
            case EventTimeRule.UseSeconds:
                MemberAccessExpressionSyntax? milliseconds = expression.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().FirstOrDefault(m => m.Name.Identifier.Text == "ToUnixTimeMilliseconds");
                return milliseconds is null ? null : (milliseconds, milliseconds.WithName(SyntaxFactory.IdentifierName("ToUnixTimeSeconds")), "Use ToUnixTimeSeconds()");
            case EventTimeRule.UseUtc:
                MemberAccessExpressionSyntax? local = expression.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
                    .FirstOrDefault(m => m.Name.Identifier.Text == "Now" && model.GetSymbolInfo(m).Symbol?.ContainingType?.SpecialType == SpecialType.System_DateTime);
                return local is null ? null : (local, local.WithName(SyntaxFactory.IdentifierName("UtcNow")), "Use DateTime.UtcNow");
            default:
                return null;
        }
    }

    /// <summary>The replacement, unqualified: the fix adds <c>using System;</c> where the file lacks it.</summary>
    private static ExpressionSyntax Simplified(string text, ExpressionSyntax original) =>
        SyntaxFactory.ParseExpression(text).WithTriviaFrom(original);
}
