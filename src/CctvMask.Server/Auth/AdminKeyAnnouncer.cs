namespace CctvMask.Server.Auth;

/// <summary>
/// Prints the generated admin key once, on the start that created it, as a plain console line (readable among
/// JSON log lines, and kept out of the structured log that may be shipped elsewhere); the log only says where it is.
/// </summary>
public sealed partial class AdminKeyAnnouncer(ApiKeyStore keys, ILogger<AdminKeyAnnouncer> logger) : IHostedService
{
    /// <summary>The start of the console line; the key follows it.</summary>
    public const string ConsolePrefix = "CctvMask admin API key: ";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.GeneratedNow)
        {
            Console.Out.WriteLine($"{ConsolePrefix}{keys.AdminKeyFromFile}");
            Console.Out.WriteLine($"(generated now, shown only this once; also stored in {keys.KeyFile})");
            Console.Out.Flush();
            LogGenerated(logger, keys.KeyFile);
        }
        else if (keys.AdminKeyFromFile is not null)
        {
            LogFromFile(logger, keys.KeyFile);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning,
        Message = "Generated an admin API key, stored in {KeyFile}; it was printed once on the console, never in the log")]
    private static partial void LogGenerated(ILogger logger, string keyFile);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Admin API key loaded from {KeyFile}")]
    private static partial void LogFromFile(ILogger logger, string keyFile);
}
