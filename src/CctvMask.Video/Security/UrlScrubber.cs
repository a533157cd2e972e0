using System.Text.RegularExpressions;

namespace CctvMask.Video.Security;

/// <summary>
/// Removes secrets from text that may contain camera URLs (log lines, ffmpeg stderr, exception
/// messages, status): <c>rtsp://user:pass@host/x</c> becomes <c>rtsp://user:***@host/x</c>, and
/// query parameters such as <c>password=...</c> become <c>password=***</c>. Pure and thread-safe.
/// </summary>
public static partial class UrlScrubber
{
    /// <summary>The replacement for a secret.</summary>
    public const string Mask = "***";

    /// <summary>Returns <paramref name="text"/> with every URL password and password-like query value masked.</summary>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
        // Fast path: nothing that could carry credentials.
        if (!text.Contains('@') && !text.Contains('=')) return text;
        var result = UserInfo().Replace(text, "${scheme}${user}:" + Mask + "@");
        return SecretQuery().Replace(result, "${key}=" + Mask);
    }

    // The password runs greedily up to the last '@' before the host ends (a space, '/', '?' or '#'),
    // so unencoded '@' inside a password (common in camera configs) is masked too.
    [GeneratedRegex(@"(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?<user>[^:/?#@\s]*):(?<pass>[^\s/?#]*)@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"(?<key>\b(?:password|passwd|pwd|pass|token|key|auth|apikey|api_key)\b)=(?<value>[^&\s""']*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretQuery();
}
