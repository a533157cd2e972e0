using CctvMask.Grains.Cameras;
using CctvMask.Grains.Hosting;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Reconciliation;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Tests.Hosting;

public sealed class CctvGrainsExtensionsTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddCctvGrains().BuildServiceProvider();
    }

    [Theory]
    [InlineData("Cctv:Inference:MaxBatchSize", "0", typeof(InferenceLoopOptions))]
    [InlineData("Cctv:Inference:MaxBatchSize", "64", typeof(InferenceLoopOptions))]
    [InlineData("Cctv:Inference:MotionAreaThreshold", "2", typeof(InferenceLoopOptions))]
    [InlineData("Cctv:Inference:MaxCropsPerFrame", "0", typeof(InferenceLoopOptions))]
    [InlineData("Cctv:Inference:MaxCropsPerFrame", "300", typeof(InferenceLoopOptions))]   // above MaxCropsPerRound (256)
    [InlineData("Cctv:Tracking:RecheckSeconds", "0", typeof(TrackerOptions))]
    [InlineData("Cctv:Tracking:UndecidedRecheckSeconds", "0", typeof(TrackerOptions))]
    [InlineData("Cctv:Tracking:IouThreshold", "1.5", typeof(TrackerOptions))]
    [InlineData("Cctv:Tracking:MaxMissedFrames", "-1", typeof(TrackerOptions))]
    [InlineData("Cctv:Tracking:MinJudgedVotes", "0", typeof(TrackerOptions))]
    [InlineData("Cctv:Violations:CooldownSeconds", "0", typeof(ViolationOptions))]
    [InlineData("Cctv:Reconciler:IntervalSeconds", "0", typeof(ReconcilerOptions))]
    [InlineData("Cctv:Cameras:StatusIntervalMilliseconds", "5", typeof(CameraOptions))]
    public void Out_of_range_settings_fail_validation_naming_the_setting(string key, string value, Type optionsType)
    {
        using var services = Build((key, value));
        var error = optionsType.Name switch
        {
            nameof(InferenceLoopOptions) => Record.Exception(() => services.GetRequiredService<IOptions<InferenceLoopOptions>>().Value),
            nameof(TrackerOptions) => Record.Exception(() => services.GetRequiredService<IOptions<TrackerOptions>>().Value),
            nameof(ViolationOptions) => Record.Exception(() => services.GetRequiredService<IOptions<ViolationOptions>>().Value),
            nameof(ReconcilerOptions) => Record.Exception(() => services.GetRequiredService<IOptions<ReconcilerOptions>>().Value),
            nameof(CameraOptions) => Record.Exception(() => services.GetRequiredService<IOptions<CameraOptions>>().Value),
            _ => throw new ArgumentOutOfRangeException(nameof(optionsType)),
        };
        var ex = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(key.Split(':')[^1], ex.Message);
    }

    [Fact]
    public void Defaults_are_valid_and_bind_from_configuration()
    {
        using var services = Build(("Cctv:Inference:MaxBatchSize", "16"), ("Cctv:Tracking:MaxMissedFrames", "7"));
        Assert.Equal(16, services.GetRequiredService<IOptions<InferenceLoopOptions>>().Value.MaxBatchSize);
        Assert.Equal(7, services.GetRequiredService<IOptions<TrackerOptions>>().Value.MaxMissedFrames);
        Assert.Equal(300, services.GetRequiredService<IOptions<ViolationOptions>>().Value.CooldownSeconds);
        Assert.NotNull(services.GetRequiredService<CameraWorkerRegistry>());
    }
}
