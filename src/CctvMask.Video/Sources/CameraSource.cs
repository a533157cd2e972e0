using CctvMask.Abstractions.Cameras;
using CctvMask.Video.Security;

namespace CctvMask.Video.Sources;

/// <summary>
/// One camera (or file / device) to ingest: an id for logs and status, the URL, the detect rate and
/// the analysis size. Call <see cref="Validate"/> (the ingest types do) to get a clear
/// <see cref="ArgumentException"/> for bad input.
/// </summary>
public sealed record CameraSource
{
    /// <summary>Highest detect rate accepted; more is never useful for face/mask analytics.</summary>
    public const double MaxDetectFps = 60;

    public CameraSource(string cameraId, string url)
    {
        CameraId = cameraId;
        Url = url;
    }

    /// <summary>Stable id (letters, digits, '.', '_', '-'; 1–64 chars); appears on every log line.</summary>
    public string CameraId { get; init; }

    /// <summary>rtsp(s)://, http(s)://, file: URL or path, /dev/videoN, or another ffmpeg network URL. May hold credentials (scrubbed in logs).</summary>
    public string Url { get; init; }

    /// <summary>Frames per second handed to analysis (ffmpeg <c>fps</c> filter); null keeps every decoded frame.</summary>
    public double? DetectFps { get; init; } = 5;

    /// <summary>Size of the frames handed to analysis.</summary>
    public AnalysisSize AnalysisSize { get; init; } = AnalysisSize.Native;

    /// <summary>How a file source is played (ignored for live sources).</summary>
    public FilePlayback Playback { get; init; } = FilePlayback.RealTimeLoop;

    /// <summary>The URL with any password replaced by <c>***</c>: the only form that may be logged.</summary>
    public string ScrubbedUrl => UrlScrubber.Scrub(Url);

    /// <summary>The kind of input, from the URL's scheme.</summary>
    public SourceKind Kind => Classify(Url);

    /// <summary>True when the source ends by itself (a file played once): a clean exit is then the end, not a failure.</summary>
    public bool IsFinite => Kind == SourceKind.File && Playback != FilePlayback.RealTimeLoop;

    /// <summary>Never prints the password (records print all properties by default).</summary>
    public override string ToString() =>
        $"CameraSource {{ CameraId = {CameraId}, Url = {ScrubbedUrl}, DetectFps = {DetectFps?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "native"}, AnalysisSize = {AnalysisSize}, Playback = {Playback} }}";

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem (never the password).</summary>
    public void Validate()
    {
        CameraIdRule.Validate(CameraId, nameof(CameraId));
        if (string.IsNullOrWhiteSpace(Url))
            throw new ArgumentException($"Camera '{CameraId}': the URL is empty.", nameof(Url));
        _ = Classify(Url);
        if (DetectFps is { } fps && (!double.IsFinite(fps) || fps <= 0 || fps > MaxDetectFps))
            throw new ArgumentException($"Camera '{CameraId}': detect fps {fps} must be > 0 and <= {MaxDetectFps}.", nameof(DetectFps));
        if (Kind == SourceKind.File && !File.Exists(LocalPath(Url)))
            throw new ArgumentException($"Camera '{CameraId}': video file not found: {LocalPath(Url)}", nameof(Url));
    }

    /// <summary>The kind of a URL; throws <see cref="ArgumentException"/> for schemes ffmpeg ingest does not support.</summary>
    public static SourceKind Classify(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.StartsWith("/dev/video", StringComparison.Ordinal)) return SourceKind.Device;
        var scheme = SchemeOf(url);
        return scheme switch
        {
            null => SourceKind.File,
            "file" => SourceKind.File,
            "rtsp" or "rtsps" => SourceKind.Rtsp,
            "http" or "https" => SourceKind.Http,
            "rtmp" or "rtmps" or "srt" or "udp" or "tcp" => SourceKind.OtherNetwork,
            _ => throw new ArgumentException(
                $"Unsupported URL scheme '{scheme}' in {UrlScrubber.Scrub(url)}: use rtsp(s)://, http(s)://, a file path or file: URL, or /dev/videoN.", nameof(url)),
        };
    }

    /// <summary>The file system path of a file source (plain path or file: URL).</summary>
    public static string LocalPath(string url) =>
        url.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.IsFile ? u.LocalPath : url["file:".Length..])
            : Path.GetFullPath(url);

    /// <summary>Lower-case scheme, or null for a plain path (a one-letter "scheme" is not one).</summary>
    private static string? SchemeOf(string url)
    {
        var colon = url.IndexOf(':');
        if (colon < 2) return null;
        for (var i = 0; i < colon; i++)
        {
            var c = url[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') || (i == 0 && !char.IsAsciiLetter(c))) return null;
        }
        return url[..colon].ToLowerInvariant();
    }
}
