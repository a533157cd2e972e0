using CctvMask.Grains.Violations;
using CctvMask.Server.Hosting;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Violations;
using CctvMask.Storage.WriteBehind;
using CctvMask.Vision.Geometry;

namespace CctvMask.Server.Tests.Hosting;

/// <summary>How the pipeline's violations reach the write-behind store: final and provisional, one mapping.</summary>
public sealed class StorageEventSinkTests
{
    private sealed class Recorder : IStorageWriter
    {
        public List<ViolationRecord> Final { get; } = [];
        public List<ViolationRecord> Provisional { get; } = [];
        public bool TryEnqueue(ViolationRecord violation) { Final.Add(violation); return true; }
        public bool Enqueue(ComplianceDelta delta) => true;
        public bool EnqueueProvisional(ComplianceDelta delta) => true;
        public bool EnqueueProvisional(ViolationRecord violation) { Provisional.Add(violation); return true; }
    }

    private static ViolationEvent Raised(byte[] face, byte[] snapshot) => new(Guid.CreateVersion7(), "lobby", 42,
        new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero), 0.9f, new BoxF(10.4f, 20.6f, 30f, 40f), face, snapshot, 640, 360);

    [Fact]
    public void A_violation_journaled_before_its_evidence_and_its_final_record_share_the_id_and_no_snapshot_is_null()
    {
        var writer = new Recorder();
        var sink = new StorageEventSink(writer);
        var raised = Raised([], []);
        Assert.True(sink.TryWriteProvisional(raised));
        Assert.True(sink.TryWrite(raised with { FaceJpeg = [1, 2], SnapshotJpeg = [3, 4, 5] }));

        var provisional = Assert.Single(writer.Provisional);
        var final = Assert.Single(writer.Final);
        Assert.Equal(raised.Id, provisional.EventId);
        Assert.Equal(raised.Id, final.EventId);
        Assert.Empty(provisional.FaceJpeg);
        Assert.Null(provisional.SnapshotJpeg);   // an empty array would be stored as an empty image
        Assert.Equal([3, 4, 5], final.SnapshotJpeg);
        Assert.Equal(new FaceBox(10, 21, 30, 40), final.Face);
    }
}
