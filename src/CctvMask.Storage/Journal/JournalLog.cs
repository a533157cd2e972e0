using Microsoft.Extensions.Logging;

namespace CctvMask.Storage.Journal;

/// <summary>Structured logs of the event journal (EventIds 4140-4149, inside the storage range).</summary>
internal static partial class JournalLog
{
    [LoggerMessage(4140, LogLevel.Information, "Storage: {Files} journal segment(s) from a previous run found in {Directory}; replaying them into the database")]
    public static partial void Recovering(ILogger logger, int files, string directory);

    [LoggerMessage(EventId = 4141, Level = LogLevel.Information, EventName = "JournalRecovered", Message = "Storage: replayed {Events} journaled events ({Provisional} provisional: open-minute counts, violations whose snapshot was not drawn) from a previous run")]
    public static partial void Recovered(ILogger logger, int events, int provisional);

    [LoggerMessage(4142, LogLevel.Error, "Storage: the journal holds {Bytes} bytes (bound {Bound}); new events are kept in memory only until the database catches up")]
    public static partial void Full(ILogger logger, long bytes, long bound);

    [LoggerMessage(4143, LogLevel.Error, "Storage: could not write the journal {Path}; {Count} events are kept in memory only")]
    public static partial void WriteFailed(ILogger logger, string path, int count, Exception exception);

    [LoggerMessage(4144, LogLevel.Warning, "Storage: journal queue full; an event of camera {CameraId} is kept in memory only")]
    public static partial void QueueFull(ILogger logger, string cameraId);

    [LoggerMessage(4145, LogLevel.Warning, "Storage: skipped an unreadable line {Line} of journal segment {Path}")]
    public static partial void BadLine(ILogger logger, int line, string path);
}
