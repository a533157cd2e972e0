using CctvMask.Grains.Inference;
using CctvMask.Grains.Tests.Support;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Tests.Inference;

/// <summary>Lanes: each has its own models; new cameras spread over them, a burst too.</summary>
public sealed class InferenceLanesTests
{
    private static readonly IMeterFactory Meters = Loops.Meters;

    private sealed class CountingFactory : IFaceModelsFactory
    {
        public List<int> Created { get; } = [];

        public IFaceModels Create(int lane)
        {
            Created.Add(lane);
            return new FixedFaceDetector();
        }
    }

    private static InferenceLanes Lanes(CountingFactory factory, int lanes) =>
        new(factory, Options.Create(new InferenceLoopOptions { Lanes = lanes }), new InferenceMetrics(Meters),
            TimeProvider.System, NullLoggerFactory.Instance);

    [Fact]
    public async Task A_burst_of_cameras_spreads_evenly_and_every_lane_gets_its_own_models()
    {
        var factory = new CountingFactory();
        await using var lanes = Lanes(factory, 3);
        var assigned = Enumerable.Range(0, 6).Select(_ => lanes.Assign()).ToList();
        Assert.Equal([0, 1, 2], factory.Created);
        Assert.Equal(3, assigned.Distinct().Count());
        Assert.All(assigned.GroupBy(l => l), g => Assert.Equal(2, g.Count()));
    }

    [Fact]
    public async Task Zero_means_one_lane_per_processor()
    {
        var factory = new CountingFactory();
        await using var lanes = Lanes(factory, 0);
        Assert.Equal(Math.Max(1, Environment.ProcessorCount), lanes.Count);
        _ = lanes.Assign();
        Assert.Equal(lanes.Count, factory.Created.Count);
    }

    [Fact]
    public async Task Assign_after_dispose_is_refused()
    {
        var lanes = Lanes(new CountingFactory(), 2);
        await lanes.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => lanes.Assign());
    }
}
