using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Inference;

/// <summary>Log messages of the inference batcher (EventIds 4100–4199).</summary>
internal static partial class InferenceLog
{
    [LoggerMessage(4100, LogLevel.Information, "Inference batcher started: batch ≤ {MaxBatch} frames, wait ≤ {MaxWaitMs} ms, {Capacity} frames queued per camera")]
    public static partial void Started(ILogger logger, int maxBatch, int maxWaitMs, int capacity);

    [LoggerMessage(4101, LogLevel.Error, "Detector failed on a batch of {Frames} frames (cameras {CameraIds})")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int frames, string cameraIds);

    [LoggerMessage(4102, LogLevel.Debug, "Camera {CameraId}: inference queue full, dropped the oldest frame")]
    public static partial void Dropped(ILogger logger, string cameraId);

    [LoggerMessage(4103, LogLevel.Information, "Inference batcher stopped")]
    public static partial void Stopped(ILogger logger);
}
