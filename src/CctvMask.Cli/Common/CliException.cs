namespace CctvMask.Cli.Common;

/// <summary>A user-facing failure; its message is printed as is (it names the file and the problem).</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public CliException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
