using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Inference;

/// <summary>
/// The cheap change detector that decides whether phase 1 runs for a camera: a small grey thumbnail
/// (box-averaged, so sensor noise and compression flicker average out) compared pixel by pixel with the
/// thumbnail of the last analysed frame. Pure static span functions; nothing allocates.
/// </summary>
public static class MotionGate
{
    /// <summary>Box-averages a BGR frame into a <paramref name="width"/>×<paramref name="height"/> grey thumbnail.</summary>
    public static void Thumbnail(BgrFrame frame, int width, int height, Span<byte> grey)
    {
        if (frame.IsEmpty) throw new ArgumentException("Empty frame.", nameof(frame));
        if (grey.Length < width * height) throw new ArgumentException($"Thumbnail needs {width * height} bytes.", nameof(grey));
        var src = frame.Span;
        int stride = frame.Stride;
        for (int ty = 0; ty < height; ty++)
        {
            int y0 = ty * frame.Height / height, y1 = Math.Max(y0 + 1, (ty + 1) * frame.Height / height);
            for (int tx = 0; tx < width; tx++)
            {
                int x0 = tx * frame.Width / width, x1 = Math.Max(x0 + 1, (tx + 1) * frame.Width / width);
                // Every other row and column of the cell is enough for a mean and halves the reads.
                int sum = 0, n = 0;
                for (int y = y0; y < y1; y += 2)
                {
                    var row = src.Slice(y * stride, frame.Width * 3);
                    for (int x = x0; x < x1; x += 2)
                    {
                        int p = x * 3;
                        sum += (row[p] * 29 + row[p + 1] * 150 + row[p + 2] * 77) >> 8;
                        n++;
                    }
                }
                grey[ty * width + tx] = (byte)(sum / n);
            }
        }
    }

    /// <summary>Fraction (0..1) of pixels whose grey level differs by more than <paramref name="pixelThreshold"/>.</summary>
    public static double ChangedFraction(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> current, int pixelThreshold)
    {
        if (previous.Length != current.Length) throw new ArgumentException("Thumbnails differ in size.", nameof(current));
        if (current.IsEmpty) return 0;
        int changed = 0;
        for (int i = 0; i < current.Length; i++)
            if (Math.Abs(current[i] - previous[i]) > pixelThreshold) changed++;
        return (double)changed / current.Length;
    }

    /// <summary>
    /// The gate's rule (pure): skip phase 1 when gating is on, a previous analysed frame exists, too little
    /// changed since it, and the camera has not gone <see cref="InferenceLoopOptions.MotionMaxSkipSeconds"/>
    /// without phase 1.
    /// </summary>
    public static bool ShouldSkip(bool gatingEnabled, DateTimeOffset? lastAnalysedAt, double changedFraction, DateTimeOffset now,
        InferenceLoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!gatingEnabled || lastAnalysedAt is not { } last) return false;
        if (changedFraction > options.MotionAreaThreshold) return false;
        return (now - last).TotalSeconds < options.MotionMaxSkipSeconds;
    }

    /// <summary>
    /// Whether a camera's ingest should decode key frames only (pure): nothing moved in this frame and nothing for
    /// <paramref name="afterSeconds"/> (0 = never). Any motion turns it off at once.
    /// </summary>
    public static bool DecodeKeyFramesOnly(bool moved, DateTimeOffset lastMotionAt, DateTimeOffset now, int afterSeconds) =>
        afterSeconds > 0 && !moved && (now - lastMotionAt).TotalSeconds >= afterSeconds;
}
