using System.Diagnostics.Metrics;

namespace CctvMask.Storage.WriteBehind;

/// <summary>
/// Instruments of Meter <c>CctvMask.Storage</c>:
/// <c>cctvmask.storage.backlog</c> (gauge, {event}), <c>cctvmask.storage.journal.size</c> (gauge, By),
/// <c>cctvmask.storage.journal.unjournaled</c> (observable counter, {event}), <c>cctvmask.storage.written</c>,
/// <c>cctvmask.storage.spilled</c>, <c>cctvmask.storage.replayed</c>, <c>cctvmask.storage.dropped</c>,
/// <c>cctvmask.storage.dead_lettered</c> (counters, {event}), <c>cctvmask.storage.failures</c> (counter, {failure}),
/// <c>cctvmask.storage.retention.deleted</c> (counter, {row}, tag <c>table</c>).
/// </summary>
public sealed class StorageMetrics : IDisposable
{
    /// <summary>Meter name to enable in OpenTelemetry (<c>AddMeter(StorageMetrics.MeterName)</c>).</summary>
    public const string MeterName = "CctvMask.Storage";

    private readonly bool _ownsMeter;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on an own meter.</summary>
    public StorageMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        Written = Meter.CreateCounter<long>("cctvmask.storage.written", "{event}", "Events written to the database from memory.");
        Spilled = Meter.CreateCounter<long>("cctvmask.storage.spilled", "{event}", "Events appended to the local spill file.");
        Replayed = Meter.CreateCounter<long>("cctvmask.storage.replayed", "{event}", "Events written to the database from spill files.");
        Dropped = Meter.CreateCounter<long>("cctvmask.storage.dropped", "{event}", "Events refused: memory and spill queue full.");
        DeadLettered = Meter.CreateCounter<long>("cctvmask.storage.dead_lettered", "{event}", "Events the database rejected.");
        Failures = Meter.CreateCounter<long>("cctvmask.storage.failures", "{failure}", "Write batches failed after retries.");
        RetentionDeleted = Meter.CreateCounter<long>("cctvmask.storage.retention.deleted", "{row}", "Rows deleted by retention.");
    }

    internal Meter Meter { get; }
    internal Counter<long> Written { get; }
    internal Counter<long> Spilled { get; }
    internal Counter<long> Replayed { get; }
    internal Counter<long> Dropped { get; }
    internal Counter<long> DeadLettered { get; }
    internal Counter<long> Failures { get; }
    internal Counter<long> RetentionDeleted { get; }

    /// <summary>Disposes the meter when this instance created it.</summary>
    public void Dispose()
    {
        if (_ownsMeter) Meter.Dispose();
    }
}
