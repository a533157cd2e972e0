using System.Diagnostics.Metrics;
using CctvMask.Grains.Inference;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Tests.Support;

/// <summary>An <see cref="InferenceBatcher"/> over a fake detector, with its metrics captured.</summary>
internal sealed class BatcherHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();

    public BatcherHarness(IFaceBatchDetector detector, BatchingOptions options)
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        // Only this harness's meter: other tests create meters with the same name in parallel.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == InferenceMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name != "cctvmask.inference.frames.dropped") return;
            foreach (var tag in tags)
                if (tag.Key == "camera.id")
                    lock (Dropped) Dropped[(string)tag.Value!] = Dropped.GetValueOrDefault((string)tag.Value!) + value;
        });
        _listener.Start();
        Metrics = new InferenceMetrics(factory);
        Batcher = new InferenceBatcher(detector, Options.Create(options), Metrics, NullLogger<InferenceBatcher>.Instance);
    }

    public InferenceBatcher Batcher { get; }

    public InferenceMetrics Metrics { get; }

    public Dictionary<string, long> Dropped { get; } = [];

    /// <summary>A 4×2 frame whose first byte is <paramref name="tag"/>.</summary>
    public static BgrFrame Frame(byte tag)
    {
        var data = new byte[4 * 2 * 3];
        data[0] = tag;
        return new BgrFrame(data, 4, 2);
    }

    public async ValueTask DisposeAsync()
    {
        await Batcher.DisposeAsync();
        _listener.Dispose();
        await _services.DisposeAsync();
    }
}
