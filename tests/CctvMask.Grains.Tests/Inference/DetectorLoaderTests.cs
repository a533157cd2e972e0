using CctvMask.Grains.Hosting;
using CctvMask.Grains.Inference;
using CctvMask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Grains.Tests.Inference;

/// <summary>
/// The silo's one detector is built by <see cref="DetectorLoader"/> as <see cref="CctvGrainsExtensions.AddCctvGrains(IServiceCollection)"/>
/// registers it: the silo's defaults first, configuration (<c>Vision:Detector</c>) over them.
/// </summary>
public sealed class DetectorLoaderTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
                .Append(new("Cctv:Inference:ModelsDir", TestEnvironment.ModelsDir)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddCctvGrains();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void SmallFacePassAndTinyFaceScoringAreOffUnlessConfigured()
    {
        using var services = Services();
        var options = services.GetRequiredService<DetectorLoader>().Detector.Options;
        Assert.Equal(0, options.Detector.ZoomLongSide);
        Assert.False(options.ScoreTinyFaces);
        Assert.Equal(1, options.IntraOpThreads);   // the lanes fill the cores
        Assert.StartsWith(TestEnvironment.ModelsDir, options.Detector.ModelPath, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedDetectorSettingsBindFromConfigurationOverTheDefaults()
    {
        using var services = Services(
            ("Vision:Detector:Detector:ZoomLongSide", "960"),
            ("Vision:Detector:Detector:ZoomMaxFaceSize", "28"),
            ("Vision:Detector:MinFaceSize", "10"),
            ("Vision:Detector:ScoreTinyFaces", "true"),
            ("Vision:Detector:IntraOpThreads", "2"));
        var options = services.GetRequiredService<DetectorLoader>().Detector.Options;
        Assert.Equal(2, options.IntraOpThreads);
        Assert.Equal(960, options.Detector.ZoomLongSide);
        Assert.Equal(28f, options.Detector.ZoomMaxFaceSize);
        Assert.Equal(10f, options.MinFaceSize);
        Assert.True(options.ScoreTinyFaces);
    }

    [Fact]
    public void EveryLaneRunsADetectorBuiltByTheLoaderWithItsOptions()
    {
        using var services = Services(("Vision:Detector:MaxFramesPerBatch", "12"));
        var loader = services.GetRequiredService<DetectorLoader>();
        var factory = services.GetRequiredService<IFaceModelsFactory>();
        using var lane0 = (TwoPhaseFaceModels)factory.Create(0);
        using var lane1 = (TwoPhaseFaceModels)factory.Create(1);
        Assert.Equal(12, lane0.MaxFrames);
        Assert.Equal(12, lane1.MaxFrames);
        Assert.Equal(loader.Detector.Classifier.Metadata.InputSize, lane1.CropSize);
    }

    [Fact]
    public void OutOfRangeSettingIsALoadErrorNotACrashLater()
    {
        using var services = Services(("Vision:Detector:Detector:ZoomLongSide", "99999"));
        var loader = services.GetRequiredService<DetectorLoader>();
        var ex = Assert.ThrowsAny<Exception>(() => loader.Detector);
        Assert.Contains("ZoomLongSide", ex.Message);
        Assert.Contains("ZoomLongSide", loader.LoadError());
    }

    [Fact]
    public void MissingModelFolderIsReportedAsTheLoadError()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Cctv:Inference:ModelsDir", "/nonexistent/models")]).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddCctvGrains();
        using var provider = services.BuildServiceProvider();
        var error = provider.GetRequiredService<DetectorLoader>().LoadError();
        Assert.NotNull(error);
        Assert.Contains("/nonexistent/models", error);
    }
}
