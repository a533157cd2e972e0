using System.Buffers;
using CctvMask.Vision.Imaging;

namespace CctvMask.Vision.FaceDetection;

/// <summary>
/// YuNet input: BGR planes, raw 0..255 floats, the frame resized (bilinear, pixel-centre aligned as
/// OpenCV's INTER_LINEAR) to the planned size at the top-left, zero padding elsewhere.
/// </summary>
internal static class YuNetPreprocessing
{
    /// <summary>Writes one image (3 planes of InputWidth·InputHeight floats) into <paramref name="dest"/>.</summary>
    public static void ResizeToNchw(BgrFrame frame, in InputGeometry g, Span<float> dest)
    {
        int plane = g.PlaneLength;
        if (dest.Length < plane * 3)
            throw new ArgumentException($"Destination needs {plane * 3} floats, has {dest.Length}.", nameof(dest));
        if (frame.Width != g.FrameWidth || frame.Height != g.FrameHeight)
            throw new ArgumentException("Frame size differs from the planned geometry.", nameof(frame));

        var b = dest.Slice(0, plane);
        var gr = dest.Slice(plane, plane);
        var r = dest.Slice(2 * plane, plane);
        ClearPadding(b, g);
        ClearPadding(gr, g);
        ClearPadding(r, g);
        if (g.ResizedWidth == frame.Width && g.ResizedHeight == frame.Height)
            CopyPlanes(frame, g.InputWidth, b, gr, r);
        else
            ResizePlanes(frame, g, b, gr, r);
    }

    private static void ClearPadding(Span<float> plane, in InputGeometry g)
    {
        int w = g.InputWidth;
        if (g.ResizedWidth < w)
        {
            for (int y = 0; y < g.ResizedHeight; y++)
                plane.Slice(y * w + g.ResizedWidth, w - g.ResizedWidth).Clear();
        }
        plane.Slice(g.ResizedHeight * w).Clear();
    }

    private static void CopyPlanes(BgrFrame frame, int inputWidth, Span<float> b, Span<float> g, Span<float> r)
    {
        for (int y = 0; y < frame.Height; y++)
        {
            var row = frame.Row(y);
            int o = y * inputWidth;
            for (int x = 0, s = 0; x < frame.Width; x++, s += 3)
            {
                b[o + x] = row[s];
                g[o + x] = row[s + 1];
                r[o + x] = row[s + 2];
            }
        }
    }

    private static void ResizePlanes(BgrFrame frame, in InputGeometry geo, Span<float> b, Span<float> g, Span<float> r)
    {
        int rw = geo.ResizedWidth, rh = geo.ResizedHeight, w = geo.InputWidth;
        float sx = (float)frame.Width / rw, sy = (float)frame.Height / rh;
        var ints = ArrayPool<int>.Shared.Rent(rw * 2);
        var weights = ArrayPool<float>.Shared.Rent(rw);
        var rowA = ArrayPool<float>.Shared.Rent(rw * 3);
        var rowB = ArrayPool<float>.Shared.Rent(rw * 3);
        try
        {
            var x0 = ints.AsSpan(0, rw);
            var x1 = ints.AsSpan(rw, rw);
            for (int x = 0; x < rw; x++)
            {
                Tap((x + 0.5f) * sx - 0.5f, frame.Width, out int lo, out int hi, out weights[x]);
                x0[x] = lo * 3;
                x1[x] = hi * 3;
            }

            // Horizontal pass once per source row, cached: consecutive output rows share source rows.
            int cachedA = -1, cachedB = -1;
            for (int y = 0; y < rh; y++)
            {
                Tap((y + 0.5f) * sy - 0.5f, frame.Height, out int y0, out int y1, out float wy);
                if (y0 != cachedA)
                {
                    if (y0 == cachedB)
                    {
                        (rowA, rowB) = (rowB, rowA);
                        (cachedA, cachedB) = (cachedB, cachedA);
                    }
                    else
                    {
                        Horizontal(frame.Row(y0), x0, x1, weights, rowA.AsSpan(0, rw * 3));
                        cachedA = y0;
                    }
                }
                if (y1 != cachedB)
                {
                    Horizontal(frame.Row(y1), x0, x1, weights, rowB.AsSpan(0, rw * 3));
                    cachedB = y1;
                }

                int o = y * w;
                float wa = 1 - wy;
                for (int x = 0, k = 0; x < rw; x++, k += 3)
                {
                    b[o + x] = rowA[k] * wa + rowB[k] * wy;
                    g[o + x] = rowA[k + 1] * wa + rowB[k + 1] * wy;
                    r[o + x] = rowA[k + 2] * wa + rowB[k + 2] * wy;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<float>.Shared.Return(weights);
            ArrayPool<float>.Shared.Return(rowA);
            ArrayPool<float>.Shared.Return(rowB);
        }
    }

    /// <summary>Source taps for a pixel-centre coordinate, clamped to the image as OpenCV does.</summary>
    internal static void Tap(float pos, int limit, out int lo, out int hi, out float weight)
    {
        if (pos < 0)
            pos = 0;
        lo = (int)pos;
        weight = pos - lo;
        if (lo >= limit - 1)
        {
            lo = limit - 1;
            weight = 0;
        }
        hi = Math.Min(lo + 1, limit - 1);
    }

    private static void Horizontal(ReadOnlySpan<byte> row, ReadOnlySpan<int> x0, ReadOnlySpan<int> x1,
        ReadOnlySpan<float> weights, Span<float> dest)
    {
        for (int x = 0, k = 0; x < x0.Length; x++, k += 3)
        {
            int a = x0[x], c = x1[x];
            float w = weights[x];
            dest[k] = row[a] + (row[c] - row[a]) * w;
            dest[k + 1] = row[a + 1] + (row[c + 1] - row[a + 1]) * w;
            dest[k + 2] = row[a + 2] + (row[c + 2] - row[a + 2]) * w;
        }
    }
}
