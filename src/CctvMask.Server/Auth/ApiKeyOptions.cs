using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Auth;

/// <summary>
/// API keys (section "Auth"; also CCTVMASK_ADMIN_KEY / CCTVMASK_VIEWER_KEY). With no admin key
/// configured, one is generated on first start and kept in the data folder. Besides these two, <see cref="Keys"/>
/// names any number of keys per role, each given by its SHA-256 only, so configuration never holds the key;
/// the audit log records a key's name, never the key.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Auth";

    public string? AdminKey { get; set; }
    public string? ViewerKey { get; set; }

    /// <summary>Named keys (<c>Auth:Keys:0:Name</c>, <c>:Role</c>, <c>:Sha256</c>).</summary>
    public List<NamedApiKey> Keys { get; set; } = [];

    /// <summary>Name the audit log gives the admin key of <see cref="AdminKey"/> (or the generated one).</summary>
    [Required, StringLength(64, MinimumLength = 1)] public string AdminKeyName { get; set; } = "admin";

    /// <summary>Name the audit log gives the viewer key of <see cref="ViewerKey"/>.</summary>
    [Required, StringLength(64, MinimumLength = 1)] public string ViewerKeyName { get; set; } = "viewer";

    /// <summary>File (relative to the data folder) that holds the generated admin key.</summary>
    [Required] public string GeneratedKeyFile { get; set; } = "admin.key";

    /// <summary>Configured keys shorter than this are refused at start (they would be guessable).</summary>
    [Range(8, 256)] public int MinKeyLength { get; set; } = 16;

    /// <summary>Random bytes in a generated key (base64url encoded).</summary>
    [Range(16, 128)] public int GeneratedKeyBytes { get; set; } = 32;
}
