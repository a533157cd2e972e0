using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CctvMask.Server.Telemetry;

/// <summary>OpenTelemetry metrics with a Prometheus scrape endpoint, covering every "CctvMask.*" meter.</summary>
public static class TelemetryExtensions
{
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10];
    private static readonly double[] CountBuckets = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64];

    public static WebApplicationBuilder AddCctvTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<CameraFleetMetrics>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("cctvmask-server"))
            .WithMetrics(m => m
                .AddMeter("CctvMask.*", "Cctv.*")
                // The SDK's default buckets (0, 5, 10, 25 … 10000) suit milliseconds, not seconds or batch sizes.
                .AddView(instrument => instrument.Meter.Name.StartsWith("CctvMask", StringComparison.Ordinal) && instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal)
                    ? new ExplicitBucketHistogramConfiguration { Boundaries = instrument.Unit == "s" ? SecondsBuckets : CountBuckets }
                    : null)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        // Eagerly create the server meter so /metrics lists it from the first scrape.
        app.Services.GetRequiredService<ServerMetrics>();
        app.Services.GetRequiredService<CameraFleetMetrics>();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
