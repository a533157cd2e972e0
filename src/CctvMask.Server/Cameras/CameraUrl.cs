using System.Text.RegularExpressions;
using CctvMask.Video.Security;

namespace CctvMask.Server.Cameras;

/// <summary>
/// Camera URL rules: which sources are accepted, and how credentials are hidden. Credentials are
/// stored as given but every response, log line and export shows <c>rtsp://user:***@host/…</c>.
/// </summary>
public static partial class CameraUrl
{
    public const string Mask = UrlScrubber.Mask;

    private static readonly string[] AllowedSchemes = ["rtsp", "rtsps", "http", "https", "file"];

    /// <summary>Null when the URL is acceptable, else the reason (for the "url" field error).</summary>
    public static string? Validate(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "The camera URL is required.";
        if (url.Length > 2048) return "The camera URL must be at most 2048 characters.";
        if (url.Any(char.IsControl)) return "The camera URL must not contain control characters.";
        if (VideoDevice().IsMatch(url)) return null;
        // On Unix a bare path parses as a file URI: only capture devices may be given that way.
        if (url.StartsWith('/'))
            return "A bare path must be a capture device (/dev/videoN); use file:///path for a video file.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return "The camera URL is not an absolute URL (expected rtsp://, rtsps://, http(s)://, file:// or /dev/videoN).";
        if (!AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
            return $"The URL scheme '{uri.Scheme}' is not supported (expected rtsp, rtsps, http, https, file or /dev/videoN).";
        if (uri.Scheme != "file" && string.IsNullOrEmpty(uri.Host)) return "The camera URL has no host.";
        return null;
    }

    /// <summary>The URL with the password (and secret query values) replaced by ***.</summary>
    public static string Redact(string? url) => UrlScrubber.Scrub(url);

    /// <summary>Scrubs every URL-embedded credential inside free text (ffmpeg messages, exception text).</summary>
    public static string RedactText(string text) => UrlScrubber.Scrub(text);

    [GeneratedRegex(@"^/dev/video\d{1,3}$")]
    private static partial Regex VideoDevice();
}
