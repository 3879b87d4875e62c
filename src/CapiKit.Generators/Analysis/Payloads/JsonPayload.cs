using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>
/// A payload object written as JSON in a string literal. Every value is located at the literal, which has no finer
/// location to fix, and a JSON null is a key not sent, as Meta and the pre-flight read it.
/// </summary>
internal sealed class JsonPayload : PayloadObject
{
    private readonly JsonElement _element;
    private readonly Location _location;
    private IReadOnlyList<PayloadValue>? _values;

    public JsonPayload(JsonElement element, Location location)
    {
        _element = element;
        _location = location;
    }

    public override Location Location => _location;

    public override ContainerStyle Style => ContainerStyle.Other;

    public override IReadOnlyList<PayloadValue> Values => _values ??= _element.ValueKind == JsonValueKind.Object
        ? _element.EnumerateObject().Select(p => (PayloadValue)new JsonValue(p.Name, p.Value, _location)).ToList()
        : new List<PayloadValue>();

    public override bool Declares(string key) => false;

    public override bool MaySend(string key) => Find(key) is { IsNull: false };

    public override PayloadObject? Child(string key) =>
        _element.ValueKind == JsonValueKind.Object && _element.TryGetProperty(key, out JsonElement child) && child.ValueKind == JsonValueKind.Object
            ? new JsonPayload(child, _location)
            : null;

    private sealed class JsonValue : PayloadValue
    {
        private const long MillisecondThreshold = 100_000_000_000L;
        private readonly JsonElement _value;
        private readonly Location _location;

        public JsonValue(string key, JsonElement value, Location location)
            : base(key)
        {
            _value = value;
            _location = location;
        }

        public override Location Location => _location;

        public override string? Text => _value.ValueKind == JsonValueKind.String ? _value.GetString() : null;

        public override bool IsNull => _value.ValueKind == JsonValueKind.Null;

        public override int? Count => _value.ValueKind == JsonValueKind.Array ? _value.GetArrayLength() : null;

        public override IEnumerable<PayloadValue> Items => _value.ValueKind == JsonValueKind.Array
            ? _value.EnumerateArray().Select(item => new JsonValue(Key, item, _location))
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
