using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>Small syntax edits the fixes share.</summary>
internal static class SyntaxEdits
{
    /// <summary>Adds <c>using {name};</c> to the file unless it is there (or the code sits in that namespace).</summary>
    public static CompilationUnitSyntax WithUsing(CompilationUnitSyntax root, string name)
    {
        if (root.Usings.Any(u => u.Name?.ToString() == name)
            || root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() == name || n.Usings.Any(u => u.Name?.ToString() == name)))
        {
            return root;
        }

        UsingDirectiveSyntax directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name))
            .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
        return root.AddUsings(directive);
    }

    /// <summary>The expression a diagnostic is reported on.</summary>
    public static ExpressionSyntax? ExpressionAt(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        SyntaxNode node = root.FindNode(span, getInnermostNodeForTie: true);
        return node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression ?? node.FirstAncestorOrSelf<ExpressionSyntax>();
    }
}
