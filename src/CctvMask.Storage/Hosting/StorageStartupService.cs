using CctvMask.Storage.Database;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvMask.Storage.Hosting;

/// <summary>
/// Applies migrations when the host starts (registered before the writer and retention so they
/// start on a current schema). Retries until <see cref="StorageOptions.StartupTimeout"/>, then
/// fails startup: a pod that cannot reach its database should restart, not run half-blind.
/// </summary>
internal sealed class StorageStartupService(
    CctvDatabase database,
    IOptions<StorageOptions> options,
    ILogger<StorageStartupService> logger,
    TimeProvider timeProvider) : IHostedService
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.MigrateOnStartup) return;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.StartupTimeout);
        var delay = FirstDelay;
        Exception? last = null;
        for (var attempt = 1; !timeout.IsCancellationRequested; attempt++)
        {
            try
            {
                await database.MigrateAsync(timeout.Token).ConfigureAwait(false);
                StorageLog.Migrated(logger, database.Provider.ToString());
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                last = ex;
                if (timeout.IsCancellationRequested) break;
                StorageLog.MigrationRetry(logger, attempt, ex);
            }
            try
            {
                await Task.Delay(delay, timeProvider, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException(
            $"Storage: the {database.Provider} database could not be reached and migrated within {o.StartupTimeout} (Storage:StartupTimeout). Last error: {last?.Message}",
            last);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
