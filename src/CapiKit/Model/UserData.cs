using System.Diagnostics;
using CapiKit.Json;
using CapiKit.Pii;
using CapiKit.Pii.Hashing;
using CapiKit.Pii.Rules;

namespace CapiKit;

[DebuggerDisplay("{ToString(),nq}")]
public sealed partial class UserData
{
    // Room for every hashed key of the schema (18 today); a key beyond it looks its rule up each time.
    private static readonly NormalizationRule?[] RulesByKey = new NormalizationRule?[32];

    private List<NormalizationError>? _rejected;

    // Normalized personal data until written: never shown by the debugger (nor by ToString).
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private HashedValueStore _hashed;

    /// <summary>Creates empty customer information that normalizes with <paramref name="options"/>.</summary>
    /// <param name="options">Default phone region, date order and clock; <see cref="NormalizationOptions.Default"/> when null.</param>
    public UserData(NormalizationOptions? options = null) => Options = options ?? NormalizationOptions.Default;

    /// <summary>How raw values are normalized before hashing.</summary>
    public NormalizationOptions Options { get; }

    /// <summary>The values that were dropped because they could not be normalized or had the wrong format, with why.</summary>
    public IReadOnlyList<NormalizationError> Rejected => (IReadOnlyList<NormalizationError>?)_rejected ?? [];

    /// <summary>The number of normalized values whose hash is computed when the payload is written.</summary>
    internal int PendingHashCount => _hashed.PendingCount;

    /// <summary>Whether a getter has already computed the pending values' digests (then nothing is left to batch).</summary>
    internal bool HasComputedHashes => _hashed.ComputedDigests is not null;

    /// <summary>Describes the object without revealing any value.</summary>
    public override string ToString() => $"UserData ({Rejected.Count} rejected values)";

    /// <summary>Queues the pending values, in the order <see cref="PendingDigests"/> hands their digests back.</summary>
    internal void QueuePendingHashes(Sha256Queue queue) => _hashed.QueueTo(queue);

    partial void OnCloned(UserData copy) => copy._hashed = _hashed.Clone();

    /// <summary>
    /// The digests of the pending values for writing: those a getter computed, else those the request being
    /// written hashed in its batch, else this object's own values hashed together now.
    /// </summary>
    private ReadOnlySpan<Sha256Hash> PendingDigests() =>
        _hashed.PendingCount == 0 ? default
        : _hashed.ComputedDigests is { } computed ? computed
        : RequestHashes.TryTake(this, out ReadOnlySpan<Sha256Hash> batched) ? batched
        : _hashed.HashPending();

    private UserData AddHashed(int key, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Keep(key, field, value);
        }

        return this;
    }

    private UserData AddHash(int key, Sha256Hash hash)
    {
        _hashed.AddDigest(key, hash);
        return this;
    }

    private UserData SetHashed(int key, string field, string? value)
    {
        _hashed.Clear(key);
        return AddHashed(key, field, value);
    }

    private UserData SetHash(int key, Sha256Hash hash)
    {
        _hashed.Clear(key);
        return AddHash(key, hash);
    }

    /// <summary>Normalizes a raw value and keeps it for hashing, or records why it cannot be used.</summary>
    private void Keep(int key, string field, string value)
    {
        const int StackLimit = 256;
        if (value.Length <= StackLimit - Pii.Rules.NormalizationRule.AsciiSlack)
        {
            // The ASCII rules settle most values on the stack, without a string.
            Span<byte> normalized = stackalloc byte[StackLimit];
            int length = RuleOf(key, field) is { } rule ? PiiNormalizer.TryNormalizeAscii(rule, value, Options, normalized) : -1;
            if (length >= 0)
            {
                _hashed.AddNormalized(key, normalized[..length]);
                return;
            }
        }

        NormalizationResult result = PiiNormalizer.NormalizeByRules(field, value, Options);
        if (result.Value is not { } text)
        {
            Reject(result.Error!);
            return;
        }

        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        _hashed.AddNormalized(key, utf8);
    }

    /// <summary>The rule of a hashed key, by the key's index, resolved on first use instead of by two lookups per value.</summary>
    private static NormalizationRule? RuleOf(int key, string field)
    {
        if ((uint)key >= (uint)RulesByKey.Length)
        {
            return PiiNormalizer.HashingRule(field);
        }

        // A race only resolves the same rule twice.
        return RulesByKey[key] ??= PiiNormalizer.HashingRule(field);
    }

    /// <summary>A raw key's value as given, or null (and a rejection) when it lacks the schema's format.</summary>
    private string? CheckRaw(string field, string format, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string? problem = FieldFormats.RawProblem(format, value);
        if (problem is null)
        {
            return value;
        }

        Reject(new NormalizationError(field, NormalizationFailure.InvalidFormat, problem));
        return null;
    }

    /// <summary>Records a value left out of the event (a customer-derived URL or currency that cannot be used, too).</summary>
    internal UserData Reject(NormalizationError error)
    {
        (_rejected ??= []).Add(error);
        return this;
    }
}
