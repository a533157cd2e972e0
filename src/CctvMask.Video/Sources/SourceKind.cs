namespace CctvMask.Video.Sources;

/// <summary>What kind of input a camera URL points at; decides ffmpeg's input options.</summary>
public enum SourceKind
{
    /// <summary>rtsp:// or rtsps://.</summary>
    Rtsp,

    /// <summary>http:// or https:// (typically MJPEG).</summary>
    Http,

    /// <summary>Other network protocols ffmpeg reads (rtmp, srt, udp, tcp): generic I/O timeout only.</summary>
    OtherNetwork,

    /// <summary>A local file (plain path or file: URL).</summary>
    File,

    /// <summary>A V4L2 capture device (/dev/videoN).</summary>
    Device,
}
