using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CapiKit.Pii;
using CapiKit.Pii.Hashing;
using CapiKit.Pii.Rules;

namespace CapiKit.Json;

/// <summary>
/// Helpers for the <c>WriteTo</c> methods CapiKit generates into <c>[ConversionEvent]</c> classes. Public only
/// because generated code in your assembly calls it; not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedEventSupport
{
    /// <summary>What a generated <c>WriteTo</c> passes to its static write callback, so no closure is allocated.</summary>
    public readonly struct State(object owner, NormalizationOptions? options, ICollection<NormalizationError>? rejected)
    {
        /// <summary>The event object.</summary>
        public object Owner { get; } = owner;

        /// <summary>Normalization options.</summary>
        public NormalizationOptions Options { get; } = options ?? NormalizationOptions.Default;

        /// <summary>Where rejected values go, if anywhere.</summary>
        public ICollection<NormalizationError>? Rejected { get; } = rejected;
    }

    /// <summary>Runs <paramref name="write"/> against a per-thread writer over <paramref name="destination"/>.</summary>
    /// <remarks>
    /// With batch hashing on (see <see cref="BatchSha256"/>), the event's hashed values are hashed together once
    /// the rest of the payload is written, instead of one <c>SHA256.HashData</c> call each.
    /// </remarks>
    public static void Write(IBufferWriter<byte> destination, State state, Action<Utf8JsonWriter, State> write)
    {
        if (BatchSha256.IsBatching)
        {
            DeferredHashes.WriteTo(destination, state, write);
        }
        else
        {
            JsonText.WriteTo(destination, state, write);
        }
    }

    /// <summary>
    /// A <see cref="DateTime"/> as an instant: UTC values as they are, local ones converted; unspecified ones are
    /// taken as UTC, because servers store UTC and converting from the server's zone would shift them.
    /// </summary>
    public static DateTimeOffset FromDateTime(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };

    /// <summary>Normalizes, hashes and writes one raw value (as a one-item array for multi-value keys).</summary>
    public static void WriteHashed(Utf8JsonWriter writer, HashedKey key, string? value, bool many, NormalizationOptions options, ICollection<NormalizationError>? rejected)
    {
        ArgumentNullException.ThrowIfNull(key);
        WriteHashed(writer, key.Name, key.Rule, value, many, options, rejected);
    }

    /// <inheritdoc cref="WriteHashed(Utf8JsonWriter, HashedKey, string?, bool, NormalizationOptions, ICollection{NormalizationError}?)"/>
    /// <remarks>Looks the key's rule up on every call; generated code passes a <see cref="HashedKey"/> instead.</remarks>
    public static void WriteHashed(Utf8JsonWriter writer, JsonEncodedText key, string? value, bool many, NormalizationOptions options, ICollection<NormalizationError>? rejected) =>
        WriteHashed(writer, key, PiiNormalizer.HashingRule(key.Value), value, many, options, rejected);

    private static void WriteHashed(Utf8JsonWriter writer, JsonEncodedText key, NormalizationRule? rule, string? value, bool many, NormalizationOptions options, ICollection<NormalizationError>? rejected)
    {
        if (DeferredHashes.For(writer) is { } deferred)
        {
            // ASCII values are normalized straight into the hashing queue; the rest through strings.
            int length = value is null || rule is null ? -1 : PiiNormalizer.TryNormalizeAscii(rule, value, options, deferred.Reserve(value.Length + NormalizationRule.AsciiSlack));
            if (length >= 0)
            {
                deferred.WriteDeferred(writer, key, length, many);
            }
            else if (TryNormalize(key.Value, value, options, rejected, out string? normalized))
            {
                deferred.WriteDeferred(writer, key, normalized, many);
            }

            return;
        }

        if (TryHash(key.Value, value, options, rejected, out Sha256Hash hash))
        {
            WriteHash(writer, key, hash, many);
        }
    }

    /// <summary>Normalizes, hashes and writes several raw values of a multi-value key, each distinct hash once.</summary>
    public static void WriteHashed(Utf8JsonWriter writer, HashedKey key, IEnumerable<string?>? values, NormalizationOptions options, ICollection<NormalizationError>? rejected)
    {
        ArgumentNullException.ThrowIfNull(key);
        WriteHashed(writer, key.Name, values, options, rejected);
    }

    /// <inheritdoc cref="WriteHashed(Utf8JsonWriter, HashedKey, IEnumerable{string?}?, NormalizationOptions, ICollection{NormalizationError}?)"/>
    public static void WriteHashed(Utf8JsonWriter writer, JsonEncodedText key, IEnumerable<string?>? values, NormalizationOptions options, ICollection<NormalizationError>? rejected)
    {
        if (values is null)
        {
            return;
        }

        // Hashed together by HashAll; blank values are skipped without a rejection, as a single blank value is.
        HashedValues hashed = PiiNormalizer.HashAll(key.Value, values.Where(value => !string.IsNullOrWhiteSpace(value)), options);
        if (rejected is not null)
        {
            foreach (NormalizationError error in hashed.Errors)
            {
                rejected.Add(error);
            }
        }

        PayloadWriter.WriteHashes(writer, key, [.. hashed.Hashes]);
    }

    /// <summary>Writes an already computed hash.</summary>
    public static void WriteHash(Utf8JsonWriter writer, JsonEncodedText key, Sha256Hash hash, bool many)
    {
        Span<byte> hex = stackalloc byte[Sha256Hash.HexLength];
        hash.TryFormat(hex, out _);
        if (many)
        {
            writer.WriteStartArray(key);
            writer.WriteStringValue(hex);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString(key, hex);
        }
    }

    /// <summary>Writes already computed hashes, each distinct one once.</summary>
    public static void WriteHashes(Utf8JsonWriter writer, JsonEncodedText key, IEnumerable<Sha256Hash>? hashes)
    {
        if (hashes is not null)
        {
            PayloadWriter.WriteHashes(writer, key, hashes.Distinct().ToList());
        }
    }

    /// <summary>Writes a decimal property, the bytes <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, decimal)"/> writes.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText key, decimal value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[DecimalText.MaxLength];
        if (DecimalText.TryFormat(value, text, out int written))
        {
            writer.WritePropertyName(key);
            writer.WriteRawValue(text[..written], skipInputValidation: true);
        }
        else
        {
            writer.WriteNumber(key, value);
        }
    }

    /// <summary>
    /// Whether a double can be sent as a JSON number and converted to decimal: not NaN, not infinite, within
    /// decimal's range. Generated code leaves other values out rather than throw inside <c>ToServerEvent()</c>.
    /// </summary>
    public static bool IsFinite(double value) => double.IsFinite(value) && Math.Abs(value) < (double)decimal.MaxValue;

    /// <summary>Writes a key Meta wants raw, after checking the format the schema gives it.</summary>
    public static void WriteRaw(Utf8JsonWriter writer, JsonEncodedText key, string format, string? value, ICollection<NormalizationError>? rejected)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (FieldFormats.RawProblem(format, value) is { } problem)
        {
            rejected?.Add(new NormalizationError(key.Value, NormalizationFailure.InvalidFormat, problem));
            return;
        }

        writer.WriteString(key, value);
    }

    // A URL or currency in an event class comes from the customer's request or a form (a Referer, a currency
    // field), not from code: one that cannot be used is left out and listed as rejected, like a bad e-mail.

    /// <summary>Writes an absolute http(s) URL; anything else is left out and added to <paramref name="rejected"/>.</summary>
    public static void WriteUrl(Utf8JsonWriter writer, JsonEncodedText key, string value, ICollection<NormalizationError>? rejected)
    {
        if (FieldFormats.IsUrl(value))
        {
            writer.WriteString(key, value);
        }
        else
        {
            rejected?.Add(new NormalizationError(key.Value, NormalizationFailure.InvalidFormat, FieldFormats.UrlProblem));
        }
    }

    /// <summary>Writes an ISO 4217 currency code, upper-cased; anything else is left out and added to <paramref name="rejected"/>.</summary>
    public static void WriteCurrency(Utf8JsonWriter writer, JsonEncodedText key, string value, ICollection<NormalizationError>? rejected)
    {
        if (FieldFormats.AsCurrency(value) is { } code)
        {
            writer.WriteString(key, code);
        }
        else
        {
            rejected?.Add(new NormalizationError(key.Value, NormalizationFailure.InvalidFormat, FieldFormats.CurrencyProblem));
        }
    }

    /// <summary>The URL when it is an absolute http(s) one; otherwise null, with the reason in the event's rejected values.</summary>
    public static string? Url(string key, string? value, UserData userData)
    {
        if (value is null || FieldFormats.IsUrl(value))
        {
            return value;
        }

        userData.Reject(new NormalizationError(key, NormalizationFailure.InvalidFormat, FieldFormats.UrlProblem));
        return null;
    }

    /// <summary>The upper-case ISO 4217 code; otherwise null, with the reason in the event's rejected values.</summary>
    public static string? Currency(string key, string? value, UserData userData)
    {
        if (value is null)
        {
            return null;
        }

        if (FieldFormats.AsCurrency(value) is { } code)
        {
            return code;
        }

        userData.Reject(new NormalizationError(key, NormalizationFailure.InvalidFormat, FieldFormats.CurrencyProblem));
        return null;
    }

    /// <summary>
    /// Writes a string array; nothing when no value is left, as the builders' setters do, so that both generated
    /// paths write the same bytes for an empty collection.
    /// </summary>
    public static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText key, IEnumerable<string?> values)
    {
        bool started = false;
        foreach (string? value in values)
        {
            if (value is not null)
            {
                if (!started)
                {
                    writer.WriteStartArray(key);
                    started = true;
                }

                writer.WriteStringValue(value);
            }
        }

        if (started)
        {
            writer.WriteEndArray();
        }
    }

    /// <summary>Writes an array of <c>contents</c> items.</summary>
    public static void WriteObjects(Utf8JsonWriter writer, JsonEncodedText key, IEnumerable<Content> items)
    {
        writer.WriteStartArray(key);
        if (items is IReadOnlyList<Content> list)
        {
            // By index: foreach over the interface would box the list's enumerator on every event.
            for (int i = 0; i < list.Count; i++)
            {
                list[i].WriteTo(writer);
            }
        }
        else
        {
            foreach (Content item in items)
            {
                item.WriteTo(writer);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a nested payload object.</summary>
    public static void WriteObject(Utf8JsonWriter writer, JsonEncodedText key, AppData value) => WriteNested(writer, key, value.WriteTo);

    /// <inheritdoc cref="WriteObject(Utf8JsonWriter, JsonEncodedText, AppData)"/>
    public static void WriteObject(Utf8JsonWriter writer, JsonEncodedText key, OriginalEventData value) => WriteNested(writer, key, value.WriteTo);

    /// <inheritdoc cref="WriteObject(Utf8JsonWriter, JsonEncodedText, AppData)"/>
    public static void WriteObject(Utf8JsonWriter writer, JsonEncodedText key, AttributionData value) => WriteNested(writer, key, value.WriteTo);

    private static void WriteNested(Utf8JsonWriter writer, JsonEncodedText key, Action<Utf8JsonWriter> write)
    {
        writer.WritePropertyName(key);
        write(writer);
    }

    private static bool TryNormalize(string key, string? value, NormalizationOptions options, ICollection<NormalizationError>? rejected, [NotNullWhen(true)] out string? normalized)
    {
        normalized = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        NormalizationResult result = PiiNormalizer.NormalizeByRules(key, value, options);
        normalized = result.Value;
        if (normalized is not null)
        {
            return true;
        }

        rejected?.Add(result.Error!);
        return false;
    }

    private static bool TryHash(string key, string? value, NormalizationOptions options, ICollection<NormalizationError>? rejected, out Sha256Hash hash)
    {
        hash = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        NormalizationResult result = PiiNormalizer.Normalize(key, value, options);
        if (result.TryComputeHash(out hash))
        {
            return true;
        }

        rejected?.Add(result.Error!);
        return false;
    }
}
