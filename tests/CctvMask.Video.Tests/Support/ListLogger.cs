using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CctvMask.Video.Tests.Support;

/// <summary>Collects formatted log entries (with their structured state) for assertions.</summary>
internal sealed class ListLogger : ILogger
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var props = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        Entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception),
            props.ToDictionary(p => p.Key, p => p.Value), exception));
    }

    public IReadOnlyList<LogEntry> Snapshot() => [.. Entries];
}

internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception);
