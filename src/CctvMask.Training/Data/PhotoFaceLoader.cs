using CctvMask.Vision.Evaluation;
using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Data;

/// <summary>
/// Adds in-domain faces from annotated group photos that are NOT held out (<see cref="HoldOutRule"/>).
/// Each ground-truth face is cropped around the phase-1 detection that matches it (IoU ≥ 0.5), as
/// inference would see it, or around the ground-truth box when the detector missed it.
/// </summary>
public sealed class PhotoFaceLoader(IFaceFinder finder, IReadOnlyList<string> classes, int holdOutModulus, int minFaceSize)
{
    public const float MatchIoU = 0.5f;

    public int PhotosUsed { get; private set; }
    public int PhotosHeldOut { get; private set; }
    public Dictionary<string, int> FacesPerClass { get; } = [];

    /// <summary>
    /// Adds the ground-truth faces of the photos in <paramref name="photosDir"/>: of the photos not held out
    /// (<paramref name="holdOut"/> false for a source that has no held-out part), only of
    /// <paramref name="onlyClasses"/> when given.
    /// </summary>
    public void AddTrainingFaces(string photosDir, FaceSampleSet set, float contextMargin, bool holdOut = true,
        IReadOnlyCollection<string>? onlyClasses = null)
    {
        foreach (var photo in AnnotatedPhoto.Enumerate(photosDir))
        {
            if (holdOut && HoldOutRule.IsHeldOut(photo.ImagePath, holdOutModulus))
            {
                PhotosHeldOut++;
                continue;
            }
            // Only some classes wanted: photos without any are not worth decoding and detecting.
            if (onlyClasses is not null && !photo.Annotation.Faces.Any(f => onlyClasses.Contains(f.Class.ToName())))
                continue;
            BgrImage image;
            try
            {
                image = ImageCodec.DecodeFile(photo.ImagePath);
            }
            catch (ImageDecodeException)
            {
                continue;
            }
            using (image)
            {
                PhotosUsed++;
                var detections = finder.Find(image.AsFrame());
                foreach (var truth in photo.Annotation.Faces)
                {
                    var name = truth.Class.ToName();
                    if (onlyClasses is not null && !onlyClasses.Contains(name)) continue;
                    int label = IndexOf(name);
                    if (label < 0 || truth.Box.LongSide < minFaceSize) continue;
                    var box = BestMatch(truth.Box, detections) ?? truth.Box;
                    var crop = new byte[set.CropSize * set.CropSize * 3];
                    FaceCropper.CropSquare(image.AsFrame(), box, contextMargin, set.CropSize, crop);
                    set.Add(crop, label);
                    FacesPerClass[name] = FacesPerClass.GetValueOrDefault(name) + 1;
                }
            }
        }
    }

    private int IndexOf(string name)
    {
        for (int i = 0; i < classes.Count; i++)
            if (classes[i] == name) return i;
        return -1;
    }

    private static BoxF? BestMatch(BoxF truth, IReadOnlyList<FoundFace> detections)
    {
        BoxF? best = null;
        float bestIoU = MatchIoU;
        foreach (var d in detections)
        {
            float iou = BoxF.IoU(truth, d.Box);
            if (iou >= bestIoU)
            {
                bestIoU = iou;
                best = d.Box;
            }
        }
        return best;
    }
}
