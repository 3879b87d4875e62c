using System.Globalization;
using System.Text;

namespace CapiKit.Generators.Generation;

/// <summary>How schema names become C# names. Analyzers use the same functions to map C# back to payload keys.</summary>
internal static class Naming
{
    /// <summary><c>event_source_url</c> to <c>EventSourceUrl</c>; <c>LDU</c> to <c>Ldu</c>.</summary>
    public static string Pascal(string snake)
    {
        StringBuilder name = new(snake.Length);
        bool upper = true;
        foreach (char c in snake)
        {
            if (c == '_' || c == '-' || c == ' ')
            {
                upper = true;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upper = false;
        }

        if (name.Length > 0 && char.IsDigit(name[0]))
        {
            name.Insert(0, '_');
        }

        return name.ToString();
    }

    /// <summary><c>event_source_url</c> to <c>eventSourceUrl</c>, escaped when it is a C# keyword.</summary>
    public static string Camel(string snake)
    {
        string pascal = Pascal(snake);
        string camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(camel) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + camel : camel;
    }

    /// <summary>A name used as it is for a member (a custom event's name), escaped when it is a C# keyword (<c>@default</c>).</summary>
    public static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    /// <summary>The field's private backing field name.</summary>
    public static string Field(string snake) => "_" + Camel(snake).TrimStart('@');

    /// <summary><c>content_ids</c> to <c>ContentId</c>, for the method that adds one item of an array.</summary>
    public static string Singular(string pascal) =>
        pascal.EndsWith("s", System.StringComparison.Ordinal) && !pascal.EndsWith("ss", System.StringComparison.Ordinal)
            ? pascal.Substring(0, pascal.Length - 1)
            : pascal;

    /// <summary>A C# string literal.</summary>
    public static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>Text for an XML doc comment.</summary>
    public static string Xml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
