using CctvMask.Server.Detect;
using CctvMask.Server.Detect.Contracts;
using CctvMask.Server.Health;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Inference;

/// <summary>Interim: model folder check and decoding only, until the Vision two-phase detector lands.</summary>
public sealed class ServerModels(IOptions<InferenceOptions> options, IConfiguration configuration) : IModelProbe, IImageFaceDetector
{
    private string ModelsDir =>
        options.Value.ModelsDir is { Length: > 0 } d ? d
        : configuration["CCTVMASK_MODELS"] is { Length: > 0 } e ? e
        : Path.GetFullPath("models");

    public string? LoadError() =>
        File.Exists(Path.Combine(ModelsDir, "yunet_n_640_640.onnx")) ? null : $"Face detector model missing in {ModelsDir}.";

    public DetectResponse Detect(ReadOnlySpan<byte> encodedImage)
    {
        using var image = ImageCodec.Decode(encodedImage);
        return new DetectResponse(image.Width, image.Height, []);
    }
}
