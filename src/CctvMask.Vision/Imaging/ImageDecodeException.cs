namespace CctvMask.Vision.Imaging;

/// <summary>An image could not be decoded: empty, truncated, not an image, too large or unsupported.</summary>
public sealed class ImageDecodeException : Exception
{
    /// <summary>Creates the exception with a message that names the source and the problem.</summary>
    public ImageDecodeException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ImageDecodeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
