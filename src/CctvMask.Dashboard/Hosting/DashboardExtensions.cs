using CctvMask.Dashboard.Api;
using CctvMask.Dashboard.Export;
using CctvMask.Dashboard.Media;
using CctvMask.Dashboard.Session;
using CctvMask.Dashboard.Shell;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace CctvMask.Dashboard.Hosting;

/// <summary>
/// Hosting of the dashboard inside the server: pages at "/", its helper endpoints under
/// "/dashboard/", and a typed client that calls the server's own API with the user's key. The session cookie is
/// protected with the host's Data Protection key ring (the server's <c>AddCctvKeyRing</c> owns it: keys shared by
/// the fleet in the database); the dashboard registers none of its own.
/// </summary>
public static class DashboardExtensions
{
    public static IServiceCollection AddCctvDashboard(this IServiceCollection services, Action<DashboardOptions>? configure = null)
    {
        var options = services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null) options.Configure(configure);

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Toasts at the bottom: at the top right they covered the page header's buttons (Add camera).
        services.AddMudServices(mud => mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddScoped<DashboardSession>();
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<SessionRevocations>();
        services.AddOptions<FailureThrottleOptions>().BindConfiguration(FailureThrottleOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(FailureThrottle.Login, (sp, _) => new FailureThrottle(
            sp.GetRequiredService<IOptions<FailureThrottleOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ApiBaseAddress>();
        services.AddHttpClient<CctvApiClient>((sp, client) =>
        {
            client.BaseAddress = sp.GetRequiredService<ApiBaseAddress>().Get();
            client.DefaultRequestHeaders.Add(FailureThrottle.DashboardHeader, "1");
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<DashboardOptions>>().Value.ApiTimeoutSeconds);
        });
        return services;
    }

    /// <summary>Call after the API's authentication middleware; maps the pages and the dashboard endpoints.</summary>
    public static WebApplication MapCctvDashboard(this WebApplication app)
    {
        // Run from a build output (dotnet run / bin, not publish) outside Development, the
        // MudBlazor, Blazor and dashboard files live beside the projects, listed in the
        // *.staticwebassets.runtime.json manifest; serve them from there. A published app has
        // no such manifest and this is a no-op.
        if (!app.Environment.IsDevelopment())
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapSessionEndpoints();
        app.MapMediaEndpoints();
        app.MapExportEndpoints();
        return app;
    }
}
