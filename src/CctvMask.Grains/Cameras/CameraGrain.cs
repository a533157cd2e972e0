using CctvMask.Video.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// Lifecycle, configuration and status of one camera (key = camera id). Thin on purpose: the frame
/// loop runs in a <see cref="CameraWorker"/> on the thread pool; a keep-alive timer refreshes the
/// status snapshot once per interval, restarts a failed worker after a delay, and keeps the grain
/// activated while the camera is enabled. Configuration is not persisted: the database is the
/// source of truth and the <c>CameraReconciler</c> re-applies it within seconds after a failover.
/// </summary>
public sealed class CameraGrain(
    IServiceProvider services,
    CameraWorkerRegistry registry,
    IOptions<CameraOptions> options,
    TimeProvider time,
    ILocalSiloDetails silo,
    ILogger<CameraGrain> logger) : Grain, ICameraGrain
{
    private readonly CameraOptions _options = options.Value;
    private CameraConfig? _config;
    private CameraWorker? _worker;
    private IGrainTimer? _timer;
    private CameraStatus? _status;
    private DateTimeOffset? _failedAt;
    private string? _startError;

    private string CameraId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public Task StartAsync(CameraConfig config) => EnsureRunningAsync(config);

    /// <inheritdoc />
    public Task UpdateConfigAsync(CameraConfig config) => EnsureRunningAsync(config);

    /// <inheritdoc />
    public async Task EnsureRunningAsync(CameraConfig config)
    {
        CheckIsMine(config);
        try
        {
            // Same rules as ingest, checked here so a bad configuration fails the call, not the worker.
            VideoFrameSourceFactory.ToSource(config).Validate();
        }
        catch (ArgumentException ex) when (config.Enabled)
        {
            // An enabled camera that cannot start (e.g. its file is gone) says why in its status: "failed" with
            // the error, not "stopped" with nothing. The reconciler re-applies it, so it starts once fixed.
            _startError = Video.Security.UrlScrubber.Scrub(ex.Message);
            throw;
        }
        if (!config.Enabled)
        {
            await StopWorkerAsync().ConfigureAwait(true);
            _config = config;
            _startError = null;
            return;
        }
        if (_worker is { IsRunning: true } && config == _config) return;
        if (_worker is not null)
        {
            CameraLog.Restarting(logger, CameraId);
            await StopWorkerAsync().ConfigureAwait(true);
        }
        _config = config;
        StartWorker(config);
    }

    /// <inheritdoc />
    public async Task StopAsync()
    {
        await StopWorkerAsync().ConfigureAwait(true);
        _startError = null;
        if (_config is not null) _config = _config with { Enabled = false };
    }

    /// <inheritdoc />
    public Task<CameraStatus> GetStatusAsync() => Task.FromResult(CurrentStatus());

    /// <inheritdoc />
    public Task<CameraConfig?> GetConfigAsync() => Task.FromResult(_config);

    /// <inheritdoc />
    public Task<LiveFrame?> GetLiveFrameAsync() =>
        _worker is { } worker ? worker.GetLiveFrameAsync(CancellationToken.None) : Task.FromResult<LiveFrame?>(null);

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await StopWorkerAsync().ConfigureAwait(true);
        await base.OnDeactivateAsync(reason, cancellationToken).ConfigureAwait(true);
    }

    private void CheckIsMine(CameraConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!string.Equals(config.CameraId, CameraId, StringComparison.Ordinal))
            throw new ArgumentException($"Configuration is for camera '{config.CameraId}' but this grain is '{CameraId}'.", nameof(config));
    }

    private void StartWorker(CameraConfig config)
    {
        CameraLog.Starting(logger, CameraId, config);
        // Resolved here, not in the constructor: the factory loads the models (via the batcher), and a
        // missing model must fail Start with its own message, not every status or stop call.
        CameraWorker worker;
        try
        {
            worker = services.GetRequiredService<CameraWorkerFactory>().Create(config);
        }
        catch (Exception ex) when (ex is not ArgumentException)
        {
            CameraLog.WorkerFailed(logger, CameraId, ex);
            var failure = CameraStartException.From(CameraId, ex);
            _startError = failure.Message;
            throw failure;
        }
        _startError = null;
        _worker = worker;
        _failedAt = null;
        registry.Register(worker);
        worker.Start();
        var period = TimeSpan.FromMilliseconds(_options.StatusIntervalMilliseconds);
        _timer ??= this.RegisterGrainTimer(OnTickAsync, new GrainTimerCreationOptions(period, period) { KeepAlive = true, Interleave = true });
        _status = worker.GetStatus() with { Silo = silo.SiloAddress.ToString() };
    }

    private async Task StopWorkerAsync()
    {
        _timer?.Dispose();
        _timer = null;
        var worker = _worker;
        if (worker is null) return;
        await worker.StopAsync().ConfigureAwait(true);
        registry.Unregister(worker);
        _status = worker.GetStatus() with { State = CameraState.Stopped, Silo = null };
        _worker = null;
    }

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        if (_worker is not { } worker) return;
        _status = CurrentStatus();
        if (!worker.Completion.IsCompleted || _config is not { Enabled: true } config) return;

        // The worker ended by itself: an error, or a finite source that finished.
        var now = time.GetUtcNow();
        if (worker.Completion.IsFaulted)
        {
            if (_failedAt is null)
            {
                CameraLog.WorkerFailed(logger, CameraId, worker.Completion.Exception!.GetBaseException());
                _failedAt = now;
            }
            if (now - _failedAt < TimeSpan.FromSeconds(_options.FailedRestartDelaySeconds)) return;
            CameraLog.RestartingFailed(logger, CameraId);
            registry.Unregister(worker);
            _worker = null;
            StartWorker(config);
            return;
        }
        // A finished file: stay stopped, let the grain deactivate normally.
        await StopWorkerAsync().ConfigureAwait(true);
    }

    private CameraStatus CurrentStatus()
    {
        var now = time.GetUtcNow();
        if (_worker is { } worker)
            return worker.GetStatus() with { Silo = silo.SiloAddress.ToString() };
        if (_startError is { } error)
            return (_status ?? CameraStatus.Stopped(CameraId, now)) with
            {
                State = CameraState.Failed, LastError = error, UpdatedAt = now, Silo = silo.SiloAddress.ToString(),
            };
        return _status is { } last
            ? last with { State = CameraState.Stopped, UpdatedAt = now, Silo = null }
            : CameraStatus.Stopped(CameraId, now);
    }
}
