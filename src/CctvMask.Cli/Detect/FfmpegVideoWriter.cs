using System.Diagnostics;
using System.Globalization;
using CctvMask.Cli.Common;

namespace CctvMask.Cli.Detect;

/// <summary>
/// Encodes BGR24 frames to a video file through an ffmpeg child process reading rawvideo on stdin
/// (argument list, never a shell). The container and codec follow the output file's extension.
/// </summary>
public sealed class FfmpegVideoWriter : IAsyncDisposable
{
    private const int StderrTailLines = 20;
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Queue<string> _stderrTail = new();
    private readonly Task _stderrPump;
    private readonly string _path;
    private readonly int _frameBytes;
    private bool _finished;

    private FfmpegVideoWriter(Process process, string path, int frameBytes)
    {
        _process = process;
        _path = path;
        _frameBytes = frameBytes;
        _stdin = process.StandardInput.BaseStream;
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    /// <summary>The ffmpeg arguments for a <paramref name="width"/>×<paramref name="height"/> stream at <paramref name="fps"/>.</summary>
    public static IReadOnlyList<string> Arguments(string path, int width, int height, double fps) =>
    [
        "-hide_banner", "-loglevel", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "bgr24",
        "-s", $"{width}x{height}",
        "-r", fps.ToString("0.###", CultureInfo.InvariantCulture),
        "-i", "pipe:0",
        "-an",
        // yuv420p (what players expect) needs even dimensions.
        "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2",
        "-pix_fmt", "yuv420p",
        "file:" + Path.GetFullPath(path),
    ];

    /// <summary>Starts ffmpeg; throws <see cref="CliException"/> when it cannot be started.</summary>
    public static FfmpegVideoWriter Start(string path, int width, int height, double fps, string ffmpeg = "ffmpeg")
    {
        var info = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
        };
        foreach (var arg in Arguments(path, width, height, fps))
            info.ArgumentList.Add(arg);
        try
        {
            var process = Process.Start(info) ?? throw new CliException($"{path}: could not start {ffmpeg}");
            return new FfmpegVideoWriter(process, path, checked(width * height * 3));
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new CliException($"{path}: could not start {ffmpeg} ({ex.Message}); is ffmpeg installed?", ex);
        }
    }

    /// <summary>Writes one packed BGR24 frame.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        if (frame.Length != _frameBytes)
            throw new ArgumentException($"Frame has {frame.Length} bytes; expected {_frameBytes}.", nameof(frame));
        try
        {
            await _stdin.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            throw new CliException($"{_path}: ffmpeg stopped encoding: {LastError()}", ex);
        }
    }

    /// <summary>Closes stdin, waits for ffmpeg and checks its exit code.</summary>
    public async Task FinishAsync()
    {
        if (_finished)
            return;
        _finished = true;
        _stdin.Close();
        using var timeout = new CancellationTokenSource(FinishTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new CliException($"{_path}: ffmpeg did not finish encoding within {FinishTimeout.TotalSeconds:0} s");
        }
        await _stderrPump.ConfigureAwait(false);
        if (_process.ExitCode != 0)
            throw new CliException($"{_path}: ffmpeg failed to encode the video (exit code {_process.ExitCode}): {LastError()}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _stdin.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
                    _process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                // Already gone.
            }
        }
        await _stderrPump.ConfigureAwait(false);
        _process.Dispose();
    }

    private string LastError()
    {
        lock (_stderrTail)
            return _stderrTail.Count > 0 ? _stderrTail.Last() : "no error output";
    }

    private async Task PumpStderrAsync()
    {
        string? line;
        while ((line = await _process.StandardError.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            if (line.Length == 0)
                continue;
            lock (_stderrTail)
            {
                _stderrTail.Enqueue(line);
                if (_stderrTail.Count > StderrTailLines)
                    _stderrTail.Dequeue();
            }
        }
    }
}
