namespace CctvMask.Video.Sources;

/// <summary>RTSP lower transport. TCP by default: interleaved RTP survives NAT and loss without smearing.</summary>
public enum RtspTransport
{
    Tcp,
    Udp,

    /// <summary>RTSP tunnelled over HTTP.</summary>
    Http,

    /// <summary>Let ffmpeg negotiate (it tries UDP first).</summary>
    Auto,
}
