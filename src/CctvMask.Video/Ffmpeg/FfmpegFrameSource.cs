using System.Runtime.CompilerServices;
using CctvMask.Video.Frames;
using CctvMask.Video.Ingest;
using CctvMask.Video.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Video.Ffmpeg;

/// <summary>
/// One ffmpeg run that yields BGR24 frames: no supervision, no retry. The CLI uses it directly for
/// <c>cctvmask detect video.mp4|rtsp://...</c>; <see cref="CameraIngest"/> uses one per session.
/// <code>
/// var src = new CameraSource("cli", "video.mp4") { DetectFps = 5, AnalysisSize = AnalysisSize.Native, Playback = FilePlayback.Once };
/// await using var frames = await FfmpegFrameSource.OpenAsync(src, new IngestOptions(), logger, ct);
/// await foreach (var frame in frames.ReadFramesAsync(ct))
///     using (frame) { /* frame.Span: frame.Width x frame.Height x 3 bytes, BGR, Stride = Width*3 */ }
/// // A failed run (bad URL, decoder error) throws VideoSourceException (message scrubbed, with ffmpeg's last line).
/// </code>
/// </summary>
public sealed class FfmpegFrameSource : IAsyncDisposable, IDisposable
{
    private readonly FfmpegProcess _process;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _stopTimeout;
    private long _sequence;
    private bool _ended;

    private FfmpegFrameSource(CameraSource source, FrameSize size, FrameBufferPool pool, FfmpegProcess process,
        ILogger logger, TimeProvider time, TimeSpan stopTimeout)
    {
        Source = source;
        FrameSize = size;
        BufferPool = pool;
        _process = process;
        _logger = logger;
        _time = time;
        _stopTimeout = stopTimeout;
    }

    public CameraSource Source { get; }

    /// <summary>Size of every frame this source yields.</summary>
    public FrameSize FrameSize { get; }

    /// <summary>Where frame buffers come from; <see cref="FrameBufferPool.Outstanding"/> counts frames not yet disposed.</summary>
    public FrameBufferPool BufferPool { get; }

    /// <summary>ffmpeg's stderr (tail and rate-limited live log).</summary>
    public FfmpegStderrLog Stderr => _process.Stderr;

    /// <summary>The ffmpeg process (exit state, kill).</summary>
    public FfmpegProcess Process => _process;

    /// <summary>Probes the size if the analysis size needs it, then starts ffmpeg.</summary>
    public static Task<FfmpegFrameSource> OpenAsync(CameraSource source, IngestOptions options, ILogger? logger = null,
        CancellationToken cancellationToken = default) =>
        OpenAsync(source, options, logger ?? NullLogger.Instance, null, null, null, TimeProvider.System, keyFramesOnly: false, cancellationToken);

    /// <summary>
    /// Ingest's variant: reuses the size learned by an earlier session (no re-probe), the camera's
    /// buffer pool and its stderr log (so the live-log rate limit spans restarts), and decodes key frames only when asked.
    /// </summary>
    internal static async Task<FfmpegFrameSource> OpenAsync(CameraSource source, IngestOptions options, ILogger logger,
        FrameSize? outputSize, FrameBufferPool? pool, FfmpegStderrLog? stderr, TimeProvider timeProvider, bool keyFramesOnly,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        source.Validate();
        IngestOptionsValidator.ThrowIfInvalid(options);

        var size = outputSize
            ?? (source.AnalysisSize.NeedsProbe
                ? source.AnalysisSize.Resolve(await VideoProbe.ProbeAsync(source, options, logger, cancellationToken).ConfigureAwait(false))
                : source.AnalysisSize.Resolve(default));
        if (pool is not null && pool.Size != size)
            throw new ArgumentException($"Buffer pool is for {pool.Size} frames but the output is {size}.", nameof(pool));
        pool ??= new FrameBufferPool(size);

        stderr ??= new FfmpegStderrLog(source.CameraId, options.StderrTailLines, options.StderrLinesPerMinute, logger, timeProvider);
        stderr.ClearTail();
        var process = FfmpegProcess.Start(options.FfmpegPath, FfmpegArguments.Build(source, options, size, keyFramesOnly),
            source.CameraId, stderr, logger, options.StopTimeout, size.FrameBytes);
        FfmpegLog.Started(logger, source.CameraId, process.ProcessId, source.ScrubbedUrl, size.Width, size.Height);
        return new FfmpegFrameSource(source, size, pool, process, logger, timeProvider, options.StopTimeout);
    }

    /// <summary>
    /// Reads the next whole frame into a pooled buffer; null at the end of the stream (ffmpeg closed
    /// stdout: it exited or was killed). A partial trailing frame is discarded.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<PooledFrame?> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        if (_ended) return null;
        var bytes = FrameSize.FrameBytes;
        var buffer = BufferPool.Rent();
        int filled;
        try
        {
            filled = await FrameReader.FillAsync(_process.StandardOutput, buffer.AsMemory(0, bytes), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            BufferPool.Return(buffer);
            throw;
        }
        if (filled < bytes)
        {
            BufferPool.Return(buffer);
            if (filled > 0) FfmpegLog.TruncatedFrame(_logger, Source.CameraId, filled, bytes);
            _ended = true;
            return null;
        }
        return new PooledFrame(BufferPool, buffer, _sequence++, _time.GetUtcNow());
    }

    /// <summary>
    /// All frames until the stream ends. A run that ends with a non-zero exit code (or a live source
    /// that ends before its first frame) throws <see cref="VideoSourceException"/> after the last frame.
    /// </summary>
    public async IAsyncEnumerable<PooledFrame> ReadFramesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await ReadFrameAsync(cancellationToken).ConfigureAwait(false) is { } frame)
            yield return frame;
        await _process.WaitForExitAsync(_stopTimeout, cancellationToken).ConfigureAwait(false);
        var code = _process.ExitCode;
        if (code is not 0 || (_sequence == 0 && !Source.IsFinite))
            throw new VideoSourceException(Source.CameraId,
                $"Camera {Source.CameraId}: ffmpeg failed on {Source.ScrubbedUrl} (exit code {(code?.ToString() ?? "unknown")}): {Stderr.LastLine() ?? "no error output"}",
                code, Stderr.Tail());
    }

    /// <summary>Frames read so far.</summary>
    public long FramesRead => _sequence;

    /// <summary>Kills ffmpeg (tree) and waits for it; idempotent.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    public void Dispose() => _process.Dispose();
}
