using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CapiKit.Generators.Analysis;
using CapiKit.Generators.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>
/// The CAPI002 edits: a named argument on <c>[ConversionEvent]</c>, a member of an anonymous object, or an entry of
/// a dictionary or JsonObject initializer. Shared by the per-value and the inferred fix.
/// </summary>
internal static class ActionSourceEdits
{
    /// <summary>The fix a CAPI002 diagnostic carries (<see cref="FixKinds.AddToAttribute"/>, ...), or null when it has none.</summary>
    public static string? FixOf(Diagnostic diagnostic) => diagnostic.Properties.TryGetValue(FixKinds.Fix, out string? fix) ? fix : null;

    /// <summary>The node a CAPI002 diagnostic is reported on.</summary>
    public static SyntaxNode NodeOf(SyntaxNode root, Diagnostic diagnostic) => root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    /// <summary>The title of the action that adds <paramref name="value"/> the way <paramref name="fix"/> says.</summary>
    public static string Title(string fix, string value) =>
        fix == FixKinds.AddToAttribute ? $"Set ActionSource = ActionSource.{Naming.Pascal(value)}" : $"Add action_source \"{value}\"";

    /// <summary>Adds each diagnostic's action source, in one edit of the document.</summary>
    public static async Task<Document> FixDocumentAsync(Document document, IReadOnlyList<(Diagnostic Diagnostic, string Value)> fixes, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = fixes
            .Select(f => (Fix: FixOf(f.Diagnostic), f.Value, Node: NodeOf(root, f.Diagnostic)))
            .Where(t => t.Fix is not null)
            .ToList();
        SyntaxNode updated = root.ReplaceNodes(
            targets.Select(t => t.Node),
            (original, current) =>
            {
                var (fix, value, _) = targets.First(t => t.Node == original);
                return fix switch
                {
                    FixKinds.AddToAttribute when current is AttributeSyntax attribute => AddToAttribute(attribute, value),
                    FixKinds.AddToAnonymousObject when current is AnonymousObjectCreationExpressionSyntax anonymous => AddToAnonymous(anonymous, value),
                    FixKinds.AddIndexerEntry when Initializer(current) is { } initializer => current.ReplaceNode(initializer, AddEntry(initializer, IndexerEntry(value))),
                    FixKinds.AddCollectionEntry when Initializer(current) is { } initializer => current.ReplaceNode(initializer, AddEntry(initializer, CollectionEntry(value))),
                    _ => current,
                };
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
