using CapiKit.Pii;

namespace CapiKit;

public sealed partial class UserData
{
    private List<NormalizationError>? _rejected;

    /// <summary>Creates empty customer information that normalizes with <paramref name="options"/>.</summary>
    /// <param name="options">Default phone region, date order and clock; <see cref="NormalizationOptions.Default"/> when null.</param>
    public UserData(NormalizationOptions? options = null) => Options = options ?? NormalizationOptions.Default;

    /// <summary>How raw values are normalized before hashing.</summary>
    public NormalizationOptions Options { get; }

    /// <summary>The values that were dropped because they could not be normalized or had the wrong format, with why.</summary>
    public IReadOnlyList<NormalizationError> Rejected => (IReadOnlyList<NormalizationError>?)_rejected ?? [];

    /// <summary>Describes the object without revealing any value.</summary>
    public override string ToString() => $"UserData ({Rejected.Count} rejected values)";

    private UserData AddHashed(ref List<Sha256Hash>? hashes, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return this;
        }

        if (TryHashAscii(field, value, out Sha256Hash ascii))
        {
            return AddHash(ref hashes, ascii);
        }

        NormalizationResult result = PiiNormalizer.Normalize(field, value, Options);
        return result.TryComputeHash(out Sha256Hash hash) ? AddHash(ref hashes, hash) : Reject(result.Error!);
    }

    private UserData AddHash(ref List<Sha256Hash>? hashes, Sha256Hash hash)
    {
        hashes ??= new List<Sha256Hash>(1);
        if (!hashes.Contains(hash))
        {
            hashes.Add(hash);
        }

        return this;
    }

    private UserData SetHashed(ref Sha256Hash? target, string field, string? value)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return this;
        }

        if (TryHashAscii(field, value, out Sha256Hash ascii))
        {
            target = ascii;
            return this;
        }

        NormalizationResult result = PiiNormalizer.Normalize(field, value, Options);
        if (result.TryComputeHash(out Sha256Hash hash))
        {
            target = hash;
            return this;
        }

        return Reject(result.Error!);
    }

    /// <summary>Normalizes an ASCII value on the stack and hashes it, when the key's rule settles it without a string.</summary>
    private bool TryHashAscii(string field, string value, out Sha256Hash hash)
    {
        const int StackLimit = 256;
        hash = default;
        if (value.Length > StackLimit - Pii.Rules.NormalizationRule.AsciiSlack)
        {
            return false;
        }

        Span<byte> normalized = stackalloc byte[StackLimit];
        int length = PiiNormalizer.TryNormalizeAscii(field, value, Options, normalized);
        if (length < 0)
        {
            return false;
        }

        hash = Sha256Hash.Compute(normalized[..length]);
        return true;
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
