using CctvMask.Vision.Detection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CctvMask.Server.Detect;
using CctvMask.Server.Health;

namespace CctvMask.Server.Inference;

/// <summary>The shared two-phase detector (models loaded once per process) and what the API needs of it.</summary>
public static class InferenceExtensions
{
    public static WebApplicationBuilder AddCctvInference(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.SectionName);
        builder.Services.AddSingleton<ServerModels>();
        builder.Services.AddSingleton<IModelProbe>(sp => sp.GetRequiredService<ServerModels>());
        builder.Services.AddSingleton<IImageFaceDetector>(sp => sp.GetRequiredService<ServerModels>());
        // Shared with the camera pipelines (registered before AddCctvGrains, whose TryAdd then keeps
        // this one): one set of ONNX sessions per process, loaded lazily so readiness can report it.
        builder.Services.TryAddSingleton(sp => sp.GetRequiredService<ServerModels>().Detector);
        return builder;
    }
}
