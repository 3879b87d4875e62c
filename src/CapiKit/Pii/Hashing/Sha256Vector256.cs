using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CapiKit.Pii.Hashing;

/// <summary>
/// SHA-256 of eight one-block messages at once, one message per 32-bit lane of a <see cref="Vector256{T}"/>.
/// Short values cost SHA256.HashData far more in per-call setup (OpenSSL's) than in hashing; eight
/// compressions side by side spread one instruction stream over eight values.
/// </summary>
internal static class Sha256Vector256
{
    /// <summary>Messages per compression.</summary>
    public const int Lanes = 8;

    /// <summary>Whether the hardware runs 256-bit integer vectors natively (AVX2 on x64).</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>
    /// Compresses one padded block per lane from the initial state. <paramref name="words"/> holds the 16
    /// big-endian message words of each lane, transposed: word <c>t</c> of lane <c>j</c> at <c>t * 8 + j</c>.
    /// <paramref name="state"/> receives the 8 digest words the same way: word <c>i</c> of lane <c>j</c> at <c>i * 8 + j</c>.
    /// </summary>
    public static void Compress(ReadOnlySpan<uint> words, Span<uint> state)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(words.Length, 16 * Lanes);
        ArgumentOutOfRangeException.ThrowIfLessThan(state.Length, 8 * Lanes);
        ReadOnlySpan<uint> k = Sha256Constants.RoundConstants;
        ReadOnlySpan<uint> initial = Sha256Constants.InitialState;
        ref uint source = ref MemoryMarshal.GetReference(words);

        // The schedule is a ring of the last 16 words: W[t] only ever reads W[t-2], W[t-7], W[t-15], W[t-16].
        Span<Vector256<uint>> w = stackalloc Vector256<uint>[16];
        Vector256<uint> a = Vector256.Create(initial[0]);
        Vector256<uint> b = Vector256.Create(initial[1]);
        Vector256<uint> c = Vector256.Create(initial[2]);
        Vector256<uint> d = Vector256.Create(initial[3]);
        Vector256<uint> e = Vector256.Create(initial[4]);
        Vector256<uint> f = Vector256.Create(initial[5]);
        Vector256<uint> g = Vector256.Create(initial[6]);
        Vector256<uint> h = Vector256.Create(initial[7]);

        for (int t = 0; t < 64; t++)
        {
            Vector256<uint> wt;
            if (t < 16)
            {
                wt = Vector256.LoadUnsafe(ref source, (nuint)(t * Lanes));
            }
            else
            {
                Vector256<uint> w2 = w[(t - 2) & 15];
                Vector256<uint> w15 = w[(t - 15) & 15];
                Vector256<uint> s1 = Xor3(Rotr(w2, 17), Rotr(w2, 19), Vector256.ShiftRightLogical(w2, 10));
                Vector256<uint> s0 = Xor3(Rotr(w15, 7), Rotr(w15, 18), Vector256.ShiftRightLogical(w15, 3));
                wt = s1 + w[(t - 7) & 15] + s0 + w[t & 15];
            }

            w[t & 15] = wt;
            Vector256<uint> t1 = h + Xor3(Rotr(e, 6), Rotr(e, 11), Rotr(e, 25)) + Choose(e, f, g) + Vector256.Create(k[t]) + wt;
            Vector256<uint> t2 = Xor3(Rotr(a, 2), Rotr(a, 13), Rotr(a, 22)) + Majority(a, b, c);
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
        (a + Vector256.Create(initial[0])).StoreUnsafe(ref target, 0 * Lanes);
        (b + Vector256.Create(initial[1])).StoreUnsafe(ref target, 1 * Lanes);
        (c + Vector256.Create(initial[2])).StoreUnsafe(ref target, 2 * Lanes);
        (d + Vector256.Create(initial[3])).StoreUnsafe(ref target, 3 * Lanes);
        (e + Vector256.Create(initial[4])).StoreUnsafe(ref target, 4 * Lanes);
        (f + Vector256.Create(initial[5])).StoreUnsafe(ref target, 5 * Lanes);
        (g + Vector256.Create(initial[6])).StoreUnsafe(ref target, 6 * Lanes);
        (h + Vector256.Create(initial[7])).StoreUnsafe(ref target, 7 * Lanes);
    }

    // With AVX-512VL, rotates and three-input logic (vprord, vpternlogd) are single instructions; AVX2 alone
    // has neither, so it shifts and combines.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected] byte n) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateRight(x, n)
            : Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Xor3(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(x, y, z, 0x96) : x ^ y ^ z;

    // Ch(e, f, g) = (e AND f) XOR (NOT e AND g): bitwise "e ? f : g".
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Choose(Vector256<uint> e, Vector256<uint> f, Vector256<uint> g) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(e, f, g, 0xCA) : Vector256.ConditionalSelect(e, f, g);

    // Maj(a, b, c): each bit is the majority of the three.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Majority(Vector256<uint> a, Vector256<uint> b, Vector256<uint> c) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.TernaryLogic(a, b, c, 0xE8) : (a & b) | (c & (a | b));
}
