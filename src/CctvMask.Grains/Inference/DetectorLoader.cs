using System.ComponentModel.DataAnnotations;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Inference;

/// <summary>
/// Builds the process's one two-phase detector, and is the only place that does: options from
/// <c>Vision:Detector</c> (with the silo's defaults, see <see cref="Hosting.CctvGrainsExtensions"/>), model
/// files from <see cref="InferenceLoopOptions.ModelsDir"/> when the configuration names none. Loaded on first
/// use, so a missing model makes the host "not ready" instead of failing to start; a failed load is kept as
/// <see cref="LoadError"/> and retried on the next use.
/// </summary>
public sealed partial class DetectorLoader(
    IOptions<TwoPhaseDetectorOptions> detectorOptions, IOptions<InferenceLoopOptions> loopOptions, ILoggerFactory loggers)
    : IDisposable
{
    private readonly Lock _gate = new();
    private TwoPhaseDetector? _detector;
    private string? _error;
    private readonly List<TwoPhaseDetector> _extra = [];

    /// <summary>The loaded detector; throws <see cref="ModelLoadException"/>, <see cref="ValidationException"/> or <see cref="FileNotFoundException"/> when it cannot load.</summary>
    public TwoPhaseDetector Detector
    {
        get
        {
            if (_detector is { } ready) return ready;
            lock (_gate)
            {
                if (_detector is not null) return _detector;
                var folder = ModelLocator.ResolveFolder(loopOptions.Value.ModelsDir);
                var options = WithModelFolder(detectorOptions.Value, folder);
                try
                {
                    options.Validate();
                    _detector = new TwoPhaseDetector(options, loggers.CreateLogger<TwoPhaseDetector>());
                    _error = null;
                    Loaded(loggers.CreateLogger<DetectorLoader>(), folder);
                    return _detector;
                }
                catch (Exception ex) when (ex is ModelLoadException or ValidationException or FileNotFoundException)
                {
                    _error = ex.Message;
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// Another detector with the same options and its own sessions (an inference lane's); owned by this loader,
    /// disposed with it. Throws like <see cref="Detector"/> when the models cannot load.
    /// </summary>
    public TwoPhaseDetector CreateDetector()
    {
        var options = Detector.Options;
        lock (_gate)
        {
            var detector = new TwoPhaseDetector(options, loggers.CreateLogger<TwoPhaseDetector>());
            _extra.Add(detector);
            return detector;
        }
    }

    /// <summary>Null when the detector is (or can now be) loaded, else why not.</summary>
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

    /// <summary>The configured options with empty model paths filled from <paramref name="folder"/>'s default files.</summary>
    public static TwoPhaseDetectorOptions WithModelFolder(TwoPhaseDetectorOptions configured, string folder)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var defaults = TwoPhaseDetectorOptions.ForModelFolder(folder);
        if (string.IsNullOrEmpty(configured.Detector.ModelPath)) configured.Detector.ModelPath = defaults.Detector.ModelPath;
        if (string.IsNullOrEmpty(configured.Classifier.ModelPath)) configured.Classifier.ModelPath = defaults.Classifier.ModelPath;
        return configured;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _detector?.Dispose();
        lock (_gate)
        {
            foreach (var detector in _extra) detector.Dispose();
            _extra.Clear();
        }
    }

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, EventName = "ModelsLoaded", Message = "Models loaded from {ModelsDir}")]
    private static partial void Loaded(ILogger logger, string modelsDir);
}
