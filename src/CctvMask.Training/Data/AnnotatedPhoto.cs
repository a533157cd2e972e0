using CctvMask.Vision.Evaluation;

namespace CctvMask.Training.Data;

/// <summary>An annotated photo: image file and its VOC ground truth.</summary>
public sealed record AnnotatedPhoto(string ImagePath, string AnnotationPath, VocAnnotation Annotation)
{
    /// <summary>Pairs annotations/*.xml with images/&lt;same stem&gt;.* (the XML's file name may carry another extension).</summary>
    public static IReadOnlyList<AnnotatedPhoto> Enumerate(string photosDir)
    {
        var annotations = Path.Combine(photosDir, "annotations");
        var images = Path.Combine(photosDir, "images");
        if (!Directory.Exists(annotations) || !Directory.Exists(images))
            throw new DirectoryNotFoundException($"{photosDir} must contain annotations/ and images/ (PASCAL VOC).");
        var imageByStem = Directory.EnumerateFiles(images)
            .GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var result = new List<AnnotatedPhoto>();
        foreach (var xml in Directory.EnumerateFiles(annotations, "*.xml").Order(StringComparer.Ordinal))
        {
            if (!imageByStem.TryGetValue(Path.GetFileNameWithoutExtension(xml), out var image)) continue;
            result.Add(new AnnotatedPhoto(image, xml, VocAnnotationReader.Read(xml)));
        }
        return result;
    }
}
