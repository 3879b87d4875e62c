using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CapiKit.Generators.Schema;

/// <summary>
/// A JSON value that remembers the line and column it starts on, so a problem in a user's <c>*.capi.json</c>
/// file is reported where it is. JsonDocument keeps no positions; this tree is read with Utf8JsonReader instead.
/// </summary>
internal sealed class JsonTree
{
    private JsonTree(JsonValueKind kind, int line, int column = 0)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public JsonValueKind Kind { get; }

    /// <summary>Zero-based line of the value's first character.</summary>
    public int Line { get; }

    /// <summary>Zero-based column (in UTF-16 characters) of the value's first character.</summary>
    public int Column { get; }

    public string? String { get; private set; }

    public double Number { get; private set; }

    public bool IsInteger { get; private set; }

    public List<KeyValuePair<string, JsonTree>> Properties { get; } = new();

    public List<JsonTree> Items { get; } = new();

    public JsonTree? this[string name]
    {
        get
        {
            foreach (KeyValuePair<string, JsonTree> property in Properties)
            {
                if (property.Key == name)
                {
                    return property.Value;
                }
            }

            return null;
        }
    }

    /// <summary>An empty array standing in for a missing one, so reading can go on and report every problem.</summary>
    public static JsonTree EmptyArray(int line, int column) => new(JsonValueKind.Array, line, column);

    /// <summary>Parses JSON strictly (RFC 8259: no comments, no trailing commas), as the meta-schema's validators do.</summary>
    /// <exception cref="JsonException">The text is not JSON, or a string is no text (an unpaired surrogate escape);
    /// its LineNumber and BytePositionInLine say where.</exception>
    public static JsonTree Parse(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Utf8JsonReader reader = new(utf8, default(JsonReaderOptions));
        LineIndex lines = new(utf8);
        if (!reader.Read())
        {
            throw new JsonException("The file is empty.", null, 0, 0);
        }

        JsonTree root = ReadValue(ref reader, lines);
        if (reader.Read())
        {
            throw new JsonException("Text follows the JSON value.", null, lines.LineOf(reader.TokenStartIndex), lines.ColumnOf(reader.TokenStartIndex));
        }

        return root;
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, LineIndex lines)
    {
        int line = lines.LineOf(reader.TokenStartIndex);
        int column = lines.ColumnOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                JsonTree obj = new(JsonValueKind.Object, line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string name = ReadString(ref reader, lines);
                    reader.Read();
                    obj.Properties.Add(new KeyValuePair<string, JsonTree>(name, ReadValue(ref reader, lines)));
                }

                return obj;
            case JsonTokenType.StartArray:
                JsonTree array = new(JsonValueKind.Array, line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Items.Add(ReadValue(ref reader, lines));
                }

                return array;
            case JsonTokenType.String:
                return new JsonTree(JsonValueKind.String, line, column) { String = ReadString(ref reader, lines) };
            case JsonTokenType.Number:
                return new JsonTree(JsonValueKind.Number, line, column)
                {
                    Number = reader.GetDouble(),
                    IsInteger = reader.TryGetInt64(out _),
                };
            case JsonTokenType.True:
                return new JsonTree(JsonValueKind.True, line, column);
            case JsonTokenType.False:
                return new JsonTree(JsonValueKind.False, line, column);
            default:
                return new JsonTree(JsonValueKind.Null, line, column);
        }
    }

    // "\ud800" is valid JSON syntax but no text; Utf8JsonReader throws InvalidOperationException for it, which
    // would escape the generator as CS8785.
    private static string ReadString(ref Utf8JsonReader reader, LineIndex lines)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException(
                "A string has an unpaired surrogate escape (\\uD800 to \\uDFFF without its pair), which is no text.",
                null, lines.LineOf(reader.TokenStartIndex), lines.ColumnOf(reader.TokenStartIndex));
        }
    }

    /// <summary>Maps byte offsets to zero-based line numbers and columns.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _lineStarts = new() { 0 };
        private readonly byte[] _utf8;

        public LineIndex(byte[] utf8)
        {
            _utf8 = utf8;
            for (int i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public int LineOf(long offset)
        {
            int index = _lineStarts.BinarySearch(offset);
            return index >= 0 ? index : ~index - 1;
        }

        public int ColumnOf(long offset)
        {
            int start = (int)_lineStarts[LineOf(offset)];
            return Encoding.UTF8.GetCharCount(_utf8, start, (int)Math.Min(offset, _utf8.Length) - start);
        }
    }
}
