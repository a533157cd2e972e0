using CctvMask.Server.Detect.Contracts;

namespace CctvMask.Server.Detect;

/// <summary>Decodes one encoded image and has the silo's inference loop detect and judge its faces.</summary>
public interface IImageFaceDetector
{
    /// <summary>
    /// Throws <c>ImageDecodeException</c> for anything that is not a decodable image, <c>ModelLoadException</c>
    /// when the models cannot be loaded, <see cref="ObjectDisposedException"/> while the silo stops.
    /// </summary>
    Task<DetectResponse> DetectAsync(byte[] encodedImage, CancellationToken cancellationToken);
}
