namespace CctvMask.Cli.Detect;

/// <summary>What <c>cctvmask detect</c> was given.</summary>
public enum InputKind
{
    /// <summary>One image file.</summary>
    Image,

    /// <summary>A folder of images.</summary>
    ImageFolder,

    /// <summary>A video file, a network stream (rtsp/http/…) or a capture device.</summary>
    Video,
}
