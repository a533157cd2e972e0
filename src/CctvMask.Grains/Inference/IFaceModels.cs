using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Inference;

/// <summary>
/// The two phases as the inference loop drives them, one step at a time: phase 1 over a batch of
/// frames, the crop of one face, phase 2 over a batch of crops. Production: <see cref="TwoPhaseFaceModels"/>
/// over Vision's <see cref="TwoPhaseDetector"/>; tests use fakes. Called from the loop's thread only.
/// </summary>
public interface IFaceModels
{
    /// <summary>Side of the square BGR crop phase 2 takes (pixels).</summary>
    int CropSize { get; }

    /// <summary>Frames one <see cref="DetectFaces"/> call accepts at most.</summary>
    int MaxFrames { get; }

    /// <summary>Faces one <see cref="DetectFaces"/> call returns at most (over all frames).</summary>
    int MaxFaces { get; }

    /// <summary>True when a face is too small to be worth a crop (the label rule's minimum size).</summary>
    bool IsTooSmall(in RawFace face);

    /// <summary>
    /// Phase 1: faces of every frame, frame after frame; <paramref name="counts"/>[i] = frame i's count.
    /// <paramref name="smallFaceLongSides"/>[i] = frame i's small-face pass size (0 = none). Returns the total.
    /// </summary>
    int DetectFaces(ReadOnlySpan<BgrFrame> frames, ReadOnlySpan<int> smallFaceLongSides, Span<RawFace> faces, Span<int> counts);

    /// <summary>Crops one face into <paramref name="cropBgr"/> (<see cref="CropSize"/>² · 3 bytes).</summary>
    void Crop(BgrFrame frame, in RawFace face, Span<byte> cropBgr);

    /// <summary>Phase 2 once over <paramref name="count"/> crops laid end to end; writes each face judged.</summary>
    void Classify(ReadOnlySpan<byte> cropsBgr, ReadOnlySpan<RawFace> faces, int count, Span<DetectedFace> judged);
}
