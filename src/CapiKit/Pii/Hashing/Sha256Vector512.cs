using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CapiKit.Pii.Hashing;

/// <summary>
/// SHA-256 of sixteen one-block messages at once, one message per 32-bit lane of a <see cref="Vector512{T}"/>.
/// Short values cost SHA256.HashData far more in per-call setup (OpenSSL's) than in hashing; sixteen
/// compressions side by side spread one instruction stream over sixteen values.
/// </summary>
internal static class Sha256Vector512
{
    /// <summary>Messages per compression.</summary>
    public const int Lanes = 16;

    /// <summary>Whether the hardware runs 512-bit vectors natively (AVX-512 on x64).</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    /// <summary>
    /// Compresses one padded block per lane from the initial state. <paramref name="words"/> holds the 16
    /// big-endian message words of each lane, transposed: word <c>t</c> of lane <c>j</c> at <c>t * 16 + j</c>.
    /// <paramref name="state"/> receives the 8 digest words the same way: word <c>i</c> of lane <c>j</c> at <c>i * 16 + j</c>.
    /// </summary>
    public static void Compress(ReadOnlySpan<uint> words, Span<uint> state)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(words.Length, 16 * Lanes);
        ArgumentOutOfRangeException.ThrowIfLessThan(state.Length, 8 * Lanes);
        ReadOnlySpan<uint> k = Sha256Constants.RoundConstants;
        ReadOnlySpan<uint> initial = Sha256Constants.InitialState;
        ref uint source = ref MemoryMarshal.GetReference(words);

        // The schedule is a ring of the last 16 words: W[t] only ever reads W[t-2], W[t-7], W[t-15], W[t-16].
        Span<Vector512<uint>> w = stackalloc Vector512<uint>[16];
        Vector512<uint> a = Vector512.Create(initial[0]);
        Vector512<uint> b = Vector512.Create(initial[1]);
        Vector512<uint> c = Vector512.Create(initial[2]);
        Vector512<uint> d = Vector512.Create(initial[3]);
        Vector512<uint> e = Vector512.Create(initial[4]);
        Vector512<uint> f = Vector512.Create(initial[5]);
        Vector512<uint> g = Vector512.Create(initial[6]);
        Vector512<uint> h = Vector512.Create(initial[7]);

        for (int t = 0; t < 64; t++)
        {
            Vector512<uint> wt;
            if (t < 16)
            {
                wt = Vector512.LoadUnsafe(ref source, (nuint)(t * Lanes));
            }
            else
            {
                Vector512<uint> w2 = w[(t - 2) & 15];
                Vector512<uint> w15 = w[(t - 15) & 15];
                Vector512<uint> s1 = Xor3(Rotr(w2, 17), Rotr(w2, 19), Vector512.ShiftRightLogical(w2, 10));
                Vector512<uint> s0 = Xor3(Rotr(w15, 7), Rotr(w15, 18), Vector512.ShiftRightLogical(w15, 3));
                wt = s1 + w[(t - 7) & 15] + s0 + w[t & 15];
            }

            w[t & 15] = wt;
            Vector512<uint> t1 = h + Xor3(Rotr(e, 6), Rotr(e, 11), Rotr(e, 25)) + Choose(e, f, g) + Vector512.Create(k[t]) + wt;
            Vector512<uint> t2 = Xor3(Rotr(a, 2), Rotr(a, 13), Rotr(a, 22)) + Majority(a, b, c);
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        ref uint target = ref MemoryMarshal.GetReference(state);
        (a + Vector512.Create(initial[0])).StoreUnsafe(ref target, 0 * Lanes);
        (b + Vector512.Create(initial[1])).StoreUnsafe(ref target, 1 * Lanes);
        (c + Vector512.Create(initial[2])).StoreUnsafe(ref target, 2 * Lanes);
        (d + Vector512.Create(initial[3])).StoreUnsafe(ref target, 3 * Lanes);
        (e + Vector512.Create(initial[4])).StoreUnsafe(ref target, 4 * Lanes);
        (f + Vector512.Create(initial[5])).StoreUnsafe(ref target, 5 * Lanes);
        (g + Vector512.Create(initial[6])).StoreUnsafe(ref target, 6 * Lanes);
        (h + Vector512.Create(initial[7])).StoreUnsafe(ref target, 7 * Lanes);
    }

    // AVX-512 rotates and three-input logic (vprord, vpternlogd) are single instructions; the portable forms
    // keep the kernel correct on any other hardware that accelerates 512-bit vectors.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Rotr(Vector512<uint> x, [ConstantExpected] byte n) =>
        Avx512F.IsSupported
            ? Avx512F.RotateRight(x, n)
            : Vector512.ShiftRightLogical(x, n) | Vector512.ShiftLeft(x, 32 - n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Xor3(Vector512<uint> x, Vector512<uint> y, Vector512<uint> z) =>
        Avx512F.IsSupported ? Avx512F.TernaryLogic(x, y, z, 0x96) : x ^ y ^ z;

    // Ch(e, f, g) = (e AND f) XOR (NOT e AND g): bitwise "e ? f : g".
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Choose(Vector512<uint> e, Vector512<uint> f, Vector512<uint> g) =>
        Avx512F.IsSupported ? Avx512F.TernaryLogic(e, f, g, 0xCA) : Vector512.ConditionalSelect(e, f, g);

    // Maj(a, b, c): each bit is the majority of the three.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Majority(Vector512<uint> a, Vector512<uint> b, Vector512<uint> c) =>
        Avx512F.IsSupported ? Avx512F.TernaryLogic(a, b, c, 0xE8) : (a & b) | (c & (a | b));
}
