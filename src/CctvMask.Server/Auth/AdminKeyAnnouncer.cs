namespace CctvMask.Server.Auth;

/// <summary>Prints the generated admin key once, on the start that created it.</summary>
public sealed partial class AdminKeyAnnouncer(ApiKeyStore keys, ILogger<AdminKeyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.GeneratedNow)
            LogGenerated(logger, keys.AdminKeyFromFile!, keys.KeyFile);
        else if (keys.AdminKeyFromFile is not null)
            LogFromFile(logger, keys.KeyFile);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning,
        Message = "Generated an admin API key (shown only this once; stored in {KeyFile}): {AdminKey}")]
    private static partial void LogGenerated(ILogger logger, string adminKey, string keyFile);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Admin API key loaded from {KeyFile}")]
    private static partial void LogFromFile(ILogger logger, string keyFile);
}
