using System.Diagnostics.Metrics;
using CctvMask.Grains.Cameras;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CctvMask.Server.Telemetry;

/// <summary>
/// OpenTelemetry metrics with a Prometheus scrape endpoint, covering every "CctvMask.*" meter, ASP.NET Core and the
/// runtime. Blazor's component meters are dropped unless Metrics:IncludeDashboardComponents is set.
/// </summary>
public static class TelemetryExtensions
{
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10];
    private static readonly double[] CountBuckets = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64];
    private const string ComponentMeterPrefix = "Microsoft.AspNetCore.Components";

    public static WebApplicationBuilder AddCctvTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServerMetrics>();
        var options = builder.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("cctvmask-server"))
            .WithMetrics(m =>
            {
                m.AddMeter("CctvMask.*", "Cctv.*")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                // The view needs this host's meter factory, known once the container is built.
                ((IDeferredMeterProviderBuilder)m).Configure((services, metrics) =>
                {
                    var own = services.GetRequiredService<IMeterFactory>();
                    metrics.AddView(instrument => View(instrument, own, options));
                });
            });
        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        // Eagerly create the server meter so /metrics lists it from the first scrape.
        app.Services.GetRequiredService<ServerMetrics>();
        app.Services.GetRequiredService<CameraMetrics>();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static MetricStreamConfiguration? View(Instrument instrument, IMeterFactory own, MetricsOptions options)
    {
        if (!options.IncludeDashboardComponents && instrument.Meter.Name.StartsWith(ComponentMeterPrefix, StringComparison.Ordinal))
            return MetricStreamConfiguration.Drop;
        // OpenTelemetry listens to every meter in the process by name. Another host's meter (in-process test
        // servers) would share this host's metric stream, and take it away when that host disposes its meters.
        if (instrument.Meter.Scope is IMeterFactory owner && !ReferenceEquals(owner, own))
            return MetricStreamConfiguration.Drop;
        // The SDK's default buckets (0, 5, 10, 25 … 10000) suit milliseconds, not seconds or batch sizes.
        if (instrument.Meter.Name.StartsWith("CctvMask", StringComparison.Ordinal) && instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal))
            return new ExplicitBucketHistogramConfiguration { Boundaries = instrument.Unit == "s" ? SecondsBuckets : CountBuckets };
        return null;
    }
}
