using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Inference;

/// <summary>Log messages of the inference loop (EventIds 3100–3199).</summary>
internal static partial class InferenceLog
{
    [LoggerMessage(3100, LogLevel.Information, "Inference lane {Lane} started: ≤ {MaxFrames} frames and ≤ {MaxCrops} face crops per round")]
    public static partial void Started(ILogger logger, int lane, int maxFrames, int maxCrops);

    [LoggerMessage(3101, LogLevel.Error, "Inference failed on a round of {Frames} frames; their frames are released")]
    public static partial void RoundFailed(ILogger logger, Exception exception, int frames);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, EventName = "InferenceLoopStopped", Message = "Inference loop stopped")]
    public static partial void Stopped(ILogger logger);
}
