using CctvMask.Testing;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Models;

namespace CctvMask.Server.Tests.EndToEnd;

/// <summary>
/// Runs the phase-1 detector (YuNet, native size) again over a stored snapshot: in <c>evidence</c> mode only the
/// violator's face may still be found there, every other face having been pixelated before storage.
/// </summary>
public sealed class SnapshotFaces : IDisposable
{
    // A face found this far (IoU) from the violator's box is somebody else's.
    private const float OtherFaceIoU = 0.3f;
    private const int MaxFaces = 512;

    private readonly YuNetFaceDetector _detector = new(new FaceDetectorOptions
    {
        ModelPath = TestEnvironment.Model(ModelLocator.DynamicDetector),
        InputSizePolicy = InputSizePolicy.Native,
    });
    private readonly RawFace[] _faces = new RawFace[MaxFaces];

    /// <summary>Faces the detector finds in <paramref name="jpeg"/>, and how many of them are away from the violator's box.</summary>
    public (int All, int Others) Count(byte[] jpeg, BoxF violator)
    {
        using var image = ImageCodec.Decode(jpeg);
        int n = _detector.Detect(image.AsFrame(), _faces);
        int others = 0;
        for (int i = 0; i < n; i++)
            if (BoxF.IoU(_faces[i].Box, violator) < OtherFaceIoU && !NearViolator(_faces[i].Box, violator)) others++;
        return (n, others);
    }

    /// <summary>The boxes and scores of the faces the detector finds in <paramref name="jpeg"/>.</summary>
    public IReadOnlyList<RawFace> Find(byte[] jpeg)
    {
        using var image = ImageCodec.Decode(jpeg);
        int n = _detector.Detect(image.AsFrame(), _faces);
        return _faces.AsSpan(0, n).ToArray();
    }

    // The violator's own face may be found again shifted by its thick evidence box (IoU is low on a 15 px face): a face
    // centred within one box size of the violator's box is the violator's.
    private static bool NearViolator(BoxF face, BoxF violator) =>
        MathF.Abs(face.CenterX - violator.CenterX) <= violator.Width && MathF.Abs(face.CenterY - violator.CenterY) <= violator.Height;

    public void Dispose() => _detector.Dispose();
}
