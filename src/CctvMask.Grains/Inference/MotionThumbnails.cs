using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Inference;

/// <summary>
/// A camera's motion thumbnails: the last analysed frame's and the current frame's (<see cref="MotionGate.Thumbnail"/>),
/// compared by the motion gate (<see cref="ChangedFraction"/>) and by the scene-cut rule (<see cref="IsSceneCut"/>). The one
/// place that keeps the pair, so the loop (<see cref="CameraFeed"/>), the CLI's clip camera and the tests' clip run apply
/// the same rule. Not thread-safe: one camera's frame path at a time.
/// </summary>
public sealed class MotionThumbnails
{
    private readonly int _width;
    private readonly int _height;
    private byte[] _last;
    private byte[] _current;

    /// <summary>Thumbnails of <paramref name="width"/>×<paramref name="height"/> grey pixels.</summary>
    public MotionThumbnails(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        (_width, _height) = (width, height);
        _last = new byte[width * height];
        _current = new byte[_last.Length];
    }

    /// <summary>Thumbnails sized by the loop's options (<see cref="InferenceLoopOptions.MotionThumbnailWidth"/> × height).</summary>
    public MotionThumbnails(InferenceLoopOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).MotionThumbnailWidth, options.MotionThumbnailHeight)
    {
    }

    /// <summary>True once a frame was kept (<see cref="Keep"/>): there is a last analysed frame to compare with.</summary>
    public bool HasLast { get; private set; }

    /// <summary>Makes the current frame's thumbnail (compared by the methods below until the next call).</summary>
    public void Take(BgrFrame frame) => MotionGate.Thumbnail(frame, _width, _height, _current);

    /// <summary>Whether the current frame shows another scene than the last analysed one (false before the first).</summary>
    public bool IsSceneCut(InferenceLoopOptions options) =>
        HasLast && MotionGate.IsSceneCut(MotionGate.SceneDifference(_last, _current), options);

    /// <summary>Fraction of pixels that changed since the last analysed frame (1 before the first: everything is new).</summary>
    public double ChangedFraction(int pixelThreshold) =>
        HasLast ? MotionGate.ChangedFraction(_last, _current, pixelThreshold) : 1;

    /// <summary>The current frame is analysed: its thumbnail becomes the last one.</summary>
    public void Keep()
    {
        (_last, _current) = (_current, _last);
        HasLast = true;
    }
}
