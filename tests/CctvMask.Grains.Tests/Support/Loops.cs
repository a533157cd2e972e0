using System.Diagnostics.Metrics;
using CctvMask.Grains.Inference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Tests.Support;

/// <summary>Inference loops over model fakes, and a bounded wait for what their thread does.</summary>
internal static class Loops
{
    public static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static InferenceLoop Create(IFaceModels models, InferenceLoopOptions? options = null) =>
        new(models, Options.Create(options ?? new InferenceLoopOptions()), new InferenceMetrics(Meters),
            TimeProvider.System, NullLogger<InferenceLoop>.Instance);

    /// <summary>Waits until <paramref name="condition"/> holds; fails after 30 s.</summary>
    public static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition never held");
            await Task.Delay(10);
        }
    }
}
