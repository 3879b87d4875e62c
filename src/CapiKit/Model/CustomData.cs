using System.Text.Json;

namespace CapiKit;

public sealed partial class CustomData
{
    private Dictionary<string, object>? _customProperties;

    /// <summary>Custom properties: keys outside Meta's standard set, in the order they were set.</summary>
    public IReadOnlyDictionary<string, object> CustomProperties =>
        (IReadOnlyDictionary<string, object>?)_customProperties ?? new Dictionary<string, object>();

    /// <summary>Sets a custom property (a key of your own, declared in a <c>*.capi.json</c> file or not).</summary>
    /// <exception cref="ArgumentException">The key is empty or one of Meta's standard keys, which have typed setters.</exception>
    public CustomData SetCustomProperty(string key, string? value) => SetCustom(key, value);

    /// <inheritdoc cref="SetCustomProperty(string, string?)"/>
    public CustomData SetCustomProperty(string key, decimal value) => SetCustom(key, value);

    /// <inheritdoc cref="SetCustomProperty(string, string?)"/>
    public CustomData SetCustomProperty(string key, long value) => SetCustom(key, value);

    /// <inheritdoc cref="SetCustomProperty(string, string?)"/>
    public CustomData SetCustomProperty(string key, bool value) => SetCustom(key, value);

    partial void OnCloned(CustomData copy) =>
        copy._customProperties = _customProperties is null ? null : new Dictionary<string, object>(_customProperties, StringComparer.Ordinal);

    private CustomData SetCustom(string key, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (PayloadValues.TryParseCustomDataField(key, out _))
        {
            throw new ArgumentException($"'{key}' is a standard custom_data key; use its typed setter.", nameof(key));
        }

        if (value is null)
        {
            _customProperties?.Remove(key);
        }
        else
        {
            (_customProperties ??= new Dictionary<string, object>(StringComparer.Ordinal))[key] = value;
        }

        return this;
    }

    partial void WriteAdditionalProperties(Utf8JsonWriter writer)
    {
        if (_customProperties is null)
        {
            return;
        }

        foreach ((string key, object value) in _customProperties)
        {
            writer.WritePropertyName(key);
            switch (value)
            {
                case string text: writer.WriteStringValue(text); break;
                case decimal number: writer.WriteNumberValue(number); break;
                case long integer: writer.WriteNumberValue(integer); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
            }
        }
    }
}
