using System.Security.Cryptography;
using System.Text;

namespace CctvMask.Server.Cameras;

/// <summary>Derives a camera id (slug) from its name when the client gives none: "Front Door" → "front-door-3f9a1c".</summary>
public static class CameraSlug
{
    private const int MaxStemLength = 40;

    public static string FromName(string name)
    {
        var sb = new StringBuilder(MaxStemLength);
        foreach (var ch in name.Trim().ToLowerInvariant())
        {
            if (sb.Length >= MaxStemLength) break;
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var stem = sb.ToString().Trim('-');
        return $"{(stem.Length == 0 ? "camera" : stem)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
    }
}
