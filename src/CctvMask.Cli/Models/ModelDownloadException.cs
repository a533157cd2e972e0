namespace CctvMask.Cli.Models;

/// <summary>A model could not be downloaded or failed its checksum; the message names the file and the cause.</summary>
public sealed class ModelDownloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelDownloadException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ModelDownloadException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
