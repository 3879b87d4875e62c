using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>
/// A fix that replaces the expression a diagnostic is reported on with another expression. Subclasses say which
/// diagnostic, the action's title and the replacement; Fix All replaces every occurrence in one pass.
/// </summary>
public abstract class ReplaceExpressionCodeFixProvider : CodeFixProvider
{
    /// <summary>The one diagnostic this fix handles.</summary>
    protected abstract string DiagnosticId { get; }

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticId);

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    /// <summary>The title of the code action, or null when the diagnostic has no fix.</summary>
    protected abstract string? Title(Diagnostic diagnostic);

    /// <summary>The replacement of <paramref name="expression"/>, or null to leave it.</summary>
    protected abstract ExpressionSyntax? Replacement(ExpressionSyntax expression, Diagnostic diagnostic);

    /// <summary>Namespaces the replacement needs imported.</summary>
    protected virtual string[] RequiredUsings => System.Array.Empty<string>();

    /// <inheritdoc/>
    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (Title(diagnostic) is string title)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), DiagnosticId + "." + GetType().Name),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        FixDocumentAsync(document, diagnostics, context.CancellationToken)!;

    private async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var edits = diagnostics
            .Select(d => (Diagnostic: d, Node: SyntaxEdits.ExpressionAt(root, d.Location.SourceSpan)))
            .Where(e => e.Node is not null && Title(e.Diagnostic) is not null)
            .ToList();
        SyntaxNode updated = root.ReplaceNodes(
            edits.Select(e => e.Node!),
            (original, current) => Replacement((ExpressionSyntax)current, edits.First(e => e.Node == original).Diagnostic)?.WithTriviaFrom(current) ?? current);
        foreach (string name in RequiredUsings)
        {
            updated = updated is CompilationUnitSyntax unit ? await SyntaxEdits.WithUsingAsync(document, unit, name, cancellationToken).ConfigureAwait(false) : updated;
        }

        return document.WithSyntaxRoot(updated);
    }
}
