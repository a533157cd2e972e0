using System.ComponentModel.DataAnnotations;
using CctvMask.Grains.Hosting;
using CctvMask.Server.Cameras;
using CctvMask.Server.Fleet;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Hosting;

/// <summary>
/// The Orleans silo co-hosted with the HTTP API in one process: one localhost silo by default,
/// or a member of a Redis-clustered fleet (Orleans:Clustering=Redis, see <see cref="FleetClustering"/>).
/// </summary>
public static class OrleansExtensions
{
    public static WebApplicationBuilder AddCctvOrleans(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrleansHostingOptions>()
            .BindConfiguration(OrleansHostingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OrleansHostingOptions>, OrleansHostingOptionsValidator>();
        // The silo is configured now, so the options are also checked now (same rules).
        var options = ReadValidated<OrleansHostingOptions>(builder.Configuration, OrleansHostingOptions.SectionName, OrleansHostingOptionsValidator.Errors);

        FleetMembershipOptions? membership = null;
        var kubernetes = false;
        if (options.Clustering == ClusteringMode.Redis)
        {
            builder.Services.AddOptions<FleetMembershipOptions>()
                .BindConfiguration(FleetMembershipOptions.SectionName)
                .ValidateDataAnnotations()
                .ValidateOnStart();
            membership = ReadValidated<FleetMembershipOptions>(builder.Configuration, FleetMembershipOptions.SectionName, _ => []);
            kubernetes = FleetClustering.IsKubernetes(builder.Configuration);
            builder.Services.AddHostedService<ClusterMembershipLogger>();
        }

        // services.AddOrleans, not builder.UseOrleans: the latter hands Orleans the app configuration and
        // Orleans 10 then reads "Orleans:Clustering" as its own provider section (our value "Redis" or
        // "Localhost" fails there as "provider named 'Default'"). The section is this server's contract.
        builder.Services.AddOrleans(silo =>
        {
            if (membership is not null)
                FleetClustering.Configure(silo, options, membership, kubernetes);
            else
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddCctvGrains();
        });
        // The grains' seam to storage (camera catalog for the reconciler, event sinks) and the API's handle on grains.
        builder.Services.AddCctvGrainsStorage();
        builder.Services.AddSingleton<ICameraControl, GrainCameraControl>();
        return builder;
    }

    /// <summary>Binds a section and applies DataAnnotations plus <paramref name="rules"/>; throws with every broken rule.</summary>
    private static T ReadValidated<T>(IConfiguration configuration, string section, Func<T, IReadOnlyList<string>> rules)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new();
        var results = new List<ValidationResult>();
        var errors = new List<string>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            errors.AddRange(results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage ?? "invalid"}"));
        errors.AddRange(rules(options));
        if (errors.Count > 0) throw new OptionsValidationException(section, typeof(T), errors);
        return options;
    }
}
