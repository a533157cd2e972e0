namespace CctvMask.Dashboard.Layout;

/// <summary>
/// Runs a refresh callback on a fixed period for as long as a component lives (live updates
/// without a page reload). Ticks never overlap: the next wait starts after the callback returns.
/// </summary>
public sealed class Poller : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    private bool _disposed;

    /// <summary>Starts a loop; a no-op once the component is gone (it may leave while still initialising).</summary>
    public void Start(TimeSpan period, Func<CancellationToken, Task> tick)
    {
        if (_disposed) return;
        _loops.Add(RunAsync(period, tick, _stop.Token));
    }

    private static async Task RunAsync(TimeSpan period, Func<CancellationToken, Task> tick, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
                await tick(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The component went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_loops);
        }
        catch (OperationCanceledException)
        {
            // A tick observed the cancellation itself.
        }
        _stop.Dispose();
    }
}
