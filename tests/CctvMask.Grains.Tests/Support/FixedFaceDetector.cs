using CctvMask.Grains.Inference;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Tests.Support;

/// <summary>
/// Model-free phases: <see cref="FacesPerFrame"/> faces (48 px) and <see cref="TinyFaces"/> 8 px faces at fixed places in
/// every frame, judged unmasked. Counts frames and crops; <see cref="Gate"/> holds phase 1 until set.
/// </summary>
internal sealed class FixedFaceDetector : IFaceModels
{
    private readonly List<string> _calls = [];
    private long _frames;
    private long _crops;

    /// <summary>The calls so far, in order: "detect N" (frames), "crop", "classify N" (crops).</summary>
    public string[] Calls
    {
        get { lock (_calls) return [.. _calls]; }
    }

    public long Frames => Interlocked.Read(ref _frames);

    public long Crops => Interlocked.Read(ref _crops);

    /// <summary>The next DetectFaces call throws this.</summary>
    public Exception? ThrowOnce { get; set; }

    public int FacesPerFrame { get; set; } = 1;

    public int TinyFaces { get; set; }

    /// <summary>When set, phase 1 signals <see cref="Entered"/> and waits for the gate.</summary>
    public ManualResetEventSlim? Gate { get; set; }

    public SemaphoreSlim Entered { get; } = new(0);

    public int CropSize => 8;

    public int MaxFrames => 32;

    public int MaxFaces => 256;

    /// <summary>IsTooSmall calls so far: one per face a crop-budget scan looks at closely.</summary>
    public int SizeChecks { get; private set; }

    public bool IsTooSmall(in RawFace face)
    {
        SizeChecks++;
        return face.Box.ShortSide < 12;
    }

    public int DetectFaces(ReadOnlySpan<BgrFrame> frames, ReadOnlySpan<int> smallFaceLongSides, Span<RawFace> faces, Span<int> counts)
    {
        if (Gate is { } gate)
        {
            Entered.Release();
            gate.Wait(TimeSpan.FromSeconds(30));
        }
        if (ThrowOnce is { } ex) { ThrowOnce = null; throw ex; }
        Log($"detect {frames.Length}");
        Interlocked.Add(ref _frames, frames.Length);
        int n = 0;
        for (int i = 0; i < frames.Length; i++)
        {
            for (int j = 0; j < FacesPerFrame; j++)
                faces[n++] = new RawFace(new BoxF(100 + 50 * j, 80, 48, 48), 0.9f, default);
            for (int j = 0; j < TinyFaces; j++)
                faces[n++] = new RawFace(new BoxF(10 + 10 * j, 10, 8, 8), 0.6f, default);
            counts[i] = FacesPerFrame + TinyFaces;
        }
        return n;
    }

    public void Crop(BgrFrame frame, in RawFace face, Span<byte> cropBgr)
    {
        Log("crop");
        cropBgr[..(CropSize * CropSize * 3)].Fill(7);
    }

    public void Classify(ReadOnlySpan<byte> cropsBgr, ReadOnlySpan<RawFace> faces, int count, Span<DetectedFace> judged)
    {
        Log($"classify {count}");
        Interlocked.Add(ref _crops, count);
        for (int i = 0; i < count; i++)
            judged[i] = new DetectedFace(faces[i].Box, faces[i].Score, faces[i].Landmarks, FaceLabel.WithoutMask, 0.1f);
    }

    private void Log(string call)
    {
        lock (_calls) _calls.Add(call);
    }
}
