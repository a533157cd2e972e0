using System.Security.Cryptography;
using System.Text;
using CctvMask.Training.Data;
using CctvMask.Vision.Evaluation;

namespace CctvMask.Training.Detection;

/// <summary>
/// Reads VOC folders (<c>images/</c> + <c>annotations/</c>) for the detector. The photos folder is split by file
/// stem hashes only: held out (SHA-256[0] mod HoldOutModulus == 0, never opened), validation
/// (SHA-256[1] mod ValidationModulus == 0) and training — deterministic and independent of folder order.
/// </summary>
public static class DetectorDataset
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    public static DetectorDataSplit Scan(DetectorTrainingOptions options)
    {
        var train = new List<DetectorPhoto>();
        var validation = new List<DetectorPhoto>();
        int heldOut = 0, unreadable = 0;
        foreach (var dir in options.TrainDirs)
            train.AddRange(Read(dir, _ => true, ref unreadable));
        if (options.PhotosDir is { } photos)
        {
            int skipped = 0;
            foreach (var photo in Read(photos, stem =>
                     {
                         if (!HoldOutRule.IsHeldOut(stem, options.HoldOutModulus)) return true;
                         skipped++;
                         return false;
                     }, ref unreadable))
            {
                (IsValidation(photo.ImagePath, options.ValidationModulus) ? validation : train).Add(photo);
            }
            heldOut = skipped;
        }
        if (options.MaxTrainImages is { } max && train.Count > max)
            train = train[..max];
        return new DetectorDataSplit(train, validation, heldOut, unreadable);
    }

    /// <summary>True for the non-held-out photos that choose the best epoch.</summary>
    public static bool IsValidation(string fileName, int modulus)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return SHA256.HashData(Encoding.UTF8.GetBytes(stem))[1] % modulus == 0;
    }

    /// <summary>Photos of a VOC folder whose stem passes <paramref name="include"/>, sorted by stem; photos without faces are skipped.</summary>
    public static List<DetectorPhoto> Read(string dir, Func<string, bool> include, ref int unreadable)
    {
        var annotations = Path.Combine(dir, "annotations");
        var images = Path.Combine(dir, "images");
        if (!Directory.Exists(annotations) || !Directory.Exists(images))
            throw new DirectoryNotFoundException($"{dir}: expected images/ and annotations/ (PASCAL VOC).");
        var result = new List<DetectorPhoto>();
        foreach (var xml in Directory.EnumerateFiles(annotations, "*.xml").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(xml);
            if (!include(stem)) continue;
            var image = ImageExtensions.Select(e => Path.Combine(images, stem + e)).FirstOrDefault(File.Exists);
            VocAnnotation voc;
            try
            {
                voc = VocAnnotationReader.Read(xml);
            }
            catch (VocFormatException)
            {
                unreadable++;
                continue;
            }
            if (image is null || voc.Faces.Count == 0)
            {
                unreadable += image is null ? 1 : 0;
                continue;
            }
            result.Add(new DetectorPhoto(image, voc.Faces));
        }
        return result;
    }
}
