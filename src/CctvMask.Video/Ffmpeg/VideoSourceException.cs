using CctvMask.Video.Security;

namespace CctvMask.Video.Ffmpeg;

/// <summary>
/// A video source could not be opened or failed while reading (ffmpeg/ffprobe missing, URL
/// unreachable, not a video, decoder error). The message is scrubbed of credentials and ends with
/// ffmpeg's last stderr line when there is one.
/// </summary>
public sealed class VideoSourceException : Exception
{
    public VideoSourceException(string cameraId, string message, int? exitCode = null,
        IReadOnlyList<string>? stderrTail = null, Exception? inner = null)
        : base(UrlScrubber.Scrub(message), inner)
    {
        CameraId = cameraId;
        ExitCode = exitCode;
        StderrTail = stderrTail ?? [];
    }

    public string CameraId { get; }

    /// <summary>ffmpeg/ffprobe exit code when the process ended.</summary>
    public int? ExitCode { get; }

    /// <summary>Last stderr lines (scrubbed).</summary>
    public IReadOnlyList<string> StderrTail { get; }
}
