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
    /// How much the picture changed, leaving out a change of overall brightness (0..255): the mean absolute grey difference
    /// of two thumbnails of the same size after the difference of their mean grey levels is taken off every pixel. A light
    /// switched on or an exposure step moves every pixel alike and scores near 0; another scene scores as the plain mean
    /// absolute difference does (the crowd clips' photo changes 44.5–66.8 with the shift taken off, 46.9–66.4 without).
    /// </summary>
    public static double SceneDifference(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> current)
    {
        if (previous.Length != current.Length) throw new ArgumentException("Thumbnails differ in size.", nameof(current));
        if (current.IsEmpty) return 0;
        long shiftSum = 0;
        for (int i = 0; i < current.Length; i++) shiftSum += current[i] - previous[i];
        double shift = (double)shiftSum / current.Length;
        double sum = 0;
        for (int i = 0; i < current.Length; i++) sum += Math.Abs(current[i] - previous[i] - shift);
        return sum / current.Length;
    }

    /// <summary>
    /// Whether the view was replaced since the last analysed frame (pure): a PTZ camera moved to another preset, a
    /// sequencer switched feeds, the stream came back on another scene. Then no track may carry on: the face at a
    /// track's place is someone else. Measured on thumbnails of consecutive analysed frames (5 fps, 64×36,
    /// <see cref="SceneDifference"/>): the crowd clips' photo changes 44.5–66.8, the hand-held street clip's busiest frames
    /// ≤ 29.2, a fixed camera's still or busy frames far less. A light switched on is not a cut: it moves every pixel alike,
    /// and that shift is taken off before the difference is measured.
    /// </summary>
    /// <param name="meanDifference"><see cref="SceneDifference"/> of the last analysed and the current thumbnail.</param>
    /// <param name="options">The loop's options (<see cref="InferenceLoopOptions.SceneCutMeanDifference"/>; 0 = never).</param>
    public static bool IsSceneCut(double meanDifference, InferenceLoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.SceneCutMeanDifference > 0 && meanDifference >= options.SceneCutMeanDifference;
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
