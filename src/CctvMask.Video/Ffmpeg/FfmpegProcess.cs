using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CctvMask.Video.Ffmpeg;

/// <summary>
/// One ffmpeg (or ffprobe) child process: started from an argument list (no shell), stdout exposed
/// as a raw stream, stderr captured line by line into a <see cref="FfmpegStderrLog"/>. Stopping
/// kills the whole process tree and waits (bounded) so no zombie is left; Dispose is idempotent.
/// </summary>
public sealed class FfmpegProcess : IAsyncDisposable, IDisposable
{
    private readonly Process _process;
    private readonly string _cameraId;
    private readonly ILogger _logger;
    private readonly TimeSpan _stopTimeout;
    private int _disposed;

    private FfmpegProcess(Process process, string cameraId, FfmpegStderrLog stderr, ILogger logger, TimeSpan stopTimeout)
    {
        _process = process;
        _cameraId = cameraId;
        Stderr = stderr;
        _logger = logger;
        _stopTimeout = stopTimeout;
        ProcessId = process.Id;
    }

    public int ProcessId { get; }

    public FfmpegStderrLog Stderr { get; }

    /// <summary>ffmpeg's stdout (raw frames). Read only from one reader.</summary>
    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    public bool HasExited
    {
        get
        {
            try { return _process.HasExited; }
            catch (InvalidOperationException) { return true; }
        }
    }

    /// <summary>The exit code once the process has exited, else null.</summary>
    public int? ExitCode => HasExited ? SafeExitCode() : null;

    /// <summary>
    /// Starts <paramref name="executable"/>; a missing binary becomes a <see cref="VideoSourceException"/>.
    /// <paramref name="stdoutPipeBytes"/> &gt; 0 enlarges the stdout pipe to hold a whole frame (best effort).
    /// </summary>
    public static FfmpegProcess Start(string executable, IReadOnlyList<string> arguments, string cameraId,
        FfmpegStderrLog stderr, ILogger logger, TimeSpan stopTimeout, int stdoutPipeBytes = 0)
    {
        var psi = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            CreateNoWindow = true,
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) => stderr.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            throw new VideoSourceException(cameraId,
                $"Camera {cameraId}: cannot start '{executable}' ({e.Message}). Is ffmpeg installed and on PATH?", inner: e);
        }
        process.BeginErrorReadLine();
        if (stdoutPipeBytes > 0) PipeCapacity.TrySet(process.StandardOutput.BaseStream, stdoutPipeBytes);
        return new FfmpegProcess(process, cameraId, stderr, logger, stopTimeout);
    }

    /// <summary>Waits for the exit (and the end of stderr) up to <paramref name="timeout"/>; true if it exited.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HasExited;
        }
    }

    /// <summary>Kills the process tree (idempotent; a process that already exited is fine).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        catch (Win32Exception e)
        {
            FfmpegLog.KillFailed(_logger, _cameraId, ProcessId, e);
        }
    }

    /// <summary>Kills and waits up to the stop timeout.</summary>
    public async Task StopAsync()
    {
        Kill();
        if (!await WaitForExitAsync(_stopTimeout).ConfigureAwait(false))
            FfmpegLog.NotExited(_logger, _cameraId, ProcessId, _stopTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Kill();
        if (!_process.WaitForExit(_stopTimeout))
            FfmpegLog.NotExited(_logger, _cameraId, ProcessId, _stopTimeout);
        _process.Dispose();
    }

    private int? SafeExitCode()
    {
        try { return _process.ExitCode; }
        catch (InvalidOperationException) { return null; }
    }
}
