using CctvMask.Video.Security;
using Microsoft.Extensions.Logging;

namespace CctvMask.Video.Ffmpeg;

/// <summary>
/// ffmpeg's stderr for one process: keeps the last N lines (scrubbed) for the post-mortem log and
/// error messages, and logs at most M lines per minute live so a flapping stream cannot flood logs.
/// Thread-safe (lines arrive on a thread-pool thread).
/// </summary>
public sealed class FfmpegStderrLog
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    private readonly string[] _ring;
    private readonly int _linesPerMinute;
    private readonly ILogger _logger;
    private readonly string _cameraId;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private int _next;
    private int _count;
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _liveInWindow;
    private int _suppressedInWindow;

    public FfmpegStderrLog(string cameraId, int tailLines, int linesPerMinute, ILogger logger, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tailLines, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(linesPerMinute);
        _ring = new string[tailLines];
        _linesPerMinute = linesPerMinute;
        _logger = logger;
        _cameraId = cameraId;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Lines seen in total.</summary>
    public long TotalLines { get; private set; }

    /// <summary>Lines not logged live because of the rate limit.</summary>
    public long SuppressedLines { get; private set; }

    /// <summary>Adds one stderr line: scrubbed, kept in the tail, logged live if the rate allows.</summary>
    public void Append(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        var clean = UrlScrubber.Scrub(line.TrimEnd());
        var now = _time.GetUtcNow();
        bool logLive;
        var reportSuppressed = 0;
        lock (_gate)
        {
            _ring[_next] = clean;
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
            TotalLines++;
            if (now - _windowStart >= RateWindow)
            {
                reportSuppressed = _suppressedInWindow;
                _windowStart = now;
                _liveInWindow = 0;
                _suppressedInWindow = 0;
            }
            logLive = _liveInWindow < _linesPerMinute;
            if (logLive) _liveInWindow++;
            else { _suppressedInWindow++; SuppressedLines++; }
        }
        if (reportSuppressed > 0) FfmpegLog.StderrSuppressed(_logger, _cameraId, reportSuppressed);
        if (logLive) FfmpegLog.StderrLine(_logger, _cameraId, clean);
    }

    /// <summary>Forgets the kept lines (a new process starts); the live-log rate limit carries on.</summary>
    public void ClearTail()
    {
        lock (_gate)
        {
            Array.Clear(_ring);
            _next = 0;
            _count = 0;
        }
    }

    /// <summary>The kept lines, oldest first.</summary>
    public IReadOnlyList<string> Tail()
    {
        lock (_gate)
        {
            var lines = new string[_count];
            var start = (_next - _count + _ring.Length) % _ring.Length;
            for (var i = 0; i < _count; i++) lines[i] = _ring[(start + i) % _ring.Length];
            return lines;
        }
    }

    /// <summary>The last kept line, or null.</summary>
    public string? LastLine()
    {
        lock (_gate) return _count == 0 ? null : _ring[(_next - 1 + _ring.Length) % _ring.Length];
    }

    /// <summary>Logs the kept tail once, when the process died (the only full stderr dump).</summary>
    public void LogTail(string reason)
    {
        var tail = Tail();
        FfmpegLog.ExitedWithTail(_logger, _cameraId, UrlScrubber.Scrub(reason), tail.Count == 0 ? "(none)" : string.Join('\n', tail));
    }
}
