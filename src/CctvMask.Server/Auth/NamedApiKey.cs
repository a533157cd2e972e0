namespace CctvMask.Server.Auth;

/// <summary>
/// One named API key in configuration: its name (shown in the audit log), its role (<c>admin</c> or <c>viewer</c>)
/// and the lower- or upper-case hex SHA-256 of the key's UTF-8 bytes (<c>printf %s "$KEY" | sha256sum</c>).
/// </summary>
public sealed class NamedApiKey
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Sha256 { get; set; }
}
