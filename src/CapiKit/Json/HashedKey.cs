using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using CapiKit.Pii;
using CapiKit.Pii.Rules;

namespace CapiKit.Json;

/// <summary>
/// A hashed <c>user_data</c> key as a generated <c>WriteTo</c> writes it: its JSON name, encoded once, and the
/// normalization rule the schema gives it, looked up once per event class instead of twice per value. Public only
/// because generated code in your assembly holds one per key; not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HashedKey
{
    private HashedKey(string key, NormalizationRule rule)
    {
        Name = JsonEncodedText.Encode(key, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        Rule = rule;
    }

    /// <summary>The key's JSON name.</summary>
    public JsonEncodedText Name { get; }

    /// <summary>The key's payload name (<c>em</c>, <c>ph</c>, ...).</summary>
    public string Key => Name.Value;

    internal NormalizationRule Rule { get; }

    /// <summary>The hashed key <paramref name="key"/> of the schema.</summary>
    /// <exception cref="ArgumentException">The key is not a hashed <c>user_data</c> key.</exception>
    public static HashedKey For(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return PiiNormalizer.HashingRule(key) is { } rule
            ? new HashedKey(key, rule)
            : throw new ArgumentException($"'{key}' is not a hashed user_data key of the parameter schema.", nameof(key));
    }

    /// <inheritdoc/>
    public override string ToString() => Key;
}
