using CctvMask.Server.Detect.Contracts;

namespace CctvMask.Server.Detect;

/// <summary>Decodes one encoded image and runs the two-phase detector on it.</summary>
public interface IImageFaceDetector
{
    /// <summary>Throws <c>ImageDecodeException</c> for anything that is not a decodable image.</summary>
    DetectResponse Detect(ReadOnlySpan<byte> encodedImage);
}
