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
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await database.MigrateAsync(timeout.Token).ConfigureAwait(false);
                StorageLog.Migrated(logger, database.Provider.ToString());
                return;
            }
            catch (Exception ex) when (!timeout.IsCancellationRequested && ex is not OperationCanceledException)
            {
                StorageLog.MigrationRetry(logger, attempt, ex);
            }
            await Task.Delay(delay, timeProvider, timeout.Token).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
