using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.FaceDetection;

/// <summary>
/// YuNet post-processing as OpenCV's FaceDetectorYN does it: one prior per cell per stride,
/// score = sqrt(clamp(cls)·clamp(obj)), box/landmark offsets in stride units, greedy NMS.
/// </summary>
internal static class YuNetDecoding
{
    /// <summary>
    /// Decodes one stride's outputs (one image) into candidates with score ≥ threshold, in input pixels.
    /// Returns the number written (stops when <paramref name="dest"/> is full).
    /// </summary>
    public static int DecodeStride(ReadOnlySpan<float> cls, ReadOnlySpan<float> obj, ReadOnlySpan<float> bbox,
        ReadOnlySpan<float> kps, int stride, int cols, int rows, float scoreThreshold, Span<RawFace> dest)
    {
        int cells = cols * rows;
        if (cls.Length < cells || obj.Length < cells || bbox.Length < cells * 4 || kps.Length < cells * 10)
            throw new ArgumentException($"Stride {stride} outputs are shorter than {cols}x{rows} cells.");
        int count = 0;
        for (int i = 0; i < cells && count < dest.Length; i++)
        {
            float score = MathF.Sqrt(Math.Clamp(cls[i], 0f, 1f) * Math.Clamp(obj[i], 0f, 1f));
            if (score < scoreThreshold)
                continue;
            int row = i / cols;
            int col = i - row * cols;
            var b = bbox.Slice(i * 4, 4);
            float cx = (b[0] + col) * stride;
            float cy = (b[1] + row) * stride;
            float w = MathF.Exp(b[2]) * stride;
            float h = MathF.Exp(b[3]) * stride;
            var k = kps.Slice(i * 10, 10);
            var marks = default(Landmarks);
            for (int p = 0; p < Landmarks.Count; p++)
                marks[p] = new System.Drawing.PointF((k[2 * p] + col) * stride, (k[2 * p + 1] + row) * stride);
            dest[count++] = new RawFace(new BoxF(cx - w * 0.5f, cy - h * 0.5f, w, h), score, marks);
        }
        return count;
    }

    /// <summary>
    /// Greedy NMS: sorts <paramref name="candidates"/> by score (descending, in place), keeps the best
    /// <paramref name="topK"/>, and writes survivors (IoU ≤ threshold with every better one) to
    /// <paramref name="results"/>. Returns the number kept.
    /// </summary>
    public static int Nms(Span<RawFace> candidates, int topK, float iouThreshold, Span<RawFace> results)
    {
        // A static lambda is cached by the compiler: sorting allocates nothing.
        candidates.Sort(static (a, b) => b.Score.CompareTo(a.Score));
        int n = Math.Min(candidates.Length, topK);
        int kept = 0;
        for (int i = 0; i < n && kept < results.Length; i++)
        {
            var box = candidates[i].Box;
            bool suppressed = false;
            for (int j = 0; j < kept; j++)
            {
                if (BoxF.IoU(box, results[j].Box) > iouThreshold)
                {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed)
                results[kept++] = candidates[i];
        }
        return kept;
    }

    /// <summary>Maps a face from input pixels back to frame pixels and clips its box to the frame.</summary>
    public static RawFace ToFrame(in RawFace face, in InputGeometry g)
    {
        float ix = 1f / g.ScaleX, iy = 1f / g.ScaleY;
        var b = face.Box;
        var box = new BoxF(b.X * ix, b.Y * iy, b.Width * ix, b.Height * iy).ClipTo(g.FrameWidth, g.FrameHeight);
        var marks = default(Landmarks);
        for (int p = 0; p < Landmarks.Count; p++)
        {
            var pt = face.Landmarks[p];
            marks[p] = new System.Drawing.PointF(pt.X * ix, pt.Y * iy);
        }
        return new RawFace(box, face.Score, marks);
    }
}
