using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Hosting;

/// <summary>Process-wide server settings (section "Server").</summary>
public sealed class ServerOptions
{
    public const string SectionName = "Server";

    /// <summary>Default request body limit for every endpoint, in bytes (JSON bodies are small).</summary>
    [Range(1_024, 64L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Longest request target (path and query) answered, in bytes; longer is a 414 ProblemDetails.</summary>
    [Range(256, 1024 * 1024)]
    public int MaxRequestTargetBytes { get; set; } = 8 * 1024;

    /// <summary>Largest total of request headers answered, in bytes; more is a 431 ProblemDetails.</summary>
    [Range(1_024, 4 * 1024 * 1024)]
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// Honour X-Forwarded-For / X-Forwarded-Proto from <see cref="TrustedProxies"/> (behind a TLS-terminating
    /// proxy: the session cookie then gets its Secure flag and throttling sees the real client).
    /// </summary>
    public bool UseForwardedHeaders { get; set; }

    /// <summary>Proxy addresses or CIDR networks whose forwarded headers are trusted (default: loopback only).</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>
    /// Give Kestrel's own error answers (a request it cannot parse, or past its hard limits) a ProblemDetails body
    /// (<see cref="KestrelProblemBodies"/>); off forwards Kestrel's empty-bodied answers as they are.
    /// </summary>
    public bool KestrelErrorBodies { get; set; } = true;

    /// <summary>Kestrel's hard limits are this many times the limits above (past them Kestrel answers itself, see <see cref="KestrelErrorBodies"/>).</summary>
    public const int KestrelHeadroom = 4;
}
