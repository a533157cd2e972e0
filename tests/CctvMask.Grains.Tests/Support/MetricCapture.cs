using System.Diagnostics.Metrics;
using CctvMask.Grains.Inference;

namespace CctvMask.Grains.Tests.Support;

/// <summary>Collects the histogram values of the inference meter created by one meter factory.</summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, List<double>> _values = [];

    public MetricCapture(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == InferenceMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((i, v, _, _) => Add(i.Name, v));
        _listener.SetMeasurementEventCallback<int>((i, v, _, _) => Add(i.Name, v));
        _listener.SetMeasurementEventCallback<long>((i, v, _, _) => Add(i.Name, v));
        _listener.Start();
    }

    public double[] Values(string instrument)
    {
        lock (_values) return _values.TryGetValue(instrument, out var list) ? [.. list] : [];
    }

    private void Add(string name, double value)
    {
        lock (_values)
        {
            if (!_values.TryGetValue(name, out var list)) _values[name] = list = [];
            list.Add(value);
        }
    }

    public void Dispose() => _listener.Dispose();
}
