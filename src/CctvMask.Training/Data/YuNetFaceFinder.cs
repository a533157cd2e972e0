using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Data;

/// <summary><see cref="IFaceFinder"/> over Vision's YuNet detector (the phase-1 detector of inference).</summary>
public sealed class YuNetFaceFinder(YuNetFaceDetector detector) : IFaceFinder
{
    private readonly RawFace[] _buffer = new RawFace[detector.Options.MaxFacesPerFrame];

    public IReadOnlyList<FoundFace> Find(BgrFrame frame)
    {
        lock (_buffer)
        {
            int n = detector.Detect(frame, _buffer);
            var result = new FoundFace[n];
            for (int i = 0; i < n; i++) result[i] = new FoundFace(_buffer[i].Box, _buffer[i].Score, _buffer[i].Landmarks);
            return result;
        }
    }
}
