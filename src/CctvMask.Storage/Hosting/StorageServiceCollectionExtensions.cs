using CctvMask.Storage.Audit;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Database;
using CctvMask.Storage.Privacy;
using CctvMask.Storage.Retention;
using CctvMask.Storage.Violations;
using CctvMask.Storage.WriteBehind;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CctvMask.Storage.Hosting;

/// <summary>
/// Registration of the storage layer: <c>builder.Services.AddCctvStorage(builder.Configuration);</c>
/// binds section <c>Storage</c> (validated on start), and registers as singletons
/// <see cref="CctvDbContextFactory"/>, <see cref="CctvDatabase"/>, <see cref="CameraRepository"/>,
/// <see cref="ViolationRepository"/>, <see cref="ComplianceRepository"/>, <see cref="Incidents.IncidentRepository"/>, <see cref="StorageMetrics"/>,
/// <see cref="WriteBehindStore"/> (also as <see cref="IStorageWriter"/>) and <see cref="RetentionService"/>;
/// hosted services in order: migration, write-behind, retention.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Adds the storage layer configured from <paramref name="configuration"/>'s <c>Storage</c> section.</summary>
    public static IServiceCollection AddCctvStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddCctvStorage(configuration.GetSection(StorageOptions.SectionName));
    }

    /// <summary>Adds the storage layer bound to <paramref name="section"/>.</summary>
    public static IServiceCollection AddCctvStorage(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<StorageOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CctvDbContextFactory>();
        services.TryAddSingleton<CctvDatabase>();
        services.TryAddSingleton<CameraRepository>();
        services.TryAddSingleton<ViolationRepository>();
        services.TryAddSingleton<ComplianceRepository>();
        services.TryAddSingleton<AuditRepository>();
        services.TryAddSingleton<KeyRing.KeyRingStore>();
        services.TryAddSingleton<PrivacyPurger>();
        services.TryAddSingleton<Incidents.IncidentRepository>();
        services.TryAddSingleton<StorageMetrics>();
        services.TryAddSingleton<WriteBehindStore>();
        services.TryAddSingleton<IStorageWriter>(sp => sp.GetRequiredService<WriteBehindStore>());
        services.TryAddSingleton<RetentionService>();
        services.AddHostedService<StorageStartupService>();
        services.AddHostedService(sp => sp.GetRequiredService<WriteBehindStore>());
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        return services;
    }
}
