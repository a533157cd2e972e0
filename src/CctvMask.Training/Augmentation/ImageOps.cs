namespace CctvMask.Training.Augmentation;

/// <summary>Small BGR24 image operations for square crops (row-major, stride = size·3).</summary>
internal static class ImageOps
{
    /// <summary>
    /// dest(u,v) = src(a·u + b·v + c, d·u + e·v + f), bilinear, edge pixels replicated outside the source.
    /// Coordinates are pixel centres.
    /// </summary>
    public static void WarpAffine(ReadOnlySpan<byte> src, int srcSize, Span<byte> dest, int destSize,
        float a, float b, float c, float d, float e, float f)
    {
        int max = srcSize - 1;
        for (int v = 0; v < destSize; v++)
        {
            for (int u = 0; u < destSize; u++)
            {
                float x = a * u + b * v + c, y = d * u + e * v + f;
                float fx = MathF.Floor(x), fy = MathF.Floor(y);
                float wx = x - fx, wy = y - fy;
                int x0 = Math.Clamp((int)fx, 0, max), x1 = Math.Clamp((int)fx + 1, 0, max);
                int y0 = Math.Clamp((int)fy, 0, max), y1 = Math.Clamp((int)fy + 1, 0, max);
                int r0 = y0 * srcSize * 3, r1 = y1 * srcSize * 3;
                int o = (v * destSize + u) * 3;
                for (int ch = 0; ch < 3; ch++)
                {
                    float top = src[r0 + x0 * 3 + ch] * (1 - wx) + src[r0 + x1 * 3 + ch] * wx;
                    float bottom = src[r1 + x0 * 3 + ch] * (1 - wx) + src[r1 + x1 * 3 + ch] * wx;
                    dest[o + ch] = ToByte(top * (1 - wy) + bottom * wy);
                }
            }
        }
    }

    /// <summary>Area-averaging downscale of a square image to lowSize, then bilinear back up: what a far camera sees.</summary>
    public static void DownUp(Span<byte> image, int size, int lowSize, Span<byte> scratch)
    {
        var low = scratch[..(lowSize * lowSize * 3)];
        float scale = (float)size / lowSize;
        for (int y = 0; y < lowSize; y++)
        {
            int y0 = (int)(y * scale), y1 = Math.Max(y0 + 1, (int)((y + 1) * scale));
            for (int x = 0; x < lowSize; x++)
            {
                int x0 = (int)(x * scale), x1 = Math.Max(x0 + 1, (int)((x + 1) * scale));
                for (int ch = 0; ch < 3; ch++)
                {
                    int sum = 0;
                    for (int yy = y0; yy < y1; yy++)
                        for (int xx = x0; xx < x1; xx++)
                            sum += image[(yy * size + xx) * 3 + ch];
                    low[(y * lowSize + x) * 3 + ch] = (byte)(sum / ((y1 - y0) * (x1 - x0)));
                }
            }
        }
        float inv = (float)lowSize / size;
        float off = 0.5f * inv - 0.5f;
        WarpAffine(low, lowSize, image, size, inv, 0, off, 0, inv, off);
    }

    /// <summary>3×3 Gaussian-like blur [1 2 1]/4 in both directions.</summary>
    public static void Blur3(Span<byte> image, int size, Span<byte> scratch)
    {
        var tmp = scratch[..(size * size * 3)];
        image.CopyTo(tmp);
        for (int y = 0; y < size; y++)
        {
            int ym = Math.Max(0, y - 1), yp = Math.Min(size - 1, y + 1);
            for (int x = 0; x < size; x++)
            {
                int xm = Math.Max(0, x - 1), xp = Math.Min(size - 1, x + 1);
                for (int ch = 0; ch < 3; ch++)
                {
                    int rm = ym * size, r = y * size, rp = yp * size;
                    int s = tmp[(rm + xm) * 3 + ch] + 2 * tmp[(rm + x) * 3 + ch] + tmp[(rm + xp) * 3 + ch]
                          + 2 * tmp[(r + xm) * 3 + ch] + 4 * tmp[(r + x) * 3 + ch] + 2 * tmp[(r + xp) * 3 + ch]
                          + tmp[(rp + xm) * 3 + ch] + 2 * tmp[(rp + x) * 3 + ch] + tmp[(rp + xp) * 3 + ch];
                    image[(y * size + x) * 3 + ch] = (byte)((s + 8) >> 4);
                }
            }
        }
    }

    /// <summary>Brightness (additive), contrast (around the mean) and saturation (towards grey).</summary>
    public static void ColorJitter(Span<byte> image, float brightness, float contrast, float saturation)
    {
        long total = 0;
        for (int i = 0; i < image.Length; i++) total += image[i];
        float mean = (float)total / image.Length;
        for (int i = 0; i < image.Length; i += 3)
        {
            float b = image[i], g = image[i + 1], r = image[i + 2];
            float grey = 0.114f * b + 0.587f * g + 0.299f * r;
            b = grey + (b - grey) * saturation;
            g = grey + (g - grey) * saturation;
            r = grey + (r - grey) * saturation;
            image[i] = ToByte((b - mean) * contrast + mean + brightness);
            image[i + 1] = ToByte((g - mean) * contrast + mean + brightness);
            image[i + 2] = ToByte((r - mean) * contrast + mean + brightness);
        }
    }

    public static byte ToByte(float v) => (byte)Math.Clamp((int)(v + 0.5f), 0, 255);
}
