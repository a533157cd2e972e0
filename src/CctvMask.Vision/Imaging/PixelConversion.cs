using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CctvMask.Vision.Imaging;

/// <summary>
/// BGR24 ⇄ BGRA32 for SkiaSharp, which draws and encodes 4-byte pixels only. Four pixels per step with one byte
/// shuffle (16 bytes in, 12 used), the tail pixel by pixel; evidence snapshots and live frames convert a whole
/// 640×360 frame each, so the scalar loop (several times slower) was a visible share of a violation's cost.
/// </summary>
public static class PixelConversion
{
    // BGR BGR BGR BGR → BGRx BGRx BGRx BGRx (x filled by the alpha mask); index 0x80 yields 0.
    private static readonly Vector128<byte> ToBgraShuffle = Vector128.Create(
        (byte)0, 1, 2, 0x80, 3, 4, 5, 0x80, 6, 7, 8, 0x80, 9, 10, 11, 0x80);

    private static readonly Vector128<byte> AlphaMask = Vector128.Create(
        (byte)0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255);

    // BGRx BGRx BGRx BGRx → BGR BGR BGR BGR (the last 4 bytes are don't-care and overwritten by the next step).
    private static readonly Vector128<byte> ToBgrShuffle = Vector128.Create(
        (byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);

    /// <summary>Writes <paramref name="bgr"/>'s pixels (3 bytes each) to <paramref name="bgra"/> as opaque BGRA.</summary>
    public static void BgrToBgra(ReadOnlySpan<byte> bgr, Span<byte> bgra)
    {
        int pixels = bgr.Length / 3;
        if (bgra.Length < pixels * 4)
            throw new ArgumentException($"Destination holds {bgra.Length / 4} pixels, source has {pixels}.", nameof(bgra));
        int p = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref byte src = ref MemoryMarshal.GetReference(bgr);
            ref byte dst = ref MemoryMarshal.GetReference(bgra);
            // Each step reads 16 bytes but consumes 12: stop while 16 are still readable.
            for (; p + 4 <= pixels && p * 3 + 16 <= bgr.Length; p += 4)
            {
                var v = Vector128.LoadUnsafe(ref src, (nuint)(p * 3));
                (Vector128.Shuffle(v, ToBgraShuffle) | AlphaMask).StoreUnsafe(ref dst, (nuint)(p * 4));
            }
        }
        for (int s = p * 3, d = p * 4; p < pixels; p++, s += 3, d += 4)
        {
            bgra[d] = bgr[s];
            bgra[d + 1] = bgr[s + 1];
            bgra[d + 2] = bgr[s + 2];
            bgra[d + 3] = 255;
        }
    }

    /// <summary>Writes <paramref name="bgra"/>'s pixels (4 bytes each) to <paramref name="bgr"/>, dropping alpha.</summary>
    public static void BgraToBgr(ReadOnlySpan<byte> bgra, Span<byte> bgr)
    {
        int pixels = bgra.Length / 4;
        if (bgr.Length < pixels * 3)
            throw new ArgumentException($"Destination holds {bgr.Length / 3} pixels, source has {pixels}.", nameof(bgr));
        int p = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            ref byte src = ref MemoryMarshal.GetReference(bgra);
            ref byte dst = ref MemoryMarshal.GetReference(bgr);
            // Each step writes 16 bytes but keeps 12: stop while 16 still fit in the destination.
            for (; p + 4 <= pixels && p * 3 + 16 <= bgr.Length; p += 4)
            {
                var v = Vector128.LoadUnsafe(ref src, (nuint)(p * 4));
                Vector128.Shuffle(v, ToBgrShuffle).StoreUnsafe(ref dst, (nuint)(p * 3));
            }
        }
        for (int s = p * 4, d = p * 3; p < pixels; p++, s += 4, d += 3)
        {
            bgr[d] = bgra[s];
            bgr[d + 1] = bgra[s + 1];
            bgr[d + 2] = bgra[s + 2];
        }
    }
}
