namespace CapiKit.Pii.Hashing;

/// <summary>How <see cref="BatchSha256"/> hashes values that fit one block on this process.</summary>
internal enum Sha256BatchPath
{
    /// <summary>One value at a time through <c>SHA256.HashData</c>: no vector hardware, or batching switched off.</summary>
    Platform,

    /// <summary>Eight values at a time in <see cref="System.Runtime.Intrinsics.Vector256{T}"/> lanes (AVX2).</summary>
    Vector256,

    /// <summary>Sixteen values at a time in <see cref="System.Runtime.Intrinsics.Vector512{T}"/> lanes (AVX-512).</summary>
    Vector512,
}
