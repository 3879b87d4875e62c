namespace CapiKit.Pii;

/// <summary>
/// The outcome of normalizing one value: the normalized text, or the reason it was rejected.
/// </summary>
/// <remarks>
/// A normalized value is still personal data (a lower-cased e-mail is an e-mail), so
/// <see cref="ToString"/> never shows it; read <see cref="Value"/> deliberately, or hash it.
/// </remarks>
public readonly struct NormalizationResult : IEquatable<NormalizationResult>
{
    private NormalizationResult(string field, string? value, NormalizationError? error)
    {
        Field = field;
        Value = value;
        Error = error;
    }

    /// <summary>The payload key the value was normalized for.</summary>
    public string Field { get; }

    /// <summary>The normalized value, or <see langword="null"/> when normalization failed. This is personal data.</summary>
    public string? Value { get; }

    /// <summary>Why normalization failed, or <see langword="null"/> when it succeeded.</summary>
    public NormalizationError? Error { get; }

    /// <summary>Whether the value was normalized.</summary>
    public bool Succeeded => Error is null && Value is not null;

    internal static NormalizationResult Success(string field, string value) => new(field, value, null);

    internal static NormalizationResult Failure(string field, NormalizationFailure reason, string message) =>
        new(field, null, new NormalizationError(field, reason, message));

    /// <summary>Hashes the normalized value with SHA-256.</summary>
    /// <exception cref="InvalidOperationException">Normalization failed; the message names the key and the reason only.</exception>
    public Sha256Hash ComputeHash() =>
        Value is not null
            ? Sha256Hash.Compute(Value)
            : throw new InvalidOperationException($"Cannot hash a value that failed normalization ({Error}).");

    /// <summary>Hashes the normalized value with SHA-256, or returns false when normalization failed.</summary>
    public bool TryComputeHash(out Sha256Hash hash)
    {
        if (Value is null)
        {
            hash = default;
            return false;
        }

        hash = Sha256Hash.Compute(Value);
        return true;
    }

    /// <summary>Describes the result without revealing the value.</summary>
    public override string ToString() => Succeeded ? $"{Field}: normalized (value withheld)" : $"{Error}";

    /// <inheritdoc/>
    public bool Equals(NormalizationResult other) =>
        Field == other.Field && Value == other.Value && Equals(Error, other.Error);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NormalizationResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Field, Value, Error);

    /// <summary>Compares two results.</summary>
    public static bool operator ==(NormalizationResult left, NormalizationResult right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    public static bool operator !=(NormalizationResult left, NormalizationResult right) => !left.Equals(right);
}
