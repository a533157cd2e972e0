using CctvMask.Cli.Common;
using CctvMask.Video.Ffmpeg;
using CctvMask.Video.Frames;
using CctvMask.Video.Ingest;
using CctvMask.Video.Sources;
using CctvMask.Vision.Imaging;

namespace CctvMask.Cli.Clips;

/// <summary>
/// A clip's frames as a camera analyses them — decoded by ffmpeg at the detect rate and the analysis size,
/// exactly as ingest does — held in memory so every measurement runs on the same frames.
/// </summary>
public sealed class ClipFrames
{
    private const string SourceId = "clip";

    // A clip file opens in well under this; a hung decoder must not hang the command.
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(30);

    private readonly byte[][] _pixels;

    private ClipFrames(string path, FrameSize size, double detectFps, AnalysisSize analysis, byte[][] pixels)
    {
        Path = path;
        Size = size;
        DetectFps = detectFps;
        Analysis = analysis;
        _pixels = pixels;
    }

    /// <summary>The clip file.</summary>
    public string Path { get; }

    /// <summary>Size of every frame.</summary>
    public FrameSize Size { get; }

    /// <summary>Frames per second of the clip that were analysed (the frames are 1 / DetectFps apart).</summary>
    public double DetectFps { get; }

    /// <summary>The analysis size asked for.</summary>
    public AnalysisSize Analysis { get; }

    /// <summary>Frames held.</summary>
    public int Count => _pixels.Length;

    /// <summary>A view of frame <paramref name="index"/> (no copy).</summary>
    public BgrFrame this[int index] => new(_pixels[index], Size.Width, Size.Height);

    /// <summary>
    /// Decodes up to <paramref name="maxFrames"/> frames (null = the whole clip); throws <see cref="CliException"/>
    /// when the file is missing or yields no frame.
    /// </summary>
    public static async Task<ClipFrames> DecodeAsync(string video, double detectFps, AnalysisSize analysis, int? maxFrames, CancellationToken ct)
    {
        if (!File.Exists(video))
            throw new CliException($"{video}: video file not found");
        var source = new CameraSource(SourceId, video) { DetectFps = detectFps, AnalysisSize = analysis, Playback = FilePlayback.Once };
        var ingest = new IngestOptions { ReadTimeout = OpenTimeout, ProbeTimeout = OpenTimeout };
        await using var frames = await FfmpegFrameSource.OpenAsync(source, ingest, cancellationToken: ct).ConfigureAwait(false);
        var pixels = new List<byte[]>();
        int max = maxFrames ?? int.MaxValue;
        while (pixels.Count < max && await frames.ReadFrameAsync(ct).ConfigureAwait(false) is { } frame)
        {
            using (frame)
                pixels.Add(frame.Span.ToArray());
        }
        if (pixels.Count == 0)
            throw new CliException($"{video}: no video frames decoded");
        return new ClipFrames(video, frames.FrameSize, detectFps, analysis, [.. pixels]);
    }

    /// <summary>The frame number in the clip's own rate <paramref name="clipFps"/> that sampled frame <paramref name="index"/> shows.</summary>
    public long ClipFrameOf(int index, double clipFps) => (long)Math.Round(index * clipFps / DetectFps);

    /// <summary>One line for reports: file, frames, rate, size.</summary>
    public string Describe() =>
        $"{System.IO.Path.GetFileName(Path)}: {Count} frames at {DetectFps:0.##} fps, {Size.Width}x{Size.Height} (analysis size {Analysis})";
}
