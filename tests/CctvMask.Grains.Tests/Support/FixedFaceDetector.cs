using CctvMask.Grains.Inference;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Tests.Support;

/// <summary>Model-free phases: one face at a fixed place in every frame, judged unmasked. Counts frames and crops.</summary>
internal sealed class FixedFaceDetector : IFaceModels
{
    private long _frames;
    private long _crops;

    public long Frames => Interlocked.Read(ref _frames);

    public long Crops => Interlocked.Read(ref _crops);

    /// <summary>The next DetectFaces call throws this.</summary>
    public Exception? ThrowOnce { get; set; }

    public int CropSize => 8;

    public int MaxFrames => 32;

    public int MaxFaces => 256;

    public bool IsTooSmall(in RawFace face) => face.Box.ShortSide < 12;

    public int DetectFaces(ReadOnlySpan<BgrFrame> frames, ReadOnlySpan<int> smallFaceLongSides, Span<RawFace> faces, Span<int> counts)
    {
        if (ThrowOnce is { } ex) { ThrowOnce = null; throw ex; }
        Interlocked.Add(ref _frames, frames.Length);
        for (int i = 0; i < frames.Length; i++)
        {
            faces[i] = new RawFace(new BoxF(100, 80, 48, 48), 0.9f, default);
            counts[i] = 1;
        }
        return frames.Length;
    }

    public void Crop(BgrFrame frame, in RawFace face, Span<byte> cropBgr) => cropBgr[..(CropSize * CropSize * 3)].Fill(7);

    public void Classify(ReadOnlySpan<byte> cropsBgr, ReadOnlySpan<RawFace> faces, int count, Span<DetectedFace> judged)
    {
        Interlocked.Add(ref _crops, count);
        for (int i = 0; i < count; i++)
            judged[i] = new DetectedFace(faces[i].Box, faces[i].Score, faces[i].Landmarks, FaceLabel.WithoutMask, 0.1f);
    }
}
