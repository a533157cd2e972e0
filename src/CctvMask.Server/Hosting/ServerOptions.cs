using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Hosting;

/// <summary>Process-wide server settings (section "Server").</summary>
public sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>Default request body limit for every endpoint, in bytes (JSON bodies are small).</summary>
    [Range(1_024, 64L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
