using CctvMask.Training.Data;

namespace CctvMask.Training.Tests.Data;

public sealed class DatasetScannerTests : IDisposable
{
    private static readonly string[] Classes = ["with_mask", "without_mask"];
    private readonly string _root = Directory.CreateTempSubdirectory("cctvmask-scan-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    private void Write(string cls, string name, string content)
    {
        Directory.CreateDirectory(Path.Combine(_root, cls));
        File.WriteAllText(Path.Combine(_root, cls, name), content);
    }

    [Fact]
    public void DuplicatesAreRemovedBeforeTheStratifiedSplit()
    {
        for (int i = 0; i < 20; i++) Write("with_mask", $"w{i}.jpg", $"with {i}");
        for (int i = 0; i < 10; i++) Write("without_mask", $"n{i}.jpg", $"without {i}");
        // Exact copies under other names, within a class and across the split candidates.
        for (int i = 0; i < 5; i++) Write("with_mask", $"copy{i}.jpg", $"with {i}");
        Write("without_mask", "conflict.jpg", "with 7"); // same bytes as a with_mask image: both dropped

        var split = DatasetScanner.Scan([_root], Classes, 0.2, seed: 1);

        Assert.Equal(6, split.Summary.DuplicatesRemoved);
        Assert.Equal(1, split.Summary.ConflictingLabelsRemoved);
        var all = split.Train.Concat(split.Validation).ToList();
        Assert.Equal(all.Count, all.Select(x => x.Hash).Distinct().Count());
        Assert.Empty(split.Train.Select(x => x.Hash).Intersect(split.Validation.Select(x => x.Hash)));
        Assert.Equal(29, all.Count); // 20 + 10 unique minus the conflicting pair
        Assert.Equal(4, split.Validation.Count(x => x.ClassIndex == 0)); // round(19 · 0.2)
        Assert.Equal(2, split.Validation.Count(x => x.ClassIndex == 1));
    }

    [Fact]
    public void SplitIsDeterministicPerSeed()
    {
        for (int i = 0; i < 30; i++) Write(i % 2 == 0 ? "with_mask" : "without_mask", $"f{i}.jpg", $"img {i}");
        var a = DatasetScanner.Scan([_root], Classes, 0.2, seed: 5).Validation.Select(x => x.Path).ToList();
        var b = DatasetScanner.Scan([_root], Classes, 0.2, seed: 5).Validation.Select(x => x.Path).ToList();
        var c = DatasetScanner.Scan([_root], Classes, 0.2, seed: 6).Validation.Select(x => x.Path).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void SynthesizedImagesFollowTheirSourceFace()
    {
        for (int i = 0; i < 10; i++) Write("without_mask", $"n{i}.jpg", $"face {i}");
        Write("with_mask", "w0.jpg", "masked 0");
        var first = DatasetScanner.Scan([_root], Classes, 0.5, seed: 3);
        foreach (var face in first.Train.Concat(first.Validation).Where(x => x.ClassIndex == 1))
            Write("with_mask", DatasetScanner.SynthFileName(face.Hash, 0, ".jpg"), "synth of " + face.Hash);

        var split = DatasetScanner.Scan([_root], Classes, 0.5, seed: 3);

        var validationSources = split.Validation.Select(x => x.Hash[..16]).ToHashSet();
        var synthetic = split.Train.Where(x => x.IsSynthetic).ToList();
        Assert.NotEmpty(synthetic);
        Assert.All(synthetic, s => Assert.DoesNotContain(s.Group, validationSources));
        Assert.DoesNotContain(split.Validation, x => x.IsSynthetic);
        Assert.Equal(10, synthetic.Count + split.Summary.SyntheticDropped);
    }

    [Fact]
    public void MissingClassFoldersAreAClearError()
    {
        var ex = Assert.Throws<InvalidDataException>(() => DatasetScanner.Scan([_root], Classes, 0.2, 1));
        Assert.Contains("with_mask", ex.Message);
        Assert.Throws<DirectoryNotFoundException>(() => DatasetScanner.Scan([Path.Combine(_root, "nope")], Classes, 0.2, 1));
    }
}
