using System.Collections.Generic;
using System.Text;
using CapiKit.Generators.Common;

namespace CapiKit.Generators.Generation.Events;

/// <summary>
/// The JSON names and constant values a generated <c>WritePayload</c> writes, as <c>JsonEncodedText</c> fields of the
/// event class: <c>Utf8JsonWriter</c> checks a <see cref="string"/> name for characters to escape and transcodes it
/// to UTF-8 on every call, about 10 ns per name, twenty-odd names per event; an encoded name is copied as it is.
/// They are encoded with the relaxed encoder CapiKit's writers use, so the bytes are those a string would give.
/// Hashed keys are <c>HashedKey</c> fields, which hold the key's normalization rule too, found once per class
/// instead of by two dictionary lookups per value.
/// </summary>
internal sealed class EncodedNames
{
    private readonly Dictionary<string, string> _fields = new(System.StringComparer.Ordinal);
    private readonly List<(string Field, string Text, bool Hashed)> _order = new();

    /// <summary>The field that holds <paramref name="text"/> encoded, declared once per class.</summary>
    public string Field(string text) => Declare("EncodedName", text, hashed: false);

    /// <summary>The <c>HashedKey</c> field of the hashed <c>user_data</c> key <paramref name="key"/>, declared once per class.</summary>
    public string Hashed(string key) => Declare("HashedKey", key, hashed: true);

    /// <summary>Declares every field handed out, in first-use order.</summary>
    public void Emit(SourceWriter writer)
    {
        foreach ((string field, string text, bool hashed) in _order)
        {
            writer.WriteLine(hashed
                ? $"private static readonly global::CapiKit.Json.HashedKey {field} = global::CapiKit.Json.HashedKey.For({Naming.Literal(text)});"
                : $"private static readonly global::System.Text.Json.JsonEncodedText {field} = global::System.Text.Json.JsonEncodedText.Encode({Naming.Literal(text)}, global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);");
        }
    }

    private string Declare(string prefix, string text, bool hashed)
    {
        string identity = (hashed ? "hashed:" : "text:") + text;
        if (!_fields.TryGetValue(identity, out string? field))
        {
            field = prefix + _order.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_" + Identifier(text);
            _fields[identity] = field;
            _order.Add((field, text, hashed));
        }

        return field;
    }

    /// <summary>The letters and digits of a name (anything else becomes <c>_</c>), for a readable field name.</summary>
    private static string Identifier(string text)
    {
        StringBuilder identifier = new(text.Length);
        foreach (char c in text)
        {
            identifier.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' ? c : '_');
        }

        return identifier.ToString();
    }
}
