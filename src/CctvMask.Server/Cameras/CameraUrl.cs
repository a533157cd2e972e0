using System.Text;
using System.Text.RegularExpressions;

namespace CctvMask.Server.Cameras;

/// <summary>
/// Camera URL rules: which sources are accepted, and how credentials are hidden. Credentials are
/// stored as given but every response, log line and export shows <c>rtsp://user:***@host/…</c>.
/// </summary>
public static partial class CameraUrl
{
    public const string Mask = "***";

    private static readonly string[] AllowedSchemes = ["rtsp", "rtsps", "http", "https", "file"];

    // Query parameters some cameras (Dahua, Hikvision CGI) use for credentials.
    private static readonly string[] SecretQueryKeys = ["password", "passwd", "pass", "pwd", "token", "key", "auth", "apikey", "api_key"];

    /// <summary>Null when the URL is acceptable, else the reason (for the "url" field error).</summary>
    public static string? Validate(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "The camera URL is required.";
        if (url.Length > 2048) return "The camera URL must be at most 2048 characters.";
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
    public static string Redact(string? url)
    {
        if (string.IsNullOrEmpty(url)) return url ?? "";
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return url;
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0) authorityEnd = url.Length;
        var sb = new StringBuilder(url.Length);
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at >= authorityStart)
        {
            var colon = url.IndexOf(':', authorityStart, at - authorityStart);
            sb.Append(url, 0, colon >= 0 ? colon + 1 : at);
            sb.Append(colon >= 0 ? Mask : "");
            sb.Append(url, at, authorityEnd - at);
        }
        else
        {
            sb.Append(url, 0, authorityEnd);
        }
        sb.Append(RedactQuery(url.AsSpan(authorityEnd)));
        return sb.ToString();
    }

    /// <summary>Scrubs every URL-embedded credential inside free text (ffmpeg messages, exception text).</summary>
    public static string RedactText(string text) =>
        text.Contains("://", StringComparison.Ordinal) ? EmbeddedUrl().Replace(text, m => Redact(m.Value)) : text;

    private static string RedactQuery(ReadOnlySpan<char> rest)
    {
        var q = rest.IndexOf('?');
        if (q < 0) return rest.ToString();
        var text = rest.ToString();
        return SecretQueryValue().Replace(text, m =>
            SecretQueryKeys.Contains(m.Groups["k"].Value, StringComparer.OrdinalIgnoreCase)
                ? $"{m.Groups["sep"].Value}{m.Groups["k"].Value}={Mask}"
                : m.Value);
    }

    [GeneratedRegex(@"^/dev/video\d{1,3}$")]
    private static partial Regex VideoDevice();

    [GeneratedRegex(@"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s""'<>]+")]
    private static partial Regex EmbeddedUrl();

    [GeneratedRegex(@"(?<sep>[?&;])(?<k>[^=&;#]+)=[^&;#]*")]
    private static partial Regex SecretQueryValue();
}
