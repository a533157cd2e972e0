using CctvMask.Grains.Compliance;
using CctvMask.Grains.Violations;
using CctvMask.Storage.Violations;
using CctvMask.Storage.WriteBehind;
using StorageDelta = CctvMask.Storage.Compliance.ComplianceDelta;

namespace CctvMask.Server.Hosting;

/// <summary>Maps pipeline events to storage records and queues them on the write-behind store (never blocks).</summary>
internal sealed class StorageEventSink(IStorageWriter writer) : IComplianceSink, IViolationSink
{
    public bool TryWrite(ComplianceDelta delta) => writer.Enqueue(ToStorage(delta));

    public bool TryWriteProvisional(ComplianceDelta delta) => writer.EnqueueProvisional(ToStorage(delta));

    private static StorageDelta ToStorage(ComplianceDelta d) =>
        new(d.EventId, d.CameraId, d.BucketStart, d.People, d.Masked, d.Unmasked, d.Unknown, d.Period switch
        {
            CountPeriod.Hour => CctvMask.Storage.Compliance.BucketSize.Hour,
            CountPeriod.Day => CctvMask.Storage.Compliance.BucketSize.Day,
            _ => CctvMask.Storage.Compliance.BucketSize.Minute,
        }, d.Incorrect);

    public bool TryWrite(ViolationEvent v) => writer.TryEnqueue(ToStorage(v));

    public bool TryWriteProvisional(ViolationEvent v) => writer.EnqueueProvisional(ToStorage(v));

    private static ViolationRecord ToStorage(ViolationEvent v)
    {
        var box = new FaceBox((int)MathF.Round(v.FaceBox.X), (int)MathF.Round(v.FaceBox.Y),
            Math.Max(1, (int)MathF.Round(v.FaceBox.Width)), Math.Max(1, (int)MathF.Round(v.FaceBox.Height)));
        // The pipeline's "no snapshot" is an empty array (evidence not drawn yet, or drawing failed); storage's is null,
        // so the API answers 404 for it instead of an empty image.
        return new ViolationRecord(v.Id, v.CameraId, v.OccurredAt, v.TrackId, v.Confidence, box, v.FaceJpeg,
            v.SnapshotJpeg.Length > 0 ? v.SnapshotJpeg : null, v.Privacy, v.Kind);
    }
}
