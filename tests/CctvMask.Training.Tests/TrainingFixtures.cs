using CctvMask.Testing;
using CctvMask.Training.Data;
using CctvMask.Vision.FaceDetection;

namespace CctvMask.Training.Tests;

/// <summary>Real inputs for the tests: the phase-1 detector and a few shared face images.</summary>
internal static class TrainingFixtures
{
    public static YuNetFaceDetector CreateDetector() =>
        new(new FaceDetectorOptions { ModelPath = TestEnvironment.Model("yunet_n_dynamic.onnx") });

    /// <summary>The first <paramref name="count"/> images (by name) of a mask-crops class folder.</summary>
    public static IReadOnlyList<string> MaskCrops(string cls, int count) =>
        [.. Directory.GetFiles(TestEnvironment.Shared("datasets", "mask-crops", cls)).Order(StringComparer.Ordinal).Take(count)];

    /// <summary>A temporary class-folder dataset of symlinks to shared images (nothing is copied).</summary>
    public static string LinkDataset(int perClass)
    {
        var root = Directory.CreateTempSubdirectory("cctvmask-train-data-").FullName;
        foreach (var cls in new[] { "with_mask", "without_mask" })
        {
            Directory.CreateDirectory(Path.Combine(root, cls));
            foreach (var file in MaskCrops(cls, perClass))
                File.CreateSymbolicLink(Path.Combine(root, cls, Path.GetFileName(file)), file);
        }
        return root;
    }

    public static IFaceFinder Finder(YuNetFaceDetector detector) => new YuNetFaceFinder(detector);
}
