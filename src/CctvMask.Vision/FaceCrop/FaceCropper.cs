using System.Buffers;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.MaskClassification;

namespace CctvMask.Vision.FaceCrop;

/// <summary>
/// The face crop used by both training and inference, so both see identical pixels: a square centred
/// on the face box, side = max(w,h)·(1+2·margin), resized to size×size with bilinear sampling (edge
/// pixels replicated outside the frame). When shrinking by more than 2× each output pixel averages
/// k×k bilinear samples (k = ⌈scale⌉, at most <see cref="MaxSupersampling"/>) so large faces do not alias.
/// </summary>
public static class FaceCropper
{
    /// <summary>Upper bound of samples per axis when shrinking.</summary>
    public const int MaxSupersampling = 8;

    /// <summary>Side of the square source region for a face box.</summary>
    public static float SquareSide(BoxF face, float margin) => MathF.Max(1f, face.LongSide * (1 + 2 * margin));

    /// <summary>Crops a square around <paramref name="face"/> into <paramref name="destBgr"/> (size·size·3 bytes).</summary>
    public static void CropSquare(BgrFrame source, BoxF face, float margin, int size, Span<byte> destBgr)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        if (source.IsEmpty)
            throw new ArgumentException("Source frame is empty.", nameof(source));
        if (destBgr.Length < size * size * 3)
            throw new ArgumentException($"Destination needs {size * size * 3} bytes, has {destBgr.Length}.", nameof(destBgr));

        float side = SquareSide(face, margin);
        float scale = side / size;
        int k = Math.Clamp((int)MathF.Ceiling(scale - 1e-3f), 1, MaxSupersampling);
        float left = face.CenterX - side * 0.5f;
        float top = face.CenterY - side * 0.5f;

        int taps = size * k;
        var ints = ArrayPool<int>.Shared.Rent(taps * 4);
        var floats = ArrayPool<float>.Shared.Rent(taps * 2);
        try
        {
            var xLo = ints.AsSpan(0, taps);
            var xHi = ints.AsSpan(taps, taps);
            var yLo = ints.AsSpan(2 * taps, taps);
            var yHi = ints.AsSpan(3 * taps, taps);
            var xW = floats.AsSpan(0, taps);
            var yW = floats.AsSpan(taps, taps);
            BuildTaps(left, scale, k, size, source.Width, xLo, xHi, xW);
            BuildTaps(top, scale, k, size, source.Height, yLo, yHi, yW);
            Sample(source, size, k, xLo, xHi, xW, yLo, yHi, yW, destBgr);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<float>.Shared.Return(floats);
        }
    }

    /// <summary>
    /// Converts a size×size BGR crop into a normalised CHW tensor (3·size·size floats) in the model's
    /// channel order: (pixel/255 − mean)/std.
    /// </summary>
    public static void ToTensor(ReadOnlySpan<byte> cropBgr, int size, MaskClassifierMetadata meta, Span<float> destChw)
    {
        ArgumentNullException.ThrowIfNull(meta);
        int plane = size * size;
        if (cropBgr.Length < plane * 3)
            throw new ArgumentException($"Crop needs {plane * 3} bytes, has {cropBgr.Length}.", nameof(cropBgr));
        if (destChw.Length < plane * 3)
            throw new ArgumentException($"Destination needs {plane * 3} floats, has {destChw.Length}.", nameof(destChw));

        var mean = meta.MeanSpan;
        var std = meta.StdSpan;
        for (int c = 0; c < 3; c++)
        {
            // Plane c of the tensor takes byte (2 − c) of each BGR pixel for RGB models, byte c for BGR.
            int byteIndex = meta.ChannelOrder == ChannelOrder.Rgb ? 2 - c : c;
            float mul = 1f / (255f * std[c]);
            float add = -mean[c] / std[c];
            var dest = destChw.Slice(c * plane, plane);
            for (int i = 0, s = byteIndex; i < plane; i++, s += 3)
                dest[i] = cropBgr[s] * mul + add;
        }
    }

    private static void BuildTaps(float origin, float scale, int k, int size, int limit,
        Span<int> lo, Span<int> hi, Span<float> weight)
    {
        for (int i = 0; i < size; i++)
        {
            for (int s = 0; s < k; s++)
            {
                // Pixel centres: output pixel i covers source [origin + i·scale, origin + (i+1)·scale).
                float pos = origin + (i + (s + 0.5f) / k) * scale - 0.5f;
                float floor = MathF.Floor(pos);
                int index = i * k + s;
                int p = (int)floor;
                lo[index] = Math.Clamp(p, 0, limit - 1);
                hi[index] = Math.Clamp(p + 1, 0, limit - 1);
                weight[index] = pos - floor;
            }
        }
    }

    private static void Sample(BgrFrame source, int size, int k,
        ReadOnlySpan<int> xLo, ReadOnlySpan<int> xHi, ReadOnlySpan<float> xW,
        ReadOnlySpan<int> yLo, ReadOnlySpan<int> yHi, ReadOnlySpan<float> yW, Span<byte> dest)
    {
        var src = source.Span;
        int stride = source.Stride;
        float norm = 1f / (k * k);
        for (int oy = 0; oy < size; oy++)
        {
            for (int ox = 0; ox < size; ox++)
            {
                float b = 0, g = 0, r = 0;
                for (int sy = oy * k; sy < oy * k + k; sy++)
                {
                    int row0 = yLo[sy] * stride, row1 = yHi[sy] * stride;
                    float wy = yW[sy];
                    for (int sx = ox * k; sx < ox * k + k; sx++)
                    {
                        int c0 = xLo[sx] * 3, c1 = xHi[sx] * 3;
                        float wx = xW[sx];
                        float w00 = (1 - wx) * (1 - wy), w01 = wx * (1 - wy), w10 = (1 - wx) * wy, w11 = wx * wy;
                        b += src[row0 + c0] * w00 + src[row0 + c1] * w01 + src[row1 + c0] * w10 + src[row1 + c1] * w11;
                        g += src[row0 + c0 + 1] * w00 + src[row0 + c1 + 1] * w01 + src[row1 + c0 + 1] * w10 + src[row1 + c1 + 1] * w11;
                        r += src[row0 + c0 + 2] * w00 + src[row0 + c1 + 2] * w01 + src[row1 + c0 + 2] * w10 + src[row1 + c1 + 2] * w11;
                    }
                }
                int d = (oy * size + ox) * 3;
                dest[d] = ToByte(b * norm);
                dest[d + 1] = ToByte(g * norm);
                dest[d + 2] = ToByte(r * norm);
            }
        }
    }

    private static byte ToByte(float v) => (byte)Math.Clamp((int)(v + 0.5f), 0, 255);
}
