using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Inference;

/// <summary>Log messages of the inference loop (EventIds 4100–4199).</summary>
internal static partial class InferenceLog
{
    [LoggerMessage(4100, LogLevel.Information, "Inference loop started: ≤ {MaxFrames} frames and ≤ {MaxCrops} face crops per round")]
    public static partial void Started(ILogger logger, int maxFrames, int maxCrops);

    [LoggerMessage(4101, LogLevel.Error, "Inference failed on a round of {Frames} frames; their frames are released")]
    public static partial void RoundFailed(ILogger logger, Exception exception, int frames);

    [LoggerMessage(4103, LogLevel.Information, "Inference loop stopped")]
    public static partial void Stopped(ILogger logger);
}
