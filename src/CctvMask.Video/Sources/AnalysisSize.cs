using System.Globalization;
using CctvMask.Video.Frames;

namespace CctvMask.Video.Sources;

/// <summary>
/// The frame size analysis runs at: native, a width keeping aspect, or an exact size.
/// Text form (config, CLI): <c>native</c>, <c>640</c>, <c>640x360</c>.
/// </summary>
public readonly record struct AnalysisSize
{
    /// <summary>Largest accepted side: 8K is already far more than face detection needs.</summary>
    public const int MaxSide = 8192;

    private AnalysisSize(AnalysisSizeMode mode, int width, int height)
    {
        Mode = mode;
        Width = width;
        Height = height;
    }

    public AnalysisSizeMode Mode { get; }

    /// <summary>Requested width (0 for native).</summary>
    public int Width { get; }

    /// <summary>Requested height (0 unless exact).</summary>
    public int Height { get; }

    public static AnalysisSize Native => default;

    /// <summary>True when the output size is known without probing the stream.</summary>
    public bool NeedsProbe => Mode != AnalysisSizeMode.Exact;

    public static AnalysisSize FromWidth(int width)
    {
        CheckSide(width, nameof(width));
        return new AnalysisSize(AnalysisSizeMode.Width, width, 0);
    }

    public static AnalysisSize Exact(int width, int height)
    {
        CheckSide(width, nameof(width));
        CheckSide(height, nameof(height));
        return new AnalysisSize(AnalysisSizeMode.Exact, width, height);
    }

    /// <summary>Parses <c>native</c>, <c>W</c> or <c>WxH</c>; throws <see cref="FormatException"/> with the accepted forms.</summary>
    public static AnalysisSize Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Equals("native", StringComparison.OrdinalIgnoreCase)) return Native;
        var x = t.IndexOfAny(['x', 'X']);
        try
        {
            if (x < 0 && TryInt(t, out var w)) return FromWidth(w);
            if (x > 0 && TryInt(t[..x], out var ew) && TryInt(t[(x + 1)..], out var eh)) return Exact(ew, eh);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"Analysis size '{text}': {e.Message}", e);
        }
        throw new FormatException($"Analysis size '{text}' is not valid: use 'native', a width like '640', or 'WIDTHxHEIGHT' like '640x360'.");
    }

    /// <summary>
    /// The output size for a stream of the given native size. Width mode keeps the aspect ratio and
    /// rounds the height to an even number (codecs and scalers prefer even sizes).
    /// </summary>
    public FrameSize Resolve(FrameSize native)
    {
        switch (Mode)
        {
            case AnalysisSizeMode.Exact:
                return new FrameSize(Width, Height);
            case AnalysisSizeMode.Width:
                if (native.Width <= 0 || native.Height <= 0)
                    throw new ArgumentOutOfRangeException(nameof(native), native, "Native size must be positive.");
                var h = (int)Math.Round((double)Width * native.Height / native.Width / 2.0, MidpointRounding.AwayFromZero) * 2;
                return new FrameSize(Width, Math.Clamp(h, 2, MaxSide));
            default:
                if (native.Width <= 0 || native.Height <= 0)
                    throw new ArgumentOutOfRangeException(nameof(native), native, "Native size must be positive.");
                return native;
        }
    }

    public override string ToString() => Mode switch
    {
        AnalysisSizeMode.Native => "native",
        AnalysisSizeMode.Width => Width.ToString(CultureInfo.InvariantCulture),
        _ => $"{Width}x{Height}",
    };

    private static bool TryInt(string s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static void CheckSide(int side, string name)
    {
        if (side < 2 || side > MaxSide || side % 2 != 0)
            throw new ArgumentOutOfRangeException(name, side, $"Size must be an even number of pixels between 2 and {MaxSide}.");
    }
}
