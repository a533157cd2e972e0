using System.ComponentModel.DataAnnotations;
using CctvMask.Grains.Hosting;
using CctvMask.Server.Cameras;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Hosting;

/// <summary>The Orleans silo co-hosted with the HTTP API in one process.</summary>
public static class OrleansExtensions
{
    public static WebApplicationBuilder AddCctvOrleans(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrleansHostingOptions>()
            .BindConfiguration(OrleansHostingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The silo is configured now, so the options are also checked now (same rules).
        var options = builder.Configuration.GetSection(OrleansHostingOptions.SectionName).Get<OrleansHostingOptions>() ?? new();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            throw new OptionsValidationException(OrleansHostingOptions.SectionName, typeof(OrleansHostingOptions),
                results.Select(r => r.ErrorMessage ?? "invalid"));
        if (options.Clustering == ClusteringMode.Redis)
            throw new OptionsValidationException(OrleansHostingOptions.SectionName, typeof(OrleansHostingOptions),
                ["Orleans:Clustering=Redis is not available in this build yet; use Localhost."]);

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddCctvGrains();
        });
        // The grains' seam to storage (camera catalog for the reconciler, event sinks) and the API's handle on grains.
        builder.Services.AddCctvGrainsStorage();
        builder.Services.AddSingleton<ICameraControl, GrainCameraControl>();
        return builder;
    }
}
