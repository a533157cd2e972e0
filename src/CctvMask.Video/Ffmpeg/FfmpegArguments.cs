using System.Globalization;
using CctvMask.Video.Frames;
using CctvMask.Video.Ingest;
using CctvMask.Video.Sources;

namespace CctvMask.Video.Ffmpeg;

/// <summary>
/// Builds ffmpeg / ffprobe argument lists (for <see cref="System.Diagnostics.ProcessStartInfo.ArgumentList"/>,
/// never a shell string). Pure: same input, same list.
/// </summary>
public static class FfmpegArguments
{
    /// <summary>
    /// ffmpeg arguments that decode <paramref name="source"/>, drop to its detect rate, scale to
    /// <paramref name="output"/> and write packed bgr24 frames of exactly
    /// <see cref="FrameSize.FrameBytes"/> bytes each to stdout. With <paramref name="keyFramesOnly"/> the decoder skips
    /// every frame but key frames (<c>-skip_frame nokey</c>: a still scene costs a fraction of a full decode) and frames
    /// pass at their own (lower) rate, capped at the detect rate, instead of being repeated up to it.
    /// </summary>
    public static IReadOnlyList<string> Build(CameraSource source, IngestOptions options, FrameSize output, bool keyFramesOnly = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (output.Width <= 0 || output.Height <= 0)
            throw new ArgumentOutOfRangeException(nameof(output), output, "Output size must be positive.");

        var args = new List<string>(40) { "-nostdin", "-hide_banner", "-loglevel", "warning" };
        if (options.DecoderThreads > 0) args.AddRange(["-threads", Invariant(options.DecoderThreads)]);
        if (options.HardwareAcceleration is { Length: > 0 } hw) args.AddRange(["-hwaccel", hw]);
        if (keyFramesOnly) args.AddRange(["-skip_frame", "nokey"]);
        AddInput(args, source, options, forProbe: false);

        // The scale filter is always explicit, so the frame size on the pipe is known and fixed even
        // if the camera changes resolution mid-stream.
        var filters = new List<string>(2);
        if (source.DetectFps is { } fps && !keyFramesOnly) filters.Add("fps=" + Invariant(fps));
        filters.Add($"scale={Invariant(output.Width)}:{Invariant(output.Height)}:flags={ScaleFlag(options.ScaleAlgorithm)}");

        args.AddRange(["-an", "-sn", "-dn", "-vf", string.Join(',', filters)]);
        // Passthrough: the fps filter already paced the frames; no duplicates from vsync. Key frames only: the fps filter
        // would repeat each key frame up to the detect rate, so vfr with -r only caps the rate (drops, never repeats).
        if (keyFramesOnly && source.DetectFps is { } cap) args.AddRange(["-fps_mode", "vfr", "-r", Invariant(cap)]);
        else args.AddRange(["-fps_mode", "passthrough"]);
        args.AddRange(["-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1"]);
        return args;
    }

    /// <summary>ffprobe arguments that print the first video stream's <c>width,height</c> as one CSV line.</summary>
    public static IReadOnlyList<string> BuildProbe(CameraSource source, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var args = new List<string>(24) { "-hide_banner", "-loglevel", "error" };
        AddInput(args, source, options, forProbe: true);
        args.AddRange(["-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0"]);
        return args;
    }

    /// <summary>The string ffmpeg gets after <c>-i</c>: files get an explicit <c>file:</c> prefix so a ':' in a name is not read as a protocol.</summary>
    public static string InputUrl(CameraSource source) => source.Kind switch
    {
        SourceKind.File => "file:" + CameraSource.LocalPath(source.Url),
        _ => source.Url,
    };

    private static void AddInput(List<string> args, CameraSource source, IngestOptions options, bool forProbe)
    {
        var timeoutMicros = Invariant((long)options.ReadTimeout.TotalMicroseconds);
        var analyzeMicros = Invariant((long)options.AnalyzeDuration.TotalMicroseconds);
        switch (source.Kind)
        {
            case SourceKind.Rtsp:
                if (options.RtspTransport != RtspTransport.Auto)
                    args.AddRange(["-rtsp_transport", options.RtspTransport.ToString().ToLowerInvariant()]);
                // RTSP's -timeout is the socket I/O timeout (µs): connect and every read.
                args.AddRange(["-timeout", timeoutMicros, "-analyzeduration", analyzeMicros]);
                if (!forProbe) args.AddRange(["-fflags", "+genpts+discardcorrupt"]);
                break;
            case SourceKind.Http:
            case SourceKind.OtherNetwork:
                args.AddRange(["-rw_timeout", timeoutMicros, "-analyzeduration", analyzeMicros]);
                if (!forProbe) args.AddRange(["-fflags", "+genpts+discardcorrupt"]);
                break;
            case SourceKind.Device:
                args.AddRange(["-f", "v4l2"]);
                break;
            case SourceKind.File when !forProbe:
                if (source.Playback == FilePlayback.RealTimeLoop) args.AddRange(["-stream_loop", "-1"]);
                if (source.Playback != FilePlayback.Once) args.Add("-re");
                break;
        }
        args.AddRange(["-i", InputUrl(source)]);
    }

    private static string ScaleFlag(ScaleAlgorithm algorithm) => algorithm switch
    {
        ScaleAlgorithm.FastBilinear => "fast_bilinear",
        ScaleAlgorithm.Bilinear => "bilinear",
        ScaleAlgorithm.Bicubic => "bicubic",
        _ => "area",
    };

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
