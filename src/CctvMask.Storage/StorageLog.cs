using Microsoft.Extensions.Logging;

namespace CctvMask.Storage;

/// <summary>Structured logs of the storage area (EventIds 4000–4099).</summary>
internal static partial class StorageLog
{
    [LoggerMessage(4000, LogLevel.Information, "Storage: {Provider} database migrated")]
    public static partial void Migrated(ILogger logger, string provider);

    [LoggerMessage(4001, LogLevel.Warning, "Storage: database not ready yet, retrying migration (attempt {Attempt})")]
    public static partial void MigrationRetry(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(4010, LogLevel.Warning, "Storage: write of {Count} events failed after retries; database reachable: {Reachable}", EventName = "StorageBatchFailed")]
    public static partial void BatchFailed(ILogger logger, int count, bool reachable, Exception exception);

    [LoggerMessage(4011, LogLevel.Debug, "Storage: write retry {Attempt} after {Delay}")]
    public static partial void WriteRetry(ILogger logger, int attempt, TimeSpan delay);

    [LoggerMessage(4012, LogLevel.Warning, "Storage: database unreachable; holding {Backlog} events in memory, spilling past {Bound}")]
    public static partial void Outage(ILogger logger, long backlog, int bound);

    [LoggerMessage(4013, LogLevel.Information, "Storage: database reachable again after an outage")]
    public static partial void Recovered(ILogger logger);

    [LoggerMessage(4014, LogLevel.Error, "Storage: the database rejected an event of camera {CameraId}; kept in {Path}")]
    public static partial void DeadLettered(ILogger logger, string cameraId, string path, Exception exception);

    [LoggerMessage(4020, LogLevel.Warning, "Storage: memory bound reached; spilling events to {Path}")]
    public static partial void SpillStarted(ILogger logger, string path);

    [LoggerMessage(4021, LogLevel.Error, "Storage: memory and spill queue full; dropped an event of camera {CameraId}", EventName = "StorageEventDropped")]
    public static partial void Dropped(ILogger logger, string cameraId);

    [LoggerMessage(4022, LogLevel.Error, "Storage: could not append to the spill file {Path}; {Count} events lost")]
    public static partial void SpillWriteFailed(ILogger logger, string path, int count, Exception exception);

    [LoggerMessage(4023, LogLevel.Information, "Storage: replayed {Count} spilled events from {Path}")]
    public static partial void Replayed(ILogger logger, int count, string path);

    [LoggerMessage(4024, LogLevel.Warning, "Storage: skipped an unreadable line {Line} of spill file {Path}")]
    public static partial void BadSpillLine(ILogger logger, int line, string path);

    [LoggerMessage(4025, LogLevel.Warning, "Storage: {Count} events could not be written at shutdown; spilled to {Path}")]
    public static partial void SpilledAtShutdown(ILogger logger, int count, string path, Exception? exception);

    [LoggerMessage(4030, LogLevel.Information, "Storage: retention deleted {Violations} violations and {Snapshots} snapshots older than {Cutoff:O}, {AppliedEvents} old event ids, {Buckets} old compliance buckets")]
    public static partial void RetentionDone(ILogger logger, int violations, int snapshots, int appliedEvents, int buckets, DateTimeOffset cutoff);

    [LoggerMessage(4500, LogLevel.Information,
        "Storage: privacy purge removed {Violations} violations, {Snapshots} snapshots, {FaceCrops} face crops that cameras' privacy modes forbid")]
    public static partial void PrivacyPurged(ILogger logger, int violations, int snapshots, int faceCrops);

    [LoggerMessage(4031, LogLevel.Warning, "Storage: retention run failed")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);
}
