using Microsoft.Extensions.Logging;

namespace CctvMask.Vision.Models;

/// <summary>Structured log messages of the vision library (event ids 2000–2099).</summary>
internal static partial class VisionLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning,
        Message = "CUDA execution provider unavailable (the GPU build needs CUDA 13 and cuDNN 9; the CPU build has no CUDA), falling back to CPU: {Reason}")]
    public static partial void CudaUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Loaded {ModelPath} on {Provider}")]
    public static partial void SessionCreated(ILogger logger, string modelPath, string provider);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Face detector {ModelPath}: input {Width}x{Height} ({Kind}), policy {Policy}")]
    public static partial void DetectorReady(ILogger logger, string modelPath, int width, int height, string kind, string policy);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "Mask classifier {ModelPath}: {Size}x{Size} {ChannelOrder}, classes {Classes}")]
    public static partial void ClassifierReady(ILogger logger, string modelPath, int size, string channelOrder, string classes);
}
