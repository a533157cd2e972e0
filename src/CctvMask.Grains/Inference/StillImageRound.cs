using System.Collections.Concurrent;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Inference;

/// <summary>
/// The uploaded images of an <see cref="InferenceLoop"/>: those waiting, and those in the current round by
/// slot. An image has no tracker, so every face large enough is judged and the rest are "unknown".
/// Everything but <see cref="Enqueue"/> runs on the loop's thread.
/// </summary>
internal sealed class StillImageRound(int slots)
{
    private readonly ConcurrentQueue<StillImage> _waiting = new();
    private readonly StillImage?[] _slots = new StillImage?[slots];
    private readonly DetectedFace[]?[] _faces = new DetectedFace[]?[slots];
    private readonly List<(int Slot, int Face, RawFace Raw)> _crops = [];

    public void Enqueue(StillImage still) => _waiting.Enqueue(still);

    /// <summary>Fails every image no round will take any more (the loop stopped).</summary>
    public void FailWaiting()
    {
        while (_waiting.TryDequeue(out var still))
            if (still.TryTake()) still.Done.TrySetException(new ObjectDisposedException(nameof(InferenceLoop)));
    }

    /// <summary>Takes the next waiting image into <paramref name="slot"/>; false when none waits.</summary>
    public bool TryTake(int slot, out StillImage still)
    {
        while (_waiting.TryDequeue(out still!))
        {
            if (!still.TryTake()) continue;   // withdrawn by its caller
            _slots[slot] = still;
            return true;
        }
        return false;
    }

    public bool Holds(int slot) => _slots[slot] is not null;

    /// <summary>Starts the round's crop list; then <see cref="Stage"/> each image's faces.</summary>
    public void BeginRound() => _crops.Clear();

    public void Stage(int slot, ReadOnlySpan<RawFace> faces, IFaceModels models)
    {
        var judged = new DetectedFace[faces.Length];
        for (int f = 0; f < faces.Length; f++)
        {
            var raw = faces[f];
            if (models.IsTooSmall(raw)) judged[f] = new DetectedFace(raw.Box, raw.Score, raw.Landmarks, FaceLabel.Unknown, float.NaN);
            else _crops.Add((slot, f, raw));
        }
        _faces[slot] = judged;
    }

    /// <summary>
    /// Phase 2 over the staged faces, in batches as large as the round's (an image may hold more faces than a
    /// round's camera crops); returns the faces judged.
    /// </summary>
    public int Judge(ReadOnlySpan<BgrFrame> views, PhaseTwoBatch batch)
    {
        for (int start = 0; start < _crops.Count; start += batch.Capacity)
        {
            batch.Clear();
            for (int r = start; r < _crops.Count && batch.Add(views[_crops[r].Slot], _crops[r].Raw); r++) { }
            batch.Classify();
            for (int r = 0; r < batch.Count; r++)
            {
                var (slot, face, _) = _crops[start + r];
                _faces[slot]![face] = batch.Judged(r);
            }
        }
        return _crops.Count;
    }

    public void Complete(int slot) => _slots[slot]?.Done.TrySetResult(_faces[slot]!);

    public void Fail(int slot, Exception exception) => _slots[slot]?.Done.TrySetException(exception);

    public void Clear(int slot)
    {
        _slots[slot] = null;
        _faces[slot] = null;
    }
}
