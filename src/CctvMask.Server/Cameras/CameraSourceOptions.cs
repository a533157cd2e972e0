namespace CctvMask.Server.Cameras;

/// <summary>
/// Where camera URLs may point (section "CameraSources"). RTSP(S) may point anywhere, loopback
/// included (a camera protocol; the RTSP simulator and local relays live there).
/// </summary>
public sealed class CameraSourceOptions
{
    public const string SectionName = "CameraSources";

    /// <summary>Folders <c>file://</c> sources must be inside (after resolving "..", symlinks); empty = no file sources.</summary>
    public string[] MediaRoots { get; set; } = [];

    /// <summary>
    /// Allow http(s) sources on this machine (loopback, its own addresses) and link-local addresses
    /// (e.g. a local MJPEG relay). The server's own listening ports on this machine stay refused.
    /// </summary>
    public bool AllowLocalHttp { get; set; }
}
