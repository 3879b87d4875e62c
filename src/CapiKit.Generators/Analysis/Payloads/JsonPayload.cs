using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>
/// A payload object written as JSON in a string literal. A value and an object are located at their key (an object
/// without one at its brace) in the literal's source (<see cref="JsonTextPositions"/>); a JSON null is a key not
/// sent, as Meta and the pre-flight read it.
/// </summary>
internal sealed class JsonPayload : PayloadObject
{
    private readonly JsonElement _element;
    private readonly JsonTextPositions _positions;
    private readonly string _path;
    private IReadOnlyList<PayloadValue>? _values;

    /// <param name="element">The object.</param>
    /// <param name="positions">Where the literal's keys and values are.</param>
    /// <param name="path">The object's path of ordinals in the document (<see cref="JsonTextPositions"/>).</param>
    public JsonPayload(JsonElement element, JsonTextPositions positions, string path)
    {
        _element = element;
        _positions = positions;
        _path = path;
    }

    /// <summary>At the key the object is sent under (<c>"user_data"</c>), else at its brace (an event in <c>data</c>, the root).</summary>
    public override Location Location => _positions.Key(_path);

    public override ContainerStyle Style => ContainerStyle.Other;

    public override IReadOnlyList<PayloadValue> Values => _values ??= _element.ValueKind == JsonValueKind.Object
        ? _element.EnumerateObject().Select((p, i) => (PayloadValue)new JsonValue(p.Name, p.Value, _positions, JsonTextPositions.Member(_path, i), isItem: false)).ToList()
        : new List<PayloadValue>();

    public override bool Declares(string key) => false;

    public override bool MaySend(string key) => Find(key) is { IsNull: false };

    /// <summary>The last member under the key, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> reads a repeated key.</summary>
    public override PayloadObject? Child(string key)
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        PayloadObject? child = null;
        int index = 0;
        foreach (JsonProperty property in _element.EnumerateObject())
        {
            if (property.NameEquals(key))
            {
                child = property.Value.ValueKind == JsonValueKind.Object ? new JsonPayload(property.Value, _positions, JsonTextPositions.Member(_path, index)) : null;
            }

            index++;
        }

        return child;
    }

    private sealed class JsonValue : PayloadValue
    {
        private const long MillisecondThreshold = 100_000_000_000L;
        private readonly JsonElement _value;
        private readonly JsonTextPositions _positions;
        private readonly string _path;
        private readonly bool _isItem;

        public JsonValue(string key, JsonElement value, JsonTextPositions positions, string path, bool isItem)
            : base(key)
        {
            _value = value;
            _positions = positions;
            _path = path;
            _isItem = isItem;
        }

        /// <summary>A member at its key (the key is what is wrong: unhashed, misspelled, sent where it must not be); an item of an array at the item.</summary>
        public override Location Location => _isItem ? _positions.Value(_path) : _positions.Key(_path);

        public override string? Text => _value.ValueKind == JsonValueKind.String ? _value.GetString() : null;

        public override bool IsNull => _value.ValueKind == JsonValueKind.Null;

        public override int? Count => _value.ValueKind == JsonValueKind.Array ? _value.GetArrayLength() : null;

        public override IEnumerable<PayloadValue> Items => _value.ValueKind == JsonValueKind.Array
            ? _value.EnumerateArray().Select((item, i) => new JsonValue(Key, item, _positions, JsonTextPositions.Member(_path, i), isItem: true))
            : new[] { this };

        public override HashState Hash => _value.ValueKind switch
        {
            JsonValueKind.String => HashedValueRecognizer.IsHexDigest(_value.GetString()!) ? HashState.Hashed : HashState.Raw,
            _ => HashState.Unknown,
        };

        public override EventTimeEvaluator.TimeValue Time =>
            _value.ValueKind != JsonValueKind.Number || !_value.TryGetInt64(out long seconds) ? EventTimeEvaluator.TimeValue.Unknown
            : seconds >= MillisecondThreshold
                ? new EventTimeEvaluator.TimeValue(EventTimeEvaluator.Kind.Milliseconds, 0, $"{seconds} has {seconds.ToString(CultureInfo.InvariantCulture).Length} digits: milliseconds, as JavaScript's Date.now() gives")
                : new EventTimeEvaluator.TimeValue(EventTimeEvaluator.Kind.Absolute, seconds);

        public override IOperation? Operation => null;
    }
}
