namespace CctvMask.Video.Sources;

/// <summary>How a file source is played; ignored for live sources.</summary>
public enum FilePlayback
{
    /// <summary>Decode as fast as possible, once (the CLI's <c>detect video.mp4</c>). A clean end of file ends the source.</summary>
    Once,

    /// <summary>Read at the file's native rate (<c>-re</c>), once.</summary>
    RealTime,

    /// <summary>Read at native rate and loop forever (<c>-stream_loop -1 -re</c>): a file that behaves like a camera (demos, tests).</summary>
    RealTimeLoop,
}
