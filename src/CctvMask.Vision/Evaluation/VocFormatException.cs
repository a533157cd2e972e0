namespace CctvMask.Vision.Evaluation;

/// <summary>An annotation file is not valid PASCAL VOC XML; the message names the file and the problem.</summary>
public sealed class VocFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VocFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public VocFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
