using System.Text.RegularExpressions;

namespace CctvMask.Video.Security;

/// <summary>
/// Removes secrets from text that may contain camera URLs (log lines, ffmpeg stderr, exception
/// messages, status, API responses): <c>rtsp://user:pass@host/x</c> becomes <c>rtsp://user:***@host/x</c>,
/// a user-only userinfo (often a bearer token: <c>rtsp://TOKEN@host/x</c>) becomes <c>rtsp://***@host/x</c>,
/// and the value of every query parameter whose name looks secret (<c>password</c>, <c>pwd</c>,
/// <c>token</c>, <c>access_token</c>, <c>secret</c>, <c>client_secret</c>, <c>key</c>, <c>api_key</c>,
/// <c>auth</c>, <c>sig</c>, <c>signature</c>, <c>credential</c>…) becomes <c>***</c>. The one scrubber of
/// the code base. Pure, thread-safe and idempotent.
/// </summary>
public static partial class UrlScrubber
{
    /// <summary>The replacement for a secret.</summary>
    public const string Mask = "***";

    /// <summary>Returns <paramref name="text"/> with every URL credential and secret-like query value masked.</summary>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
        // Fast path: nothing that could carry credentials.
        if (!text.Contains('@') && !text.Contains('=')) return text;
        var result = UserInfo().Replace(text, "${scheme}${user}:" + Mask + "@");
        result = UserOnly().Replace(result, "${scheme}" + Mask + "@");
        return SecretQuery().Replace(result, "${key}=" + Mask);
    }

    // The password runs greedily up to the last '@' before the host ends (a space, '/', '?' or '#'),
    // so unencoded '@' inside a password (common in camera configs) is masked too.
    [GeneratedRegex(@"(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?<user>[^:/?#@\s]*):(?<pass>[^\s/?#]*)@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    // A userinfo without ':' is masked whole: cameras and CDNs put tokens there.
    [GeneratedRegex(@"(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)[^:/?#@\s]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UserOnly();

    // A parameter name containing a secret-like word, after '?', '&', ';', whitespace or the start.
    [GeneratedRegex(@"(?<=^|[?&;\s""'])(?<key>[A-Za-z0-9_.\-]*(?:pass(?:word|wd)?|pwd|token|secret|key|auth|sig(?:nature)?|credential|session)[A-Za-z0-9_.\-]*)=(?<value>[^&\s""'#]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretQuery();
}
