using System.Text.Json;

namespace CapiKit.Pii.Hashing;

/// <summary>Writing a key's hashes as Meta's hex strings, straight from the store.</summary>
internal partial struct HashedValueStore
{
    /// <summary>
    /// Writes <paramref name="key"/>'s hashes as hex (an array when <paramref name="many"/>), taking the normalized
    /// values' digests from <paramref name="pending"/> (<see cref="PendingCount"/> of them, in entry order).
    /// Writes nothing when the key holds no value.
    /// </summary>
    public readonly void Write(Utf8JsonWriter writer, JsonEncodedText name, int key, bool many, ReadOnlySpan<Sha256Hash> pending)
    {
        if ((_keys & (1UL << key)) == 0)
        {
            return;
        }

        if (!writer.Options.Indented && TryWriteRaw(writer, name, key, many, pending))
        {
            return;
        }

        Span<byte> hex = stackalloc byte[Sha256Hash.HexLength];
        bool started = false;
        int ordinal = 0;
        for (int at = 0; at < _length; at = Next(at))
        {
            bool normalized = KindAt(at) == NormalizedKind;
            if (KeyAt(at) == key)
            {
                (normalized ? pending[ordinal] : HashAt(at)).TryFormat(hex, out _);
                if (!many)
                {
                    writer.WriteString(name, hex);
                    return;
                }

                if (!started)
                {
                    writer.WriteStartArray(name);
                    started = true;
                }

                writer.WriteStringValue(hex);
            }

            ordinal += normalized ? 1 : 0;
        }

        if (started)
        {
            writer.WriteEndArray();
        }
    }

    /// <summary>
    /// Writes the key's value as one raw run (<c>"hex"</c> or <c>["hex","hex"]</c>): the bytes the writer makes of
    /// each string in unindented output (hex digits are never escaped), at a fraction of its cost per token (three
    /// tokens of about 25 ns each per one-value array). False, with nothing written, beyond eight values.
    /// </summary>
    private readonly bool TryWriteRaw(Utf8JsonWriter writer, JsonEncodedText name, int key, bool many, ReadOnlySpan<Sha256Hash> pending)
    {
        const int MaxValues = 8;
        const int Quoted = Sha256Hash.HexLength + 2;
        Span<byte> json = stackalloc byte[2 + (MaxValues * (Quoted + 1))];
        int length = 0;
        int count = 0;
        int ordinal = 0;
        if (many)
        {
            json[length++] = (byte)'[';
        }

        for (int at = 0; at < _length && (many || count == 0); at = Next(at))
        {
            bool normalized = KindAt(at) == NormalizedKind;
            if (KeyAt(at) == key)
            {
                if (count == MaxValues)
                {
                    return false;
                }

                if (count++ > 0)
                {
                    json[length++] = (byte)',';
                }

                json[length] = (byte)'"';
                (normalized ? pending[ordinal] : HashAt(at)).TryFormat(json[(length + 1)..], out _);
                json[length + Quoted - 1] = (byte)'"';
                length += Quoted;
            }

            ordinal += normalized ? 1 : 0;
        }

        if (many)
        {
            json[length++] = (byte)']';
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(json[..length], skipInputValidation: true);
        return true;
    }
}
