using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Inference;

/// <summary>Log messages of the inference batcher (EventIds 3100–3199).</summary>
internal static partial class InferenceLog
{
    [LoggerMessage(3100, LogLevel.Information, "Inference batcher started: batch ≤ {MaxBatch} frames, wait ≤ {MaxWaitMs} ms, {Capacity} frames queued per camera")]
    public static partial void Started(ILogger logger, int maxBatch, int maxWaitMs, int capacity);

    [LoggerMessage(3101, LogLevel.Error, "Detector failed on a batch of {Frames} frames (cameras {CameraIds})")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int frames, string cameraIds);

    [LoggerMessage(3102, LogLevel.Debug, "Camera {CameraId}: inference queue full, dropped the oldest frame")]
    public static partial void Dropped(ILogger logger, string cameraId);

    [LoggerMessage(3103, LogLevel.Information, "Inference batcher stopped", EventName = "InferenceBatcherStopped")]
    public static partial void Stopped(ILogger logger);
}
