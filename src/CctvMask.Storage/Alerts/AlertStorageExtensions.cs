using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CctvMask.Storage.Alerts;

/// <summary>Registers the alert stores (singletons) on top of <c>AddCctvStorage</c>.</summary>
public static class AlertStorageExtensions
{
    public static IServiceCollection AddCctvAlertStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<AlertRuleRepository>();
        services.TryAddSingleton<AlertEventRepository>();
        services.TryAddSingleton<AlertLease>();
        services.TryAddSingleton<ComplianceWindowReader>();
        return services;
    }
}
