using CctvMask.Server.Inference;
using CctvMask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Tests.Inference;

/// <summary>The detector the server loads takes its settings from configuration (Vision:Detector).</summary>
public sealed class ServerModelsTests
{
    private static ServerModels Load(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServerModels(Options.Create(new InferenceOptions { ModelsDir = TestEnvironment.ModelsDir }),
            Options.Create(new CctvMask.Server.Detect.DetectOptions()), configuration,
            NullLoggerFactory.Instance);
    }

    [Fact]
    public void SmallFacePassIsOffUnlessConfigured()
    {
        using var models = Load();
        Assert.Equal(0, models.Detector.Options.Detector.ZoomLongSide);
        Assert.False(models.Detector.Options.ScoreTinyFaces);
    }

    [Fact]
    public void NestedDetectorSettingsBindFromConfiguration()
    {
        using var models = Load(
            ("Vision:Detector:Detector:ZoomLongSide", "960"),
            ("Vision:Detector:Detector:ZoomMaxFaceSize", "28"),
            ("Vision:Detector:MinFaceSize", "10"),
            ("Vision:Detector:ScoreTinyFaces", "false"));
        var options = models.Detector.Options;
        Assert.Equal(960, options.Detector.ZoomLongSide);
        Assert.Equal(28f, options.Detector.ZoomMaxFaceSize);
        Assert.Equal(10f, options.MinFaceSize);
        Assert.False(options.ScoreTinyFaces);
    }

    [Fact]
    public void OutOfRangeSettingIsAValidationErrorNotACrashLater()
    {
        using var models = Load(("Vision:Detector:Detector:ZoomLongSide", "99999"));
        var ex = Assert.ThrowsAny<Exception>(() => models.Detector);
        Assert.Contains("ZoomLongSide", ex.Message);
    }
}
