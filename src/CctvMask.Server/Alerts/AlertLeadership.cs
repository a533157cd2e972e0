using CctvMask.Storage.Alerts;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Alerts;

/// <summary>
/// Which server evaluates rules and sends deliveries: the holder of the database lease "alerts". Every
/// server asks before each pass; the holder renews it, the others take it once it expires (a dead holder
/// is replaced within <see cref="AlertOptions.LeaseSeconds"/>). A holder that cannot reach the database to
/// renew stops acting once its own lease time is over, so two servers act at once only across a clock
/// skew window; the stable event id lets receivers drop the rare duplicate.
/// </summary>
public sealed class AlertLeadership(AlertLease lease, IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertLeadership> logger)
{
    public const string LeaseName = "alerts";

    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _heldUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private bool _leader;

    /// <summary>This server's lease holder name.</summary>
    public string Holder => _holder;

    /// <summary>True when this server holds the lease (acquired or renewed now if due).</summary>
    public async Task<bool> IsLeaderAsync(CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            // Renew at a third of the lease: cheap, and a missed renewal still leaves time.
            if (now - _checkedAt < duration / 3 && now < _heldUntil) return _leader;
            bool held;
            try
            {
                held = await lease.TryAcquireAsync(LeaseName, _holder, now, duration, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (Hosting.DatabaseFailure.Is(ex) && !cancellationToken.IsCancellationRequested)
            {
                held = _leader && now < _heldUntil;
            }
            _checkedAt = now;
            if (held) _heldUntil = now + duration;
            if (held != _leader) AlertLog.Leadership(logger, held ? "took" : "lost", LeaseName);
            _leader = held;
            return held;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Hands the lease over at a graceful stop.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (!_leader) return;
        _leader = false;
        try
        {
            await lease.ReleaseAsync(LeaseName, _holder, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Hosting.DatabaseFailure.Is(ex) || ex is OperationCanceledException or ObjectDisposedException)
        {
            // It expires on its own. ObjectDisposedException: the host is already tearing the database down.
        }
    }
}
