using CctvMask.Grains.Cameras;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Inference;

/// <summary>
/// Phase 2 of one round, in one place for the loop, uploaded images and the CLI's clip runs: each face is cropped
/// once into a preallocated buffer, the classifier runs once over all crops, and each verdict keeps its crop (the
/// evidence face crop). Holds at most <see cref="Capacity"/> faces; allocates nothing per round.
/// </summary>
internal sealed class PhaseTwoBatch
{
    private readonly IFaceModels _models;
    private readonly int _cropBytes;
    private readonly byte[] _crops;
    private readonly RawFace[] _faces;
    private readonly DetectedFace[] _judged;

    public PhaseTwoBatch(IFaceModels models, int capacity)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _models = models;
        _cropBytes = models.CropSize * models.CropSize * 3;
        _crops = new byte[capacity * _cropBytes];
        _faces = new RawFace[capacity];
        _judged = new DetectedFace[capacity];
    }

    /// <summary>Faces one batch holds at most.</summary>
    public int Capacity => _faces.Length;

    /// <summary>Faces added since <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>Crops <paramref name="face"/> out of <paramref name="frame"/> into the next slot; false when full.</summary>
    public bool Add(BgrFrame frame, in RawFace face)
    {
        if (Count == Capacity) return false;
        _faces[Count] = face;
        _models.Crop(frame, face, _crops.AsSpan(Count * _cropBytes, _cropBytes));
        Count++;
        return true;
    }

    /// <summary>Runs phase 2 once over the faces added.</summary>
    public void Classify() => _models.Classify(_crops, _faces, Count, _judged);

    /// <summary>The verdict on face <paramref name="slot"/> after <see cref="Classify"/>.</summary>
    public ref readonly DetectedFace Judged(int slot) => ref _judged[slot];

    /// <summary>The BGR crop phase 2 judged for face <paramref name="slot"/>.</summary>
    public ReadOnlySpan<byte> Crop(int slot) => _crops.AsSpan(slot * _cropBytes, _cropBytes);

    /// <summary>
    /// Crops the requests added since the last call (<paramref name="requests"/> from <see cref="Count"/> on) while
    /// their frames are still in cache; stops when full (slot i stays request i). Returns the crops added.
    /// </summary>
    public int CropRequests(ReadOnlySpan<BgrFrame> frames, List<CropRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        int before = Count;
        for (int r = Count; r < requests.Count && Add(frames[requests[r].Frame], requests[r].Face); r++) { }
        return Count - before;
    }

    /// <summary>Runs phase 2 once over the cropped requests and records each verdict on its track; returns the crops judged.</summary>
    public int RecordJudgements(List<CropRequest> requests, Func<int, CameraPipeline> pipelineOf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(pipelineOf);
        Classify();
        for (int r = 0; r < Count; r++)
            pipelineOf(requests[r].Frame).RecordJudgement(requests[r].Track, _judged[r], Crop(r), _models.CropSize, now);
        return Count;
    }
}
