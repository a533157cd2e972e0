using System.ComponentModel.DataAnnotations;

namespace CctvMask.Grains.Reconciliation;

/// <summary>Settings of the per-silo <see cref="CameraReconciler"/> (config section <c>Cctv:Reconciler</c>).</summary>
public sealed class ReconcilerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Cctv:Reconciler";

    /// <summary>Run the reconciler on this silo.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between passes (how fast added/removed cameras and failovers take effect).</summary>
    [Range(0.1, 3600)]
    public double IntervalSeconds { get; set; } = 5;

    /// <summary>Seconds after silo start before the first pass (lets the cluster settle).</summary>
    [Range(0, 600)]
    public double InitialDelaySeconds { get; set; } = 1;

    /// <summary>Grain calls in flight at once during a pass.</summary>
    [Range(1, 1000)]
    public int MaxParallelCalls { get; set; } = 16;
}
