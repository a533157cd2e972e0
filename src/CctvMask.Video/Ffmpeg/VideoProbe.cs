using System.Globalization;
using CctvMask.Video.Frames;
using CctvMask.Video.Ingest;
using CctvMask.Video.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Video.Ffmpeg;

/// <summary>Learns a source's native frame size with ffprobe (bounded by <see cref="IngestOptions.ProbeTimeout"/>).</summary>
public static class VideoProbe
{
    /// <summary>Native width and height of the first video stream; <see cref="VideoSourceException"/> on failure or timeout.</summary>
    public static async Task<FrameSize> ProbeAsync(CameraSource source, IngestOptions options,
        ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        var stderr = new FfmpegStderrLog(source.CameraId, options.StderrTailLines, 0, logger);
        await using var process = FfmpegProcess.Start(options.FfprobePath, FfmpegArguments.BuildProbe(source, options),
            source.CameraId, stderr, logger, options.StopTimeout);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ProbeTimeout);
        string output;
        try
        {
            using var reader = new StreamReader(process.StandardOutput);
            output = await reader.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(options.StopTimeout, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VideoSourceException(source.CameraId,
                $"Camera {source.CameraId}: ffprobe found no video in {source.ScrubbedUrl} within {options.ProbeTimeout.TotalSeconds:0.#} s.",
                stderrTail: stderr.Tail());
        }

        if (TryParseSize(output, out var size)) 
        {
            FfmpegLog.Probed(logger, source.CameraId, size.Width, size.Height, source.ScrubbedUrl);
            return size;
        }
        var reason = stderr.LastLine() ?? (string.IsNullOrWhiteSpace(output) ? "no video stream" : "unexpected output: " + output.Trim());
        throw new VideoSourceException(source.CameraId,
            $"Camera {source.CameraId}: cannot read {source.ScrubbedUrl}: {reason}", process.ExitCode, stderr.Tail());
    }

    /// <summary>Parses ffprobe's <c>width,height</c> CSV (first line with two positive integers).</summary>
    public static bool TryParseSize(string output, out FrameSize size)
    {
        foreach (var raw in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = raw.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length >= 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                && w > 0 && h > 0)
            {
                size = new FrameSize(w, h);
                return true;
            }
        }
        size = default;
        return false;
    }
}
