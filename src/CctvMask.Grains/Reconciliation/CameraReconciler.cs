using CctvMask.Grains.Cameras;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Reconciliation;

/// <summary>
/// Level-triggered camera ownership, one per silo: every interval, every enabled camera in the
/// catalog gets an idempotent <see cref="ICameraGrain.EnsureRunningAsync"/> (which also applies
/// configuration changes and re-creates grains lost with a silo), and cameras that are no longer
/// enabled are stopped: those this reconciler ensured before, and those whose worker runs on this
/// silo (<see cref="CameraWorkerRegistry"/>), so a camera deleted while another silo was down stops too.
/// </summary>
public sealed class CameraReconciler(
    ICameraCatalog catalog,
    IGrainFactory grains,
    CameraWorkerRegistry registry,
    IOptions<ReconcilerOptions> options,
    ILogger<CameraReconciler> logger) : BackgroundService
{
    private readonly ReconcilerOptions _options = options.Value;
    private HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>Passes completed (for tests and diagnostics).</summary>
    public long Passes { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled) return;
        await Task.Delay(TimeSpan.FromSeconds(_options.InitialDelaySeconds), stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.IntervalSeconds));
        do
        {
            try
            {
                await ReconcileOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                ReconcilerLog.PassFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One pass: ensure enabled cameras run, stop the rest. Errors on one camera do not stop the pass.</summary>
    public async Task ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        var enabled = await catalog.ListEnabledAsync(cancellationToken).ConfigureAwait(false);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var config in enabled)
            if (config.Enabled) wanted.Add(config.CameraId);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelCalls, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(enabled, parallel, async (config, _) =>
        {
            if (!config.Enabled) return;
            try
            {
                await grains.GetGrain<ICameraGrain>(config.CameraId).EnsureRunningAsync(config).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                ReconcilerLog.EnsureFailed(logger, config.CameraId, ex);
            }
        }).ConfigureAwait(false);

        var toStop = new HashSet<string>(_known, StringComparer.Ordinal);
        toStop.UnionWith(registry.CameraIds);
        toStop.ExceptWith(wanted);
        await Parallel.ForEachAsync(toStop, parallel, async (cameraId, _) =>
        {
            ReconcilerLog.Stopping(logger, cameraId);
            try
            {
                await grains.GetGrain<ICameraGrain>(cameraId).StopAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                ReconcilerLog.StopFailed(logger, cameraId, ex);
            }
        }).ConfigureAwait(false);

        _known = wanted;
        Passes++;
        ReconcilerLog.PassDone(logger, wanted.Count, toStop.Count);
    }
}
