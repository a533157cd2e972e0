using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Auth;

/// <summary>
/// API keys (section "Auth"; also CCTVMASK_ADMIN_KEY / CCTVMASK_VIEWER_KEY). With no admin key
/// configured, one is generated on first start and kept in the data folder.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Auth";

    public string? AdminKey { get; set; }
    public string? ViewerKey { get; set; }

    /// <summary>File (relative to the data folder) that holds the generated admin key.</summary>
    [Required] public string GeneratedKeyFile { get; set; } = "admin.key";

    /// <summary>Configured keys shorter than this are refused at start (they would be guessable).</summary>
    [Range(8, 256)] public int MinKeyLength { get; set; } = 16;

    /// <summary>Random bytes in a generated key (base64url encoded).</summary>
    [Range(16, 128)] public int GeneratedKeyBytes { get; set; } = 32;
}
