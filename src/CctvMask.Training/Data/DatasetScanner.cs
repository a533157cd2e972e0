using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CctvMask.Training.Data;

/// <summary>
/// Reads class folders (<c>with_mask/</c>, <c>without_mask/</c>), removes exact duplicates by SHA-256 of
/// the file content, and splits stratified by class with a seeded shuffle. Duplicates are removed before
/// the split, so no duplicate can straddle it. Synthesized images (<c>synth-&lt;sourcehash&gt;-*</c>, written
/// by <c>cctvmask synth</c>) follow their source face: they train only when the source face trains, and are
/// dropped otherwise, so a validation face never appears masked in training.
/// </summary>
public static partial class DatasetScanner
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".bmp", ".webp"];

    public static DatasetSplit Scan(IReadOnlyList<string> roots, IReadOnlyList<string> classNames,
        double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (roots.Count == 0) throw new ArgumentException("At least one dataset folder is needed.", nameof(roots));
        if (validationFraction is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "must be in [0, 1)");

        var files = new List<(string Path, int Class)>();
        var perClass = classNames.ToDictionary(c => c, _ => 0);
        foreach (var root in roots)
        {
            if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"Dataset folder not found: {root}");
            bool any = false;
            for (int c = 0; c < classNames.Count; c++)
            {
                var dir = Path.Combine(root, classNames[c]);
                if (!Directory.Exists(dir)) continue;
                any = true;
                foreach (var f in Directory.EnumerateFiles(dir).Where(IsImage).Order(StringComparer.Ordinal))
                {
                    files.Add((f, c));
                    perClass[classNames[c]]++;
                }
            }
            if (!any)
                throw new InvalidDataException($"{root} has none of the class folders {string.Join(", ", classNames)}.");
        }

        // Hash in parallel: reading thousands of small files is I/O bound.
        var hashes = new string[files.Count];
        Parallel.For(0, files.Count, i => hashes[i] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(files[i].Path))));

        var byHash = new Dictionary<string, LabeledImage>();
        var conflicting = new HashSet<string>();
        int duplicates = 0;
        for (int i = 0; i < files.Count; i++)
        {
            var (path, cls) = files[i];
            var hash = hashes[i];
            if (byHash.TryGetValue(hash, out var existing))
            {
                duplicates++;
                if (existing.ClassIndex != cls) conflicting.Add(hash);
                continue;
            }
            var synth = SynthName().Match(Path.GetFileName(path));
            byHash[hash] = new LabeledImage(path, cls, hash, synth.Success ? synth.Groups[1].Value : hash, synth.Success);
        }
        // The same bytes under two labels: neither label can be trusted.
        foreach (var h in conflicting) byHash.Remove(h);

        var unique = byHash.Values.OrderBy(x => x.Hash, StringComparer.Ordinal).ToList();
        var rng = new Random(seed);
        var train = new List<LabeledImage>();
        var validation = new List<LabeledImage>();
        for (int c = 0; c < classNames.Count; c++)
        {
            var real = unique.Where(x => x.ClassIndex == c && !x.IsSynthetic).ToArray();
            rng.Shuffle(real);
            int nVal = (int)Math.Round(real.Length * validationFraction);
            validation.AddRange(real.Take(nVal));
            train.AddRange(real.Skip(nVal));
        }
        // Synthesized names carry the first 16 hex digits of the source's hash.
        var validationGroups = validation.Select(x => x.Group[..16]).ToHashSet(StringComparer.Ordinal);
        int synthDropped = 0, synthTrain = 0;
        foreach (var s in unique.Where(x => x.IsSynthetic))
        {
            if (validationGroups.Contains(s.Group)) { synthDropped++; continue; }
            train.Add(s);
            synthTrain++;
        }

        var summary = new DatasetSummary(
            [.. roots], perClass, duplicates, conflicting.Count,
            classNames.ToDictionary(n => n, n => train.Count(x => classNames[x.ClassIndex] == n)),
            classNames.ToDictionary(n => n, n => validation.Count(x => classNames[x.ClassIndex] == n)),
            synthTrain, synthDropped);
        return new DatasetSplit(train, validation, summary);
    }

    /// <summary>File name of a synthesized image: <c>synth-{first 16 hex of the source's SHA-256}-{n}.ext</c>.</summary>
    public static string SynthFileName(string sourceHash, int index, string extension) =>
        $"synth-{sourceHash[..16]}-{index}{extension}";

    private static bool IsImage(string path) =>
        ImageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("^synth-([0-9a-f]{16})-", RegexOptions.CultureInvariant)]
    private static partial Regex SynthName();
}
