using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CapiKit.Generators;
using CapiKit.Generators.Analysis;
using CapiKit.Generators.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>
/// CAPI002: adds the action source, one code action per value Meta accepts (website, app, ...): a named argument on
/// <c>[ConversionEvent]</c>, a member of an anonymous object, or an entry of a dictionary or JsonObject initializer.
/// Fix All applies the chosen value everywhere.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingActionSourceCodeFixProvider)), Shared]
public sealed class MissingActionSourceCodeFixProvider : CodeFixProvider
{
    private const string KeyPrefix = DiagnosticIds.MissingActionSource + ".";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingActionSource);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (PayloadFacts.Instance is not { } facts)
        {
            return Task.CompletedTask;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixKinds.Fix, out string? fix) || fix is null)
            {
                continue;
            }

            foreach (string value in facts.ActionSources)
            {
                string title = fix == FixKinds.AddToAttribute ? $"Set ActionSource = ActionSource.{Naming.Pascal(value)}" : $"Add action_source \"{value}\"";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), value, ct), KeyPrefix + value),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        string value = context.CodeActionEquivalenceKey?.StartsWith(KeyPrefix, System.StringComparison.Ordinal) == true
            ? context.CodeActionEquivalenceKey.Substring(KeyPrefix.Length)
            : "website";
        return FixDocumentAsync(document, diagnostics, value, context.CancellationToken)!;
    }

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string value, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = diagnostics
            .Select(d => (Fix: d.Properties.TryGetValue(FixKinds.Fix, out string? f) ? f : null, Node: root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true)))
            .Where(t => t.Fix is not null)
            .ToList();
        SyntaxNode updated = root.ReplaceNodes(
            targets.Select(t => t.Node),
            (original, current) => targets.First(t => t.Node == original).Fix switch
            {
                FixKinds.AddToAttribute when current is AttributeSyntax attribute => AddToAttribute(attribute, value),
                FixKinds.AddToAnonymousObject when current is AnonymousObjectCreationExpressionSyntax anonymous => AddToAnonymous(anonymous, value),
                FixKinds.AddIndexerEntry when Initializer(current) is { } initializer => current.ReplaceNode(initializer, AddEntry(initializer, IndexerEntry(value))),
                FixKinds.AddCollectionEntry when Initializer(current) is { } initializer => current.ReplaceNode(initializer, AddEntry(initializer, CollectionEntry(value))),
                _ => current,
            });
        return document.WithSyntaxRoot(updated);
    }

    private static AttributeSyntax AddToAttribute(AttributeSyntax attribute, string value)
    {
        AttributeArgumentSyntax argument = SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression($"ActionSource.{Naming.Pascal(value)}"))
            .WithNameEquals(SyntaxFactory.NameEquals("ActionSource"));
        return attribute.WithArgumentList((attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList()).AddArguments(argument));
    }

    private static AnonymousObjectCreationExpressionSyntax AddToAnonymous(AnonymousObjectCreationExpressionSyntax anonymous, string value) =>
        anonymous.AddInitializers(SyntaxFactory.AnonymousObjectMemberDeclarator(
            SyntaxFactory.NameEquals("action_source"),
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value))));

    private static InitializerExpressionSyntax? Initializer(SyntaxNode node) => node switch
    {
        BaseObjectCreationExpressionSyntax creation => creation.Initializer,
        _ => node.DescendantNodesAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault()?.Initializer,
    };

    /// <summary>Appends an entry in the initializer's own layout: its indentation, and its trailing comma if it has one.</summary>
    private static InitializerExpressionSyntax AddEntry(InitializerExpressionSyntax initializer, ExpressionSyntax entry)
    {
        SeparatedSyntaxList<ExpressionSyntax> expressions = initializer.Expressions;
        if (expressions.Count == 0)
        {
            return initializer.WithExpressions(expressions.Add(entry));
        }

        List<ExpressionSyntax> nodes = expressions.ToList();
        List<SyntaxToken> separators = expressions.GetSeparators().ToList();
        ExpressionSyntax last = nodes[nodes.Count - 1];
        ExpressionSyntax added = entry.WithLeadingTrivia(last.GetLeadingTrivia());
        if (separators.Count == nodes.Count)
        {
            nodes.Add(added);
            separators.Add(separators[separators.Count - 1]);
        }
        else
        {
            nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed));
            nodes.Add(added.WithTrailingTrivia(last.GetTrailingTrivia()));
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList(nodes, separators));
    }

    /// <summary><c>["action_source"] = "website"</c>, built as the initializer element it is (parsed alone it would be a collection expression).</summary>
    private static AssignmentExpressionSyntax IndexerEntry(string value) =>
        SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.ImplicitElementAccess(SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(String("action_source"))))),
            String(value));

    /// <summary><c>{ "action_source", "website" }</c>.</summary>
    private static InitializerExpressionSyntax CollectionEntry(string value) =>
        SyntaxFactory.InitializerExpression(
            SyntaxKind.ComplexElementInitializerExpression,
            SyntaxFactory.SeparatedList(new ExpressionSyntax[] { String("action_source"), String(value) }));

    private static LiteralExpressionSyntax String(string text) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
}
