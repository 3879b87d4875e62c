using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>
/// Where each character of a string literal's value is written in the source: escapes (<c>\"</c>, <c>\u00e9</c>),
/// doubled quotes of verbatim strings and the indentation a multi-line raw string removes make the two differ. A
/// finding inside JSON text can then point at the offending key rather than at the whole literal.
/// </summary>
internal sealed class LiteralTextMap
{
    private static readonly char[] LineBreaks = { '\r', '\n' };

    private readonly SyntaxToken _token;

    /// <summary>For each value character, where it is written: its offsets from the token's start.</summary>
    private readonly (int Start, int End)[] _offsets;

    private LiteralTextMap(SyntaxToken token, (int Start, int End)[] offsets)
    {
        _token = token;
        _offsets = offsets;
    }

    /// <summary>
    /// The map of a string literal token, or null for a token it cannot read (UTF-8 literals, text with errors): the
    /// decoded text must equal the compiler's value character for character, so a wrong map is never used.
    /// </summary>
    public static LiteralTextMap? TryCreate(SyntaxToken token)
    {
        if (token.ContainsDiagnostics)
        {
            return null;
        }

        string text = token.Text;
        StringBuilder value = new(text.Length);
        var offsets = new System.Collections.Generic.List<(int Start, int End)>(text.Length);
        bool read = token.Kind() switch
        {
            SyntaxKind.StringLiteralToken when text.StartsWith("@", StringComparison.Ordinal) => ReadVerbatim(text, value, offsets),
            SyntaxKind.StringLiteralToken => ReadRegular(text, value, offsets),
            SyntaxKind.SingleLineRawStringLiteralToken => ReadSingleLineRaw(text, value, offsets),
            SyntaxKind.MultiLineRawStringLiteralToken => ReadMultiLineRaw(text, value, offsets),
            _ => false,
        };

        return read && string.Equals(value.ToString(), token.ValueText, StringComparison.Ordinal)
            ? new LiteralTextMap(token, offsets.ToArray())
            : null;
    }

    /// <summary>The source location of the value's characters [start, start + length).</summary>
    public Location Locate(int start, int length)
    {
        if (_offsets.Length == 0)
        {
            return Location.Create(_token.SyntaxTree!, new TextSpan(_token.SpanStart, 0));
        }

        start = Math.Max(0, Math.Min(start, _offsets.Length - 1));
        int last = Math.Max(start, Math.Min(start + length, _offsets.Length) - 1);
        int sourceEnd = length > 0 ? _offsets[last].End : _offsets[start].Start;
        return Location.Create(_token.SyntaxTree!, TextSpan.FromBounds(_token.SpanStart + _offsets[start].Start, _token.SpanStart + sourceEnd));
    }

    private static bool ReadRegular(string text, StringBuilder value, System.Collections.Generic.List<(int Start, int End)> offsets)
    {
        if (text.Length < 2 || text[0] != '"' || text[text.Length - 1] != '"')
        {
            return false;
        }

        int end = text.Length - 1;
        for (int i = 1; i < end;)
        {
            int start = i;
            if (text[i] != '\\')
            {
                Add(value, offsets, text[i], start, start + 1);
                i++;
                continue;
            }

            if (i + 1 >= end)
            {
                return false;
            }

            char kind = text[i + 1];
            i += 2;
            switch (kind)
            {
                case 'u':
                    if (!TryHex(text, ref i, end, 4, 4, out int code))
                    {
                        return false;
                    }

                    Add(value, offsets, (char)code, start, i);
                    break;
                case 'U':
                    if (!TryHex(text, ref i, end, 8, 8, out int scalar) || scalar > 0x10FFFF)
                    {
                        return false;
                    }

                    foreach (char c in char.ConvertFromUtf32(scalar))
                    {
                        Add(value, offsets, c, start, i);
                    }

                    break;
                case 'x':
                    if (!TryHex(text, ref i, end, 1, 4, out int hex))
                    {
                        return false;
                    }

                    Add(value, offsets, (char)hex, start, i);
                    break;
                default:
                    char? simple = Simple(kind);
                    if (simple is null)
                    {
                        return false;
                    }

                    Add(value, offsets, simple.Value, start, i);
                    break;
            }
        }

        return true;
    }

    private static char? Simple(char kind) => kind switch
    {
        '\'' => '\'',
        '"' => '"',
        '\\' => '\\',
        '0' => '\0',
        'a' => '\a',
        'b' => '\b',
        'e' => '\u001b',
        'f' => '\f',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\v',
        _ => null,
    };

