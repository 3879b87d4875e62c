using System.Diagnostics.CodeAnalysis;
using CapiKit.Pii.Hashing;
using CapiKit.Pii.Rules;
using CapiKit.Pii.Text;
using CapiKit.Schema;

namespace CapiKit.Pii;

/// <summary>
/// Normalizes and SHA-256-hashes customer information the way Meta's Conversions API documents it, key by key,
/// with the rule the parameter schema names for each key. Bad input is a result, never an exception, and no
/// result or message contains the raw value.
/// </summary>
public static class PiiNormalizer
{
    // Values up to this many characters try the ASCII fast path in a stack buffer.
    private const int AsciiStackLimit = 256;

    /// <summary>Every <c>user_data</c> key of the parameter schema, hashed or not, in schema order.</summary>
    public static IReadOnlyList<UserDataKey> Keys => BuiltInSchema.Instance.UserDataKeys;

    /// <summary>Finds a <c>user_data</c> key by its payload name (<c>em</c>, <c>ph</c>, ...).</summary>
    public static bool TryGetKey(string field, [NotNullWhen(true)] out UserDataKey? key) =>
        BuiltInSchema.Instance.UserData.TryGetValue(field, out key);

    /// <summary>Normalizes <paramref name="value"/> for the hashed <c>user_data</c> key <paramref name="field"/>.</summary>
    /// <param name="field">The payload key: <c>em</c>, <c>ph</c>, <c>fn</c>, <c>ln</c>, <c>db</c>, <c>ge</c>, <c>ct</c>, <c>st</c>, <c>zp</c>, <c>country</c>, <c>external_id</c>, ...</param>
    /// <param name="value">The raw value as the customer or a system wrote it.</param>
    /// <param name="options">Default phone region, date order and clock; <see cref="NormalizationOptions.Default"/> when null.</param>
    public static NormalizationResult Normalize(string field, string? value, NormalizationOptions? options = null) =>
        Normalize(field, value, options, asciiFastPath: true);

    /// <summary>
    /// <see cref="Normalize(string, string?, NormalizationOptions?)"/> without the ASCII fast path: every value
    /// through its rule's full steps. What callers that have just tried the fast path themselves fall back to, and
    /// the reference the fast-path tests compare against.
    /// </summary>
    internal static NormalizationResult NormalizeByRules(string field, string? value, NormalizationOptions? options = null) =>
        Normalize(field, value, options, asciiFastPath: false);

