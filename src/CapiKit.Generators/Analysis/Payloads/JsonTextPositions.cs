using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>
/// Where each key and value of a JSON text is, so that a finding points at the offending key's line and column.
/// <see cref="JsonDocument"/> keeps no positions; a second pass with <see cref="Utf8JsonReader"/> over the same text
/// finds them. Elements are named by their path of ordinals (<c>/0/2</c>: the first member's third member or item),
/// which follows document order in both passes, duplicate keys included.
/// </summary>
internal sealed class JsonTextPositions
{
    private readonly Dictionary<string, (int Start, int Length)> _keys = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, (int Start, int Length)> _values = new(System.StringComparer.Ordinal);
    private readonly LiteralTextMap? _map;
    private readonly Location _whole;

    private JsonTextPositions(LiteralTextMap? map, Location whole)
    {
        _map = map;
        _whole = whole;
    }

    /// <summary>
    /// The positions of the JSON in a literal; when the literal's text cannot be mapped back to its source, every
    /// position is the whole literal.
    /// </summary>
    public static JsonTextPositions Read(string text, SyntaxToken literal, Location whole, JsonReaderOptions options)
    {
        LiteralTextMap? map = LiteralTextMap.TryCreate(literal);
        JsonTextPositions positions = new(map, whole);
        if (map is not null)
        {
            positions.Scan(text, options);
        }

        return positions;
    }

    /// <summary>The path of an object's member or an array's item: the parent's path and the ordinal.</summary>
    public static string Member(string path, int index) => path + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where the key of the member at <paramref name="path"/> is written, its quotes included.</summary>
    public Location Key(string path) => Locate(_keys, path) ?? Value(path);

    /// <summary>
    /// Where the value at <paramref name="path"/> starts (the brace of an object, the whole of a string or number); the
    /// root object when <paramref name="path"/> is empty.
    /// </summary>
    public Location Value(string path) => Locate(_values, path) ?? _whole;

    private Location? Locate(Dictionary<string, (int Start, int Length)> table, string path) =>
        _map is not null && table.TryGetValue(path, out var span) ? _map.Locate(span.Start, span.Length) : null;

    private void Scan(string text, JsonReaderOptions options)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        int[]? charAt = IsAscii(text) ? null : CharIndexOfEachByte(bytes);
        int Char(long byteIndex) => charAt is null ? (int)byteIndex : charAt[byteIndex];

        Utf8JsonReader reader = new(bytes, options);
        Stack<(string Path, int Count)> open = new();
        string? pendingKey = null;
        try
        {
            while (reader.Read())
            {
                JsonTokenType token = reader.TokenType;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    open.Pop();
                    continue;
                }

                if (token == JsonTokenType.PropertyName)
                {
                    (string parent, int count) = open.Pop();
                    open.Push((parent, count + 1));
                    pendingKey = Member(parent, count);
                    int start = Char(reader.TokenStartIndex);
                    _keys[pendingKey] = (start, Char(reader.TokenStartIndex + reader.ValueSpan.Length + 2) - start);
                    continue;
                }

                string path;
                if (pendingKey is not null)
                {
                    path = pendingKey;
                    pendingKey = null;
                }
                else if (open.Count > 0)
                {
                    (string parent, int count) = open.Pop();
                    open.Push((parent, count + 1));
                    path = Member(parent, count);
                }
                else
                {
                    path = string.Empty;
                }

                int valueStart = Char(reader.TokenStartIndex);
                long valueEnd = token switch
                {
                    JsonTokenType.StartObject or JsonTokenType.StartArray => reader.TokenStartIndex + 1,
                    JsonTokenType.String => reader.TokenStartIndex + reader.ValueSpan.Length + 2,
                    _ => reader.TokenStartIndex + reader.ValueSpan.Length,
                };
                _values[path] = (valueStart, Char(valueEnd) - valueStart);
                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    open.Push((path, 0));
                }
            }
        }
        catch (JsonException)
        {
            // The document parsed, so this does not happen; what was found stands, the rest falls back to the literal.
        }
    }

    private static bool IsAscii(string text)
    {
        foreach (char c in text)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>For each byte offset of the UTF-8 text (and its end), the index of the character it belongs to.</summary>
    private static int[] CharIndexOfEachByte(byte[] bytes)
    {
        int[] charAt = new int[bytes.Length + 1];
        int chars = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if ((b & 0xC0) == 0x80)
            {
                charAt[i] = charAt[i - 1]; // A continuation byte belongs to its sequence's character.
                continue;
            }

            charAt[i] = chars;
            chars += b >= 0xF0 ? 2 : 1; // A four-byte sequence is a surrogate pair: two UTF-16 characters.
        }

        charAt[bytes.Length] = chars;
        return charAt;
    }
}
