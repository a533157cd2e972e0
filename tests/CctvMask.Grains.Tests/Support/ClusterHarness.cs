using CctvMask.Grains.Cameras;
using CctvMask.Grains.Compliance;
using CctvMask.Grains.Hosting;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Reconciliation;
using CctvMask.Grains.Violations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CctvMask.Grains.Tests.Support;

/// <summary>
/// A one-silo in-process Orleans cluster with the camera grains' real services (inference loop, worker,
/// Video ingest), an in-memory store and a test catalog; the detector is given by the test.
/// </summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    private readonly InProcessTestCluster _cluster;

    private ClusterHarness(InProcessTestCluster cluster) => _cluster = cluster;

    public MemorySink Sink { get; } = new();

    public TestCatalog Catalog { get; } = new();

    public IClusterClient Client => _cluster.Client;

    public static async Task<ClusterHarness> StartAsync(Func<IServiceProvider, IFaceModels>? detector,
        IDictionary<string, string?>? settings = null, short silos = 1)
    {
        ClusterHarness? harness = null;
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSiloHost((_, host) =>
        {
            var values = new Dictionary<string, string?>
            {
                ["Cctv:Reconciler:Enabled"] = "false",
                ["Cctv:Cameras:StatusIntervalMilliseconds"] = "200",
                // The first live-view request waits for the next frame; on a loaded test box that can take longer than 1.5 s.
                ["Cctv:Cameras:LiveViewWaitMilliseconds"] = "10000",
            };
            foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
            host.Configuration.AddInMemoryCollection(values);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCctvGrains();
            // Null: the production registration builds the two-phase detector from configuration.
            if (detector is not null) silo.Services.AddSingleton<IFaceModelsFactory>(sp => new DelegateFaceModelsFactory(sp, detector));
            silo.Services.AddSingleton<IComplianceSink>(_ => harness!.Sink);
            silo.Services.AddSingleton<IViolationSink>(_ => harness!.Sink);
            silo.Services.AddSingleton<ICameraCatalog>(_ => harness!.Catalog);
        });
        var cluster = builder.Build();
        harness = new ClusterHarness(cluster);
        await cluster.DeployAsync();
        return harness;
    }

    public ICameraGrain Camera(string id) => Client.GetGrain<ICameraGrain>(id);

    public T SiloService<T>() where T : notnull =>
        _cluster.GetSiloServiceProvider(_cluster.Silos[0].SiloAddress).GetRequiredService<T>();

    /// <summary>Polls the camera's status until the condition holds (fails after a generous guard; no timing is asserted).</summary>
    public async Task<CameraStatus> WaitForStatusAsync(string cameraId, Func<CameraStatus, bool> condition, TimeSpan? guard = null)
    {
        var deadline = DateTime.UtcNow + (guard ?? TimeSpan.FromSeconds(45));
        CameraStatus? status = null;
        Exception? error = null;
        while (true)
        {
            try
            {
                // Calls may fail while a silo leaves the cluster; keep polling until the guard.
                status = await Camera(cameraId).GetStatusAsync();
                error = null;
                if (condition(status)) return status;
            }
            catch (Exception ex) when (DateTime.UtcNow <= deadline)
            {
                error = ex;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Camera {cameraId} never reached the expected status; last: {status}", error);
            await Task.Delay(100);
        }
    }

    /// <summary>Stops (gracefully) the silo with the given address (as <see cref="CameraStatus.Silo"/> shows it).</summary>
    public Task StopSiloAsync(string siloAddress) =>
        _cluster.StopSiloAsync(_cluster.Silos.Single(s => s.SiloAddress.ToString() == siloAddress));

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}

/// <summary>A mutable camera catalog.</summary>
internal sealed class TestCatalog : ICameraCatalog
{
    private volatile IReadOnlyList<CameraConfig> _cameras = [];

    public void Set(params CameraConfig[] cameras) => _cameras = cameras;

    public Task<IReadOnlyList<CameraConfig>> ListEnabledAsync(CancellationToken cancellationToken) => Task.FromResult(_cameras);
}
