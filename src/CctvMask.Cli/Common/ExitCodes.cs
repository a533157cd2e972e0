namespace CctvMask.Cli.Common;

/// <summary>Process exit codes of <c>cctvmask</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Any failure (bad input, missing model, failed check).</summary>
    public const int Error = 1;

    /// <summary>Command-line usage error.</summary>
    public const int Usage = 2;
}
