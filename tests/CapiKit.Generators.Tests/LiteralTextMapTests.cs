using System.Text;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapiKit.Generators.Tests;

/// <summary>
/// Property test of <see cref="LiteralTextMap"/>: random values written as every kind of C# string literal (regular
/// with random escapes, verbatim, single-line and multi-line raw with LF or CRLF and indentation) map each value
/// character back to where it is written. Seeded.
/// </summary>
public sealed class LiteralTextMapTests
{
    private const string Alphabet = "abcXYZ019 {}[]:,é😀\"\\\t";

    [Fact]
    public void Every_value_character_maps_to_where_it_is_written()
    {
        Random random = new(2026);
        for (int round = 0; round < 2000; round++)
        {
            string value = RandomValue(random);
            foreach ((string literal, string expected) in Writings(value, random))
            {
                SyntaxToken token = Parse(literal);
                Assert.Equal(expected, token.ValueText);
                LiteralTextMap map = LiteralTextMap.TryCreate(token) ?? throw new Xunit.Sdk.XunitException($"no map for {Escape(literal)}");
                for (int i = 0; i < expected.Length; i++)
                {
                    Location location = map.Locate(i, 1);
                    string source = location.SourceTree!.ToString().Substring(location.SourceSpan.Start, location.SourceSpan.Length);
                    Assert.True(Decodes(source, expected[i], char.IsSurrogate(expected[i])), $"'{Escape(source)}' at {location.SourceSpan} for value[{i}] = U+{(int)expected[i]:X4} in {literal}");
                }
            }
        }
    }

    [Fact]
    public void Literals_it_cannot_read_give_no_map()
    {
        Assert.Null(LiteralTextMap.TryCreate(Parse("\"abc\"u8")));
        Assert.Null(LiteralTextMap.TryCreate(Parse("'a'")));
    }

    private static string Escape(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    private static bool Decodes(string written, char expected, bool surrogate) =>
        written.Length == 1 ? written[0] == expected
        : written == "\"\"" ? expected == '"'
        : surrogate ? written.Length is 2 or 10 // a literal pair, or one \U00000000 escape for both halves
        : written.StartsWith('\\');

    private static string RandomValue(Random random)
    {
        StringBuilder value = new();
        int length = random.Next(0, 24);
        for (int i = 0; i < length; i++)
        {
            int pick = random.Next(Alphabet.Length);
            if (char.IsHighSurrogate(Alphabet[pick]))
            {
                value.Append(Alphabet, pick, 2);
                i++;
            }
            else if (!char.IsLowSurrogate(Alphabet[pick]))
            {
                value.Append(Alphabet[pick]);
            }
        }

        return value.ToString();
    }

    /// <summary>The literals, each with the value it stands for (a multi-line raw string breaks the value's lines at its spaces).</summary>
    private static IEnumerable<(string Literal, string Value)> Writings(string value, Random random)
    {
        yield return (Regular(value, random), value);
        yield return ("@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", value);
        if (value.Length > 0 && value[0] != '"' && value[^1] != '"' && !value.Contains("\"\"\"", StringComparison.Ordinal))
        {
            yield return ("\"\"\"" + value + "\"\"\"", value);
        }

        if (!value.Contains("\"\"\"", StringComparison.Ordinal))
        {
            string indentation = new(' ', random.Next(0, 6));
            string newLine = random.Next(2) == 0 ? "\n" : "\r\n";
            string[] lines = value.Split(' ');
            yield return (
                "\"\"\"" + newLine + string.Join(newLine, lines.Select(l => l.Length == 0 ? string.Empty : indentation + l)) + newLine + indentation + "\"\"\"",
                string.Join(newLine, lines));
        }
    }

    private static string Regular(string value, Random random)
    {
        StringBuilder literal = new("\"");
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            int style = random.Next(4);
            if (char.IsHighSurrogate(c) && style == 0)
            {
                literal.Append("\\U").Append(char.ConvertToUtf32(c, value[i + 1]).ToString("X8", System.Globalization.CultureInfo.InvariantCulture));
                i++;
            }
            else if (c is '"' or '\\')
            {
                literal.Append('\\').Append(c);
            }
            else if (c == '\t')
            {
                literal.Append("\\t");
            }
            else if (style == 1 && !char.IsSurrogate(c))
            {
                literal.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (style == 2 && !char.IsSurrogate(c) && (i + 1 >= value.Length || !Uri.IsHexDigit(value[i + 1])))
            {
                literal.Append("\\x").Append(((int)c).ToString("X", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                literal.Append(c);
            }
        }

        return literal.Append('"').ToString();
    }

    private static SyntaxToken Parse(string literal)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText("class C { object F = " + literal + "; }", new CSharpParseOptions(LanguageVersion.Preview));
        return tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single().Token;
    }
}
