using Microsoft.Extensions.Logging;

namespace CctvMask.Cli.Common;

/// <summary>
/// The CLI's logger: warnings and errors from the libraries (e.g. "CUDA unavailable, falling back to CPU")
/// become one <c>cctvmask: warning: …</c> line on stderr; informational messages are dropped because
/// stdout/stderr carry results and errors only.
/// </summary>
/// <typeparam name="T">The category type.</typeparam>
public sealed class StderrLogger<T> : ILogger<T>
{
    /// <summary>The prefix of every warning line.</summary>
    public const string WarningPrefix = "cctvmask: warning: ";

    private readonly TextWriter _error;

    /// <summary>Creates a logger writing to <paramref name="error"/>.</summary>
    public StderrLogger(TextWriter error) => _error = error;

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        var prefix = logLevel >= LogLevel.Error ? ErrorReport.Prefix : WarningPrefix;
        // TextWriter is not thread-safe and sessions may load on two threads: one line at a time.
        lock (_error)
        {
            _error.WriteLine(prefix + formatter(state, exception).ReplaceLineEndings(" "));
            _error.Flush();
        }
    }
}
