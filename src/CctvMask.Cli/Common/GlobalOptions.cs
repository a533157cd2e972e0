using System.CommandLine;

namespace CctvMask.Cli.Common;

/// <summary>Options every command accepts.</summary>
public sealed class GlobalOptions
{
    /// <summary>Print stack traces with errors.</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print the stack trace with an error.",
        Recursive = true,
    };

    /// <summary>Model folder (else CCTVMASK_MODELS, else ./models).</summary>
    public Option<string?> Models { get; } = new("--models")
    {
        Description = "Model folder (default: $CCTVMASK_MODELS, else ./models).",
        Recursive = true,
    };
}
