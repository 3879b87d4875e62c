namespace CapiKit.Pii;

/// <summary>The distinct hashes of a multi-value <c>user_data</c> key, and why any value was rejected.</summary>
/// <param name="Field">The payload key.</param>
/// <param name="Hashes">Distinct hashes in first-seen order.</param>
/// <param name="Errors">One error per rejected value, in input order.</param>
public sealed record HashedValues(string Field, IReadOnlyList<Sha256Hash> Hashes, IReadOnlyList<NormalizationError> Errors)
{
    /// <summary>Whether every value was normalized.</summary>
    public bool AllSucceeded => Errors.Count == 0;
}
