namespace CctvMask.Server.Telemetry;

/// <summary>What /metrics exposes beyond the product's own series (section "Metrics").</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// Blazor's component metrics (render, event and parameter timings per component type): thousands of
    /// histogram lines that grow with every page opened, useful only when profiling the dashboard. Off by default.
    /// </summary>
    public bool IncludeDashboardComponents { get; set; }
}
