using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CapiKit.Generators.Schema;

/// <summary>
/// A JSON value that remembers the line it starts on, so a problem in a user's <c>*.capi.json</c> file is
/// reported at its line. JsonDocument keeps no positions; this tree is read with Utf8JsonReader instead.
/// </summary>
internal sealed class JsonTree
{
    private JsonTree(JsonValueKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public JsonValueKind Kind { get; }

    /// <summary>Zero-based line of the value's first character.</summary>
    public int Line { get; }

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
    public static JsonTree EmptyArray(int line) => new(JsonValueKind.Array, line);

    /// <summary>Parses UTF-8 JSON (comments and trailing commas allowed, as in other .NET config files).</summary>
    /// <exception cref="JsonException">The text is not JSON; its LineNumber says where.</exception>
    public static JsonTree Parse(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Utf8JsonReader reader = new(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        LineIndex lines = new(utf8);
        if (!reader.Read())
        {
            throw new JsonException("The file is empty.", null, 0, 0);
        }

        JsonTree root = ReadValue(ref reader, lines);
        if (reader.Read())
        {
            throw new JsonException("Text follows the JSON value.", null, lines.LineOf(reader.TokenStartIndex), null);
        }

        return root;
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, LineIndex lines)
    {
        int line = lines.LineOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                JsonTree obj = new(JsonValueKind.Object, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string name = reader.GetString()!;
                    reader.Read();
                    obj.Properties.Add(new KeyValuePair<string, JsonTree>(name, ReadValue(ref reader, lines)));
                }

                return obj;
            case JsonTokenType.StartArray:
                JsonTree array = new(JsonValueKind.Array, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Items.Add(ReadValue(ref reader, lines));
                }

                return array;
            case JsonTokenType.String:
                return new JsonTree(JsonValueKind.String, line) { String = reader.GetString() };
            case JsonTokenType.Number:
                return new JsonTree(JsonValueKind.Number, line)
                {
                    Number = reader.GetDouble(),
                    IsInteger = reader.TryGetInt64(out _),
                };
            case JsonTokenType.True:
                return new JsonTree(JsonValueKind.True, line);
            case JsonTokenType.False:
                return new JsonTree(JsonValueKind.False, line);
            default:
                return new JsonTree(JsonValueKind.Null, line);
        }
    }

    /// <summary>Maps byte offsets to zero-based line numbers.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _lineStarts = new() { 0 };

        public LineIndex(byte[] utf8)
        {
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
    }
}