    private static bool TryHex(string text, ref int i, int end, int min, int max, out int code)
    {
        code = 0;
        int digits = 0;
        while (digits < max && i < end && Uri.IsHexDigit(text[i]))
        {
            char c = text[i];
            code = (code * 16) + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            i++;
            digits++;
        }

        return digits >= min;
    }

    private static bool ReadVerbatim(string text, StringBuilder value, System.Collections.Generic.List<(int Start, int End)> offsets)
    {
        if (text.Length < 3 || text[1] != '"' || text[text.Length - 1] != '"')
        {
            return false;
        }

        int end = text.Length - 1;
        for (int i = 2; i < end; i++)
        {
            Add(value, offsets, text[i], i, text[i] == '"' ? i + 2 : i + 1);
            if (text[i] == '"')
            {
                i++; // A doubled quote is one character of the value.
            }
        }

        return true;
    }

    private static bool ReadSingleLineRaw(string text, StringBuilder value, System.Collections.Generic.List<(int Start, int End)> offsets)
    {
        int quotes = Quotes(text);
        if (quotes < 3 || text.Length < 2 * quotes)
        {
            return false;
        }

        int end = text.Length - quotes;
        for (int i = quotes; i < end; i++)
        {
            Add(value, offsets, text[i], i, i + 1);
        }

        return true;
    }

    /// <summary>
    /// A multi-line raw string's value is its lines between the delimiters' lines, each without the closing
    /// delimiter's indentation (a line of white space shorter than it becomes empty), joined by the source's own line breaks.
    /// </summary>
    private static bool ReadMultiLineRaw(string text, StringBuilder value, System.Collections.Generic.List<(int Start, int End)> offsets)
    {
        int quotes = Quotes(text);
        int firstBreak = text.IndexOfAny(LineBreaks, quotes);
        int closing = text.Length - quotes;
        int lastBreak = text.LastIndexOfAny(LineBreaks, closing - 1);
        if (quotes < 3 || firstBreak < 0 || lastBreak < firstBreak)
        {
            return false;
        }

        int indentationStart = lastBreak + 1;
        string indentation = text.Substring(indentationStart, closing - indentationStart);
        int lineStart = SkipBreak(text, firstBreak);
        int contentEnd = lastBreak + 1 - BreakLengthEndingAt(text, lastBreak);
        bool firstLine = true;
        while (lineStart <= contentEnd)
        {
            int lineEnd = text.IndexOfAny(LineBreaks, lineStart);
            if (lineEnd < 0 || lineEnd > contentEnd)
            {
                lineEnd = contentEnd;
            }

            if (!firstLine)
            {
                // The break that ended the previous line is part of the value.
                int breakStart = PreviousBreakStart(text, lineStart);
                for (int b = breakStart; b < lineStart; b++)
                {
                    Add(value, offsets, text[b], b, b + 1);
                }
            }

            firstLine = false;
            string line = text.Substring(lineStart, lineEnd - lineStart);
            if (line.StartsWith(indentation, StringComparison.Ordinal))
            {
                for (int i = lineStart + indentation.Length; i < lineEnd; i++)
                {
                    Add(value, offsets, text[i], i, i + 1);
                }
            }
            else if (line.Trim().Length > 0)
            {
                return false; // The compiler rejects it; a white-space line shorter than the indentation is empty.
            }

            if (lineEnd >= contentEnd)
            {
                break;
            }

            lineStart = SkipBreak(text, lineEnd);
        }

        return true;
    }

    private static int Quotes(string text)
    {
        int count = 0;
        while (count < text.Length && text[count] == '"')
        {
            count++;
        }

        return count;
    }

    private static int SkipBreak(string text, int at) =>
        text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? at + 2 : at + 1;

    private static int BreakLengthEndingAt(string text, int at) =>
        text[at] == '\n' && at > 0 && text[at - 1] == '\r' ? 2 : 1;

    private static int PreviousBreakStart(string text, int lineStart) =>
        lineStart >= 2 && text[lineStart - 1] == '\n' && text[lineStart - 2] == '\r' ? lineStart - 2 : lineStart - 1;

    private static void Add(StringBuilder value, System.Collections.Generic.List<(int Start, int End)> offsets, char c, int start, int end)
    {
        value.Append(c);
        offsets.Add((start, end));
    }
}
