using CctvMask.Grains.Inference;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Tests.Support;

/// <summary>
/// A detector without a model: records every batch (the first pixel byte of each frame is its tag),
/// returns one face per frame, and can hold its first call until released.
/// </summary>
internal sealed class FakeDetector : IFaceBatchDetector
{
    private readonly ManualResetEventSlim _release;
    private int _calls;

    public FakeDetector(bool holdFirstBatch = false) => _release = new ManualResetEventSlim(!holdFirstBatch);

    public List<byte[]> Batches { get; } = [];

    public ManualResetEventSlim FirstBatchEntered { get; } = new(false);

    private Exception? _throwOnce;

    /// <summary>The next batch throws this.</summary>
    public Exception? ThrowOnce { set => _throwOnce = value; }

    public void Release() => _release.Set();

    public void Detect(ReadOnlySpan<BgrFrame> frames, FacesDetectedCallback onFrame)
    {
        var tags = new byte[frames.Length];
        for (int i = 0; i < frames.Length; i++) tags[i] = frames[i].Span[0];
        lock (Batches) Batches.Add(tags);
        if (Interlocked.Increment(ref _calls) == 1)
        {
            FirstBatchEntered.Set();
            _release.Wait(TimeSpan.FromSeconds(30));
        }
        if (Interlocked.Exchange(ref _throwOnce, null) is { } ex) throw ex;
        for (int i = 0; i < frames.Length; i++)
            onFrame(i, [Faces.At(tags[i], 10)]);
    }
}
