using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CctvMask.Server.Cameras;

/// <summary>Camera API options.</summary>
public static class CamerasExtensions
{
    public static WebApplicationBuilder AddCctvCameras(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CameraOptions>()
            .BindConfiguration(CameraOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<CameraSourceOptions>().BindConfiguration(CameraSourceOptions.SectionName)
            .Validate(o => o.MediaRoots.All(Path.IsPathFullyQualified), "CameraSources:MediaRoots entries must be absolute paths.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CameraSourcePolicy>();
        return builder;
    }
}
