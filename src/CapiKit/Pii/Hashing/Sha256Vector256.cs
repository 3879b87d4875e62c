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

        // The message schedule is sixteen locals, a ring of the last sixteen words; with the state that is more
        // than AVX2's sixteen registers, so the JIT spills some (AVX-512VL's 32 hold them all).
        Vector256<uint> w0 = Vector256.LoadUnsafe(ref source, 0 * Lanes);
        Vector256<uint> w1 = Vector256.LoadUnsafe(ref source, 1 * Lanes);
        Vector256<uint> w2 = Vector256.LoadUnsafe(ref source, 2 * Lanes);
        Vector256<uint> w3 = Vector256.LoadUnsafe(ref source, 3 * Lanes);
        Vector256<uint> w4 = Vector256.LoadUnsafe(ref source, 4 * Lanes);
        Vector256<uint> w5 = Vector256.LoadUnsafe(ref source, 5 * Lanes);
        Vector256<uint> w6 = Vector256.LoadUnsafe(ref source, 6 * Lanes);
        Vector256<uint> w7 = Vector256.LoadUnsafe(ref source, 7 * Lanes);
        Vector256<uint> w8 = Vector256.LoadUnsafe(ref source, 8 * Lanes);
        Vector256<uint> w9 = Vector256.LoadUnsafe(ref source, 9 * Lanes);
        Vector256<uint> w10 = Vector256.LoadUnsafe(ref source, 10 * Lanes);
        Vector256<uint> w11 = Vector256.LoadUnsafe(ref source, 11 * Lanes);
        Vector256<uint> w12 = Vector256.LoadUnsafe(ref source, 12 * Lanes);
        Vector256<uint> w13 = Vector256.LoadUnsafe(ref source, 13 * Lanes);
        Vector256<uint> w14 = Vector256.LoadUnsafe(ref source, 14 * Lanes);
        Vector256<uint> w15 = Vector256.LoadUnsafe(ref source, 15 * Lanes);
        Vector256<uint> a = Vector256.Create(initial[0]);
        Vector256<uint> b = Vector256.Create(initial[1]);
        Vector256<uint> c = Vector256.Create(initial[2]);
        Vector256<uint> d = Vector256.Create(initial[3]);
        Vector256<uint> e = Vector256.Create(initial[4]);
        Vector256<uint> f = Vector256.Create(initial[5]);
        Vector256<uint> g = Vector256.Create(initial[6]);
        Vector256<uint> h = Vector256.Create(initial[7]);
        Vector256<uint> t1;
        for (int block = 0; block < 64; block += 16)
        {
            if (block > 0)
            {
                // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], sixteen at a time in place: w{i} holds W[t-16].
                w0 += SmallSigma1(w14) + w9 + SmallSigma0(w1);
                w1 += SmallSigma1(w15) + w10 + SmallSigma0(w2);
                w2 += SmallSigma1(w0) + w11 + SmallSigma0(w3);
                w3 += SmallSigma1(w1) + w12 + SmallSigma0(w4);
                w4 += SmallSigma1(w2) + w13 + SmallSigma0(w5);
                w5 += SmallSigma1(w3) + w14 + SmallSigma0(w6);
                w6 += SmallSigma1(w4) + w15 + SmallSigma0(w7);
                w7 += SmallSigma1(w5) + w0 + SmallSigma0(w8);
                w8 += SmallSigma1(w6) + w1 + SmallSigma0(w9);
                w9 += SmallSigma1(w7) + w2 + SmallSigma0(w10);
                w10 += SmallSigma1(w8) + w3 + SmallSigma0(w11);
                w11 += SmallSigma1(w9) + w4 + SmallSigma0(w12);
                w12 += SmallSigma1(w10) + w5 + SmallSigma0(w13);
                w13 += SmallSigma1(w11) + w6 + SmallSigma0(w14);
                w14 += SmallSigma1(w12) + w7 + SmallSigma0(w15);
                w15 += SmallSigma1(w13) + w8 + SmallSigma0(w0);
            }

            // Eight rounds bring the roles of a..h back to their names, so no state is moved between rounds.
            t1 = h + Sigma1(e) + Choose(e, f, g) + Vector256.Create(k[block + 0]) + w0;
            d += t1;
            h = t1 + Sigma0(a) + Majority(a, b, c);
            t1 = g + Sigma1(d) + Choose(d, e, f) + Vector256.Create(k[block + 1]) + w1;
            c += t1;
            g = t1 + Sigma0(h) + Majority(h, a, b);
            t1 = f + Sigma1(c) + Choose(c, d, e) + Vector256.Create(k[block + 2]) + w2;
            b += t1;
            f = t1 + Sigma0(g) + Majority(g, h, a);
            t1 = e + Sigma1(b) + Choose(b, c, d) + Vector256.Create(k[block + 3]) + w3;
            a += t1;
            e = t1 + Sigma0(f) + Majority(f, g, h);
            t1 = d + Sigma1(a) + Choose(a, b, c) + Vector256.Create(k[block + 4]) + w4;
            h += t1;
            d = t1 + Sigma0(e) + Majority(e, f, g);
            t1 = c + Sigma1(h) + Choose(h, a, b) + Vector256.Create(k[block + 5]) + w5;
            g += t1;
            c = t1 + Sigma0(d) + Majority(d, e, f);
            t1 = b + Sigma1(g) + Choose(g, h, a) + Vector256.Create(k[block + 6]) + w6;
            f += t1;
            b = t1 + Sigma0(c) + Majority(c, d, e);
            t1 = a + Sigma1(f) + Choose(f, g, h) + Vector256.Create(k[block + 7]) + w7;
            e += t1;
            a = t1 + Sigma0(b) + Majority(b, c, d);
            t1 = h + Sigma1(e) + Choose(e, f, g) + Vector256.Create(k[block + 8 + 0]) + w8;
            d += t1;
            h = t1 + Sigma0(a) + Majority(a, b, c);
            t1 = g + Sigma1(d) + Choose(d, e, f) + Vector256.Create(k[block + 8 + 1]) + w9;
            c += t1;
            g = t1 + Sigma0(h) + Majority(h, a, b);
            t1 = f + Sigma1(c) + Choose(c, d, e) + Vector256.Create(k[block + 8 + 2]) + w10;
            b += t1;
            f = t1 + Sigma0(g) + Majority(g, h, a);
            t1 = e + Sigma1(b) + Choose(b, c, d) + Vector256.Create(k[block + 8 + 3]) + w11;
            a += t1;
            e = t1 + Sigma0(f) + Majority(f, g, h);
            t1 = d + Sigma1(a) + Choose(a, b, c) + Vector256.Create(k[block + 8 + 4]) + w12;
            h += t1;
            d = t1 + Sigma0(e) + Majority(e, f, g);
            t1 = c + Sigma1(h) + Choose(h, a, b) + Vector256.Create(k[block + 8 + 5]) + w13;
            g += t1;
            c = t1 + Sigma0(d) + Majority(d, e, f);
            t1 = b + Sigma1(g) + Choose(g, h, a) + Vector256.Create(k[block + 8 + 6]) + w14;
            f += t1;
            b = t1 + Sigma0(c) + Majority(c, d, e);
            t1 = a + Sigma1(f) + Choose(f, g, h) + Vector256.Create(k[block + 8 + 7]) + w15;
            e += t1;
            a = t1 + Sigma0(b) + Majority(b, c, d);
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
    private static Vector256<uint> Sigma0(Vector256<uint> x) => Xor3(Rotr(x, 2), Rotr(x, 13), Rotr(x, 22));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Sigma1(Vector256<uint> x) => Xor3(Rotr(x, 6), Rotr(x, 11), Rotr(x, 25));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SmallSigma0(Vector256<uint> x) => Xor3(Rotr(x, 7), Rotr(x, 18), Vector256.ShiftRightLogical(x, 3));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SmallSigma1(Vector256<uint> x) => Xor3(Rotr(x, 17), Rotr(x, 19), Vector256.ShiftRightLogical(x, 10));

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