    private static NormalizationResult Normalize(string field, string? value, NormalizationOptions? options, bool asciiFastPath)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!BuiltInSchema.Instance.UserData.TryGetValue(field, out UserDataKey? key))
        {
            return NormalizationResult.Failure(field, NormalizationFailure.UnknownField, "not a user_data key of Meta's Conversions API");
        }

        if (key.Normalization is null)
        {
            return NormalizationResult.Failure(field, NormalizationFailure.NotHashed, "Meta needs this key unhashed and cannot match a hashed value");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return NormalizationResult.Failure(field, NormalizationFailure.Empty, "the value is empty");
        }

        if (!PiiText.IsWellFormed(value))
        {
            return NormalizationResult.Failure(field, NormalizationFailure.MalformedText, "the value is not well-formed Unicode text");
        }

        NormalizationRule rule = NormalizationRules.Find(key.Normalization)
            ?? throw new InvalidOperationException($"The schema names the normalization '{key.Normalization}', which CapiKit does not implement.");
        if (value.Length > rule.MaxInputLength)
        {
            return NormalizationResult.Failure(field, NormalizationFailure.InvalidFormat, $"a value of this key has at most {rule.MaxInputLength} characters");
        }

        NormalizationOptions resolved = options ?? NormalizationOptions.Default;
        if (asciiFastPath && value.Length <= AsciiStackLimit)
        {
            // Most values are ASCII and settled by the rule's fast path, whose bytes are exactly what Apply gives
            // (the fast-path tests compare the two through NormalizeByRules); ASCII text is already NFC.
            Span<byte> ascii = stackalloc byte[value.Length + NormalizationRule.AsciiSlack];
            int length = TryNormalizeAscii(rule, value, resolved, ascii);
            if (length >= 0)
            {
                return NormalizationResult.Success(field, System.Text.Encoding.ASCII.GetString(ascii[..length]));
            }
        }

        RuleOutcome outcome = rule.Apply(value, resolved);

        // Rules remove characters, and a removal can leave a combining mark beside a letter it composes with
        // ("e7\u0301" becomes "e\u0301"). Composing last keeps every output NFC and normalizing it again a no-op.
        return outcome.Value is not null
            ? NormalizationResult.Success(field, UnicodeNormalization.ToNfc(outcome.Value))
            : NormalizationResult.Failure(field, outcome.Failure, outcome.Message!);
    }

    /// <summary>
    /// The allocation-free path of <see cref="Normalize(string, string?, NormalizationOptions?)"/> for all-ASCII values (the common case): writes the
    /// normalized value's UTF-8 bytes into <paramref name="destination"/> and returns their count, or returns -1
    /// when <see cref="Normalize(string, string?, NormalizationOptions?)"/> must decide (non-ASCII or blank text, an unknown or unhashed key, a rule with
    /// no fast path, a value the fast path does not settle, any rejection). A count means the bytes are exactly
    /// those of <see cref="Normalize(string, string?, NormalizationOptions?)"/>'s value.
    /// </summary>
    /// <param name="field">The payload key.</param>
    /// <param name="value">The raw value.</param>
    /// <param name="options">Normalization options.</param>
    /// <param name="destination">At least <c>value.Length + </c><see cref="NormalizationRule.AsciiSlack"/> bytes, or -1 is returned.</param>
    internal static int TryNormalizeAscii(string field, ReadOnlySpan<char> value, NormalizationOptions options, Span<byte> destination) =>
        HashingRule(field) is { } rule ? TryNormalizeAscii(rule, value, options, destination) : -1;

    /// <summary>The rule that normalizes a hashed key's values, or null when the key is unknown or not hashed.</summary>
    /// <remarks>Resolved once by callers that write the same key many times (generated event classes).</remarks>
    internal static NormalizationRule? HashingRule(string field) =>
        BuiltInSchema.Instance.UserData.TryGetValue(field, out UserDataKey? key) && key.Normalization is not null
            ? NormalizationRules.Find(key.Normalization)
            : null;

    /// <summary>As <see cref="TryNormalizeAscii(string, ReadOnlySpan{char}, NormalizationOptions, Span{byte})"/> with the key's rule already resolved.</summary>
    internal static int TryNormalizeAscii(NormalizationRule rule, ReadOnlySpan<char> value, NormalizationOptions options, Span<byte> destination)
    {
        if (value.Length > rule.MaxInputLength
            || destination.Length < value.Length + NormalizationRule.AsciiSlack
            || value.ContainsAnyExceptInRange('\0', '\u007F')
            || value.IsWhiteSpace())
        {
            return -1;
        }

        return rule.TryApplyAscii(value, options, destination);
    }

    /// <summary>
    /// Normalizes and hashes one value into the 64 lower-case hex digits Meta expects, for payloads built by hand
    /// (dictionaries, anonymous objects, JSON nodes). Returns null when the value is empty or cannot be normalized,
    /// so serializers that skip nulls leave the key out instead of sending a hash that matches nobody.
    /// </summary>
    /// <param name="field">The payload key: <c>em</c>, <c>ph</c>, ...</param>
    /// <param name="value">The raw value.</param>
    /// <param name="options">Default phone region, date order and clock; <see cref="NormalizationOptions.Default"/> when null.</param>
    public static string? NormalizeAndHash(string field, string? value, NormalizationOptions? options = null) =>
        Normalize(field, value, options).TryComputeHash(out Sha256Hash hash) ? hash.ToString() : null;

    /// <summary>
    /// Normalizes and hashes every value of a multi-value key. Values that fail are reported; equal hashes
    /// (<c>"A@x.com"</c> and <c>"a@x.com "</c>) are kept once, in first-seen order.
    /// </summary>
    /// <remarks>The values are hashed together, 16 or 8 at a time on AVX-512 or AVX2 hardware.</remarks>
    public static HashedValues HashAll(string field, IEnumerable<string?> values, NormalizationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(values);
        NormalizationOptions resolved = options ?? NormalizationOptions.Default;
        NormalizationRule? rule = HashingRule(field);
        List<NormalizationError> errors = [];

        // Normalized values are queued and hashed together (16 or 8 at a time where the hardware allows).
        Sha256Queue queue = t_queue ?? new Sha256Queue();
        t_queue = null;
        try
        {
            foreach (string? value in values)
            {
                int length = value is null || rule is null ? -1 : TryNormalizeAscii(rule, value, resolved, queue.Reserve(value.Length + NormalizationRule.AsciiSlack));
                if (length >= 0)
                {
                    queue.Commit(length);
                    continue;
                }

                NormalizationResult result = NormalizeByRules(field, value, resolved);
                if (result.Value is { } normalized)
                {
                    queue.Add(normalized);
                }
                else
                {
                    errors.Add(result.Error!);
                }
            }

            queue.HashAll();
            List<Sha256Hash> hashes = new(queue.Count);
            HashSet<Sha256Hash> seen = [];
            for (int i = 0; i < queue.Count; i++)
            {
                if (seen.Add(queue[i]))
                {
                    hashes.Add(queue[i]);
                }
            }

            return new HashedValues(field, hashes, errors);
        }
        finally
        {
            queue.Clear();
            t_queue = queue;
        }
    }

    // One queue per thread for HashAll, reused: it keeps the buffers it has grown.
    [ThreadStatic]
    private static Sha256Queue? t_queue;
}
