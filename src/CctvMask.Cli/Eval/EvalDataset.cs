using CctvMask.Cli.Common;
using CctvMask.Cli.Detect;
using CctvMask.Vision.Evaluation;

namespace CctvMask.Cli.Eval;

/// <summary>Pairs PASCAL VOC annotation files with their images (same base name).</summary>
public static class EvalDataset
{
    /// <summary>(image path, annotation) pairs sorted by annotation file name, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<(string Image, VocAnnotation Annotation)> Load(string imagesDir, string annotationsDir, int? limit)
    {
        if (!Directory.Exists(imagesDir))
            throw new CliException($"{imagesDir}: images folder not found");
        if (!Directory.Exists(annotationsDir))
            throw new CliException($"{annotationsDir}: annotations folder not found");
        var xmlFiles = Directory.EnumerateFiles(annotationsDir, "*.xml").Order(StringComparer.Ordinal).ToList();
        if (xmlFiles.Count == 0)
            throw new CliException($"{annotationsDir}: no .xml annotation files");
        var images = Directory.EnumerateFiles(imagesDir)
            .Where(f => InputClassifier.ImageExtensions.Contains(Path.GetExtension(f)))
            .GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);

        var pairs = new List<(string, VocAnnotation)>();
        foreach (var xml in xmlFiles.Take(limit ?? int.MaxValue))
        {
            var name = Path.GetFileNameWithoutExtension(xml);
            if (!images.TryGetValue(name, out var image))
                throw new CliException($"{xml}: no image named {name}.* in {imagesDir}");
            pairs.Add((image, VocAnnotationReader.Read(xml)));
        }
        return pairs;
    }
}
