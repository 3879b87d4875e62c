using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.CodeFixes;

/// <summary>Small syntax edits the fixes share.</summary>
internal static class SyntaxEdits
{
    /// <summary>
    /// Adds <c>using {name};</c> to the file unless the name is already in scope: a using of the file, of a namespace
    /// in it, the namespace itself, or a <c>global using</c> anywhere in the project (implicit usings included).
    /// The new line ends as the file's lines do.
    /// </summary>
    public static async Task<CompilationUnitSyntax> WithUsingAsync(Document document, CompilationUnitSyntax root, string name, CancellationToken cancellationToken)
    {
        if (root.Usings.Any(u => u.Name?.ToString() == name)
            || root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() == name || n.Usings.Any(u => u.Name?.ToString() == name)))
        {
            return root;
        }

        Compilation? compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is not null && compilation.SyntaxTrees.Any(tree => IsGlobalUsing(tree, name, cancellationToken)))
        {
            return root;
        }

        string newLine = root.ToFullString().Contains("\r\n") ? "\r\n" : "\n";
        // The first using of a file is set off from the code by a blank line, as the IDE does.
        SyntaxTriviaList endOfLine = root.Usings.Count == 0
            ? SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine), SyntaxFactory.EndOfLine(newLine))
            : SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine));
        UsingDirectiveSyntax directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name)).WithTrailingTrivia(endOfLine);
        return root.AddUsings(directive);
    }

    private static bool IsGlobalUsing(SyntaxTree tree, string name, CancellationToken cancellationToken) =>
        tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit
        && unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.StaticKeyword.IsKind(SyntaxKind.None)
            && u.Alias is null && u.Name?.ToString().Replace("global::", "") == name);

    /// <summary>The expression a diagnostic is reported on.</summary>
    public static ExpressionSyntax? ExpressionAt(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        SyntaxNode node = root.FindNode(span, getInnermostNodeForTie: true);
        return node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression ?? node.FirstAncestorOrSelf<ExpressionSyntax>();
    }
}
