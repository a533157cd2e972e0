namespace CctvMask.Training.Detection;

/// <summary>Pixel operations for detector canvases (BGR24, tightly packed rows).</summary>
internal static class DetectorImageOps
{
    /// <summary>
    /// Draws <paramref name="src"/> scaled by <paramref name="scale"/> with its top-left corner at (ox, oy) onto the
    /// canvas, clipped to it. Strong reductions are area-averaged first (an integer box filter) so tiny faces look
    /// like a real far-away face rather than aliased noise; the rest is bilinear.
    /// </summary>
    public static void PasteScaled(ReadOnlySpan<byte> src, int srcWidth, int srcHeight, float scale,
        int ox, int oy, Span<byte> canvas, int canvasWidth, int canvasHeight)
    {
        int factor = Math.Max(1, (int)MathF.Floor(1f / scale));
        byte[]? reduced = null;
        if (factor > 1)
        {
            int rw = Math.Max(1, srcWidth / factor), rh = Math.Max(1, srcHeight / factor);
            reduced = new byte[rw * rh * 3];
            BoxReduce(src, srcWidth, srcHeight, factor, reduced, rw, rh);
            src = reduced;
            srcWidth = rw;
            srcHeight = rh;
            scale *= factor;
        }
        int dw = (int)MathF.Ceiling(srcWidth * scale), dh = (int)MathF.Ceiling(srcHeight * scale);
        int u0 = Math.Max(0, ox), u1 = Math.Min(canvasWidth, ox + dw);
        int v0 = Math.Max(0, oy), v1 = Math.Min(canvasHeight, oy + dh);
        float inv = 1f / scale;
        int maxX = srcWidth - 1, maxY = srcHeight - 1, stride = srcWidth * 3;
        for (int v = v0; v < v1; v++)
        {
            float y = (v - oy + 0.5f) * inv - 0.5f;
            int y0 = Math.Clamp((int)MathF.Floor(y), 0, maxY), y1 = Math.Min(y0 + 1, maxY);
            float wy = Math.Clamp(y - y0, 0f, 1f);
            int r0 = y0 * stride, r1 = y1 * stride;
            int o = (v * canvasWidth + u0) * 3;
            for (int u = u0; u < u1; u++, o += 3)
            {
                float x = (u - ox + 0.5f) * inv - 0.5f;
                int x0 = Math.Clamp((int)MathF.Floor(x), 0, maxX), x1 = Math.Min(x0 + 1, maxX);
                float wx = Math.Clamp(x - x0, 0f, 1f);
                int a = r0 + x0 * 3, b = r0 + x1 * 3, c = r1 + x0 * 3, d = r1 + x1 * 3;
                for (int ch = 0; ch < 3; ch++)
                {
                    float top = src[a + ch] + (src[b + ch] - src[a + ch]) * wx;
                    float bottom = src[c + ch] + (src[d + ch] - src[c + ch]) * wx;
                    canvas[o + ch] = (byte)(top + (bottom - top) * wy + 0.5f);
                }
            }
        }
    }

    /// <summary>Mirrors a canvas left to right in place.</summary>
    public static void FlipHorizontal(Span<byte> canvas, int width, int height)
    {
        for (int y = 0; y < height; y++)
        {
            var row = canvas.Slice(y * width * 3, width * 3);
            for (int l = 0, r = width - 1; l < r; l++, r--)
            {
                for (int ch = 0; ch < 3; ch++)
                    (row[l * 3 + ch], row[r * 3 + ch]) = (row[r * 3 + ch], row[l * 3 + ch]);
            }
        }
    }

    private static void BoxReduce(ReadOnlySpan<byte> src, int width, int height, int factor, Span<byte> dest, int rw, int rh)
    {
        int stride = width * 3, area = factor * factor;
        Span<int> sums = stackalloc int[3];
        for (int y = 0; y < rh; y++)
        {
            for (int x = 0; x < rw; x++)
            {
                sums.Clear();
                for (int yy = y * factor; yy < (y + 1) * factor && yy < height; yy++)
                {
                    int o = yy * stride + x * factor * 3;
                    for (int xx = 0; xx < factor && x * factor + xx < width; xx++, o += 3)
                    {
                        sums[0] += src[o];
                        sums[1] += src[o + 1];
                        sums[2] += src[o + 2];
                    }
                }
                int d = (y * rw + x) * 3;
                dest[d] = (byte)(sums[0] / area);
                dest[d + 1] = (byte)(sums[1] / area);
                dest[d + 2] = (byte)(sums[2] / area);
            }
        }
    }
}
