using System;
using System.Text;

namespace CapiKit.Generators.Common;

/// <summary>
/// An indent-aware text writer for generated C#, after dotnet/runtime's SourceWriter: each line of a multi-line
/// string is re-indented, so raw string literals can be written at any depth. No SyntaxFactory and no
/// NormalizeWhitespace, the known slow path of generators.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _text = new(8 * 1024);
    private int _indentation;

    public SourceWriter Indent()
    {
        _indentation++;
        return this;
    }

    public SourceWriter Unindent()
    {
        if (_indentation == 0)
        {
            throw new InvalidOperationException("Unbalanced indentation in generated source.");
        }

        _indentation--;
        return this;
    }

    public SourceWriter OpenBrace()
    {
        WriteLine("{");
        return Indent();
    }

    public SourceWriter CloseBrace(string suffix = "")
    {
        Unindent();
        return WriteLine("}" + suffix);
    }

    public SourceWriter WriteLine() => Append("\n");

    public SourceWriter WriteLine(string text)
    {
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            string line = text.Substring(start, end - start).TrimEnd('\r');
            if (line.Length > 0)
            {
                _text.Append(' ', _indentation * IndentSize);
            }

            _text.Append(line).Append('\n');
            start = end + 1;
        }

        return this;
    }

    public override string ToString()
    {
        if (_indentation != 0)
        {
            throw new InvalidOperationException("Generated source ended with open braces.");
        }

        return _text.ToString();
    }

    private SourceWriter Append(string text)
    {
        _text.Append(text);
        return this;
    }
}
