using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CapiKit.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>
/// CAPI110: adds <c>partial</c> to the declaration of a <c>[ConversionEvent]</c> class that lacks it (CAPI110 is
/// reported on each such declaration), as the last modifier, where C# requires it. Fix All adds it everywhere.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFixProvider)), Shared]
public sealed class AddPartialCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.EventClassNotPartial + ".AddPartial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.EventClassNotPartial);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root is not null && DeclarationAt(root, diagnostic) is { } declaration)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Make '{declaration.Identifier.ValueText}' partial", ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
        FixDocumentAsync(document, diagnostics, context.CancellationToken)!;

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        TypeDeclarationSyntax[] declarations = diagnostics.Select(d => DeclarationAt(root, d)).OfType<TypeDeclarationSyntax>().Distinct().ToArray();
        return document.WithSyntaxRoot(root.ReplaceNodes(declarations, (_, current) => WithPartial(current)));
    }

    private static TypeDeclarationSyntax? DeclarationAt(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent as TypeDeclarationSyntax;

    /// <summary><c>partial</c> comes right before <c>class</c> or <c>record</c>: after the other modifiers, or first with the keyword's indentation.</summary>
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return declaration;
        }

        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
        }

        SyntaxToken keyword = declaration.Keyword;
        SyntaxToken partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        return declaration
            .ReplaceToken(keyword, keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
            .WithModifiers(SyntaxFactory.TokenList(partial));
    }
}
