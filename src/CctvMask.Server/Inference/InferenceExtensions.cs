using CctvMask.Server.Detect;
using CctvMask.Server.Health;

namespace CctvMask.Server.Inference;

/// <summary>What the API needs of the silo's detector: readiness and single-image detection.</summary>
public static class InferenceExtensions
{
    public static WebApplicationBuilder AddCctvInference(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServerModels>();
        builder.Services.AddSingleton<IModelProbe>(sp => sp.GetRequiredService<ServerModels>());
        builder.Services.AddSingleton<IImageFaceDetector>(sp => sp.GetRequiredService<ServerModels>());
        return builder;
    }
}
