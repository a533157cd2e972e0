using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CctvMask.Server.Telemetry;

/// <summary>OpenTelemetry metrics with a Prometheus scrape endpoint, covering every "CctvMask.*" meter.</summary>
public static class TelemetryExtensions
{
    public static WebApplicationBuilder AddCctvTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("cctvmask-server"))
            .WithMetrics(m => m
                .AddMeter("CctvMask.*", "Cctv.*")
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        // Eagerly create the server meter so /metrics lists it from the first scrape.
        app.Services.GetRequiredService<ServerMetrics>();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
