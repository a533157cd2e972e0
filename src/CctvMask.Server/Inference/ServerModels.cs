using CctvMask.Grains.Inference;
using CctvMask.Server.Detect;
using CctvMask.Server.Detect.Contracts;
using CctvMask.Server.Health;
using CctvMask.Server.Violations.Contracts;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Models;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Inference;

/// <summary>
/// What the API needs of the silo's detector (<see cref="DetectorLoader"/>, the one place it is built):
/// readiness reports its load error; <c>POST /api/detect</c> decodes one uploaded image here and has the
/// silo's inference loop judge it in a round beside the cameras' frames (<see cref="InferenceLanes.DetectAsync"/>).
/// </summary>
public sealed class ServerModels(DetectorLoader loader, InferenceLanes lanes, IOptions<DetectOptions> detectOptions)
    : IModelProbe, IImageFaceDetector
{
    public string? LoadError() => loader.LoadError();

    public async Task<DetectResponse> DetectAsync(byte[] encodedImage, CancellationToken cancellationToken)
    {
        // Decode first: a bad upload is the client's error even when the models are not loaded.
        // Never more than analysis needs: a huge image is reduced while it is decoded, row by row.
        var limits = detectOptions.Value;
        var decoded = BoundedDecoder.Decode(encodedImage, limits.MaxSourcePixels, limits.MaxAnalysisPixels);
        using var image = decoded.Image;
        var k = decoded.Factor;
        // The API analyses with the detector's own small-face pass setting (off on a silo unless configured).
        var smallFace = loader.Detector.Options.Detector.ZoomLongSide;
        var faces = await lanes.DetectAsync(image.AsFrame(), smallFace, cancellationToken);
        var result = new DetectedFaceResponse[faces.Length];
        for (var i = 0; i < faces.Length; i++)
        {
            var f = faces[i];
            result[i] = new DetectedFaceResponse(
                new BoxResponse(f.Box.X * k, f.Box.Y * k, f.Box.Width * k, f.Box.Height * k), f.Score, f.Label.ToName(),
                float.IsNaN(f.MaskProbability) ? null : f.MaskProbability,
                float.IsNaN(f.IncorrectProbability) ? null : f.IncorrectProbability);
        }
        return new DetectResponse(decoded.OriginalWidth, decoded.OriginalHeight, result);
    }
}
