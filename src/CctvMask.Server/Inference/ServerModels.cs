using CctvMask.Grains.Hosting;
using CctvMask.Server.Detect;
using CctvMask.Server.Detect.Contracts;
using CctvMask.Server.Health;
using CctvMask.Server.Violations.Contracts;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Models;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Inference;

/// <summary>
/// The process's one two-phase detector, loaded on first use so a missing model makes the server
/// "not ready" (503 on /readyz) instead of failing to start. A failed load is retried on the next use.
/// </summary>
public sealed partial class ServerModels(
    IOptions<InferenceOptions> options, IOptions<DetectOptions> detectOptions, IConfiguration configuration, ILoggerFactory loggers)
    : IModelProbe, IImageFaceDetector, IDisposable
{
    private readonly Lock _gate = new();
    private TwoPhaseDetector? _detector;
    private string? _error;

    /// <summary>The loaded detector; throws <see cref="ModelLoadException"/> (or a validation error) when it cannot load.</summary>
    public TwoPhaseDetector Detector
    {
        get
        {
            if (_detector is { } ready) return ready;
            lock (_gate)
            {
                if (_detector is not null) return _detector;
                var folder = ModelLocator.ResolveFolder(options.Value.ModelsDir);
                var detectorOptions = TwoPhaseDetectorOptions.ForModelFolder(folder);
                // The camera pipeline votes on labels only; a probability for faces too small to label would
                // cost a classifier crop per tiny face per frame for nothing (configuration may turn it on).
                detectorOptions.ScoreTinyFaces = false;
                configuration.GetSection(CctvGrainsExtensions.DetectorSectionName).Bind(detectorOptions);
                try
                {
                    _detector = new TwoPhaseDetector(detectorOptions, loggers.CreateLogger<TwoPhaseDetector>());
                    _error = null;
                    LogLoaded(loggers.CreateLogger<ServerModels>(), folder);
                    return _detector;
                }
                catch (Exception ex) when (ex is ModelLoadException or System.ComponentModel.DataAnnotations.ValidationException or FileNotFoundException)
                {
                    _error = ex.Message;
                    throw;
                }
            }
        }
    }

    public string? LoadError()
    {
        try
        {
            _ = Detector;
            return null;
        }
        catch (Exception) when (_error is not null)
        {
            return _error;
        }
    }

    public DetectResponse Detect(ReadOnlySpan<byte> encodedImage)
    {
        // Decode first: a bad upload is the client's error even when the models are not loaded.
        // Never more than analysis needs: a huge image is reduced while it is decoded, row by row.
        var limits = detectOptions.Value;
        var decoded = BoundedDecoder.Decode(encodedImage, limits.MaxSourcePixels, limits.MaxAnalysisPixels);
        using var image = decoded.Image;
        var k = decoded.Factor;
        var detector = Detector;
        var faces = detector.DetectOne(image.AsFrame());
        var result = new DetectedFaceResponse[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var f = faces[i];
            result[i] = new DetectedFaceResponse(
                new BoxResponse(f.Box.X * k, f.Box.Y * k, f.Box.Width * k, f.Box.Height * k), f.Score, f.Label.ToName(),
                float.IsNaN(f.MaskProbability) ? null : f.MaskProbability);
        }
        return new DetectResponse(decoded.OriginalWidth, decoded.OriginalHeight, result);
    }

    public void Dispose() => _detector?.Dispose();

    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Models loaded from {ModelsDir}")]
    private static partial void LogLoaded(ILogger logger, string modelsDir);
}
