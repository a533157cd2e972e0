using CctvMask.Testing;
using CctvMask.Training.Data;
using CctvMask.Training.Evaluation;

namespace CctvMask.Training.Tests.Evaluation;

public sealed class HeldOutEvaluatorTests
{
    [Fact]
    public void EvaluatesOnlyHeldOutPhotosAndAccountsForEveryMatchedFace()
    {
        var dev = TestEnvironment.Shared("datasets", "face-mask-dev");
        var root = Directory.CreateTempSubdirectory("cctvmask-heldout-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "images"));
            Directory.CreateDirectory(Path.Combine(root, "annotations"));
            // Two held-out and two training photos: only the held-out ones may be evaluated.
            var stems = Directory.GetFiles(Path.Combine(dev, "annotations"), "*.xml").Order(StringComparer.Ordinal)
                .Select(Path.GetFileNameWithoutExtension).ToList();
            var chosen = stems.Where(s => HoldOutRule.IsHeldOut(s!, 3)).Take(2).Concat(stems.Where(s => !HoldOutRule.IsHeldOut(s!, 3)).Take(2));
            foreach (var stem in chosen)
            {
                File.CreateSymbolicLink(Path.Combine(root, "annotations", stem + ".xml"), Path.Combine(dev, "annotations", stem + ".xml"));
                var image = Directory.GetFiles(Path.Combine(dev, "images"), stem + ".*").Single();
                File.CreateSymbolicLink(Path.Combine(root, "images", Path.GetFileName(image)), image);
            }
            using var detector = TrainingFixtures.CreateDetector();
            var model = File.ReadAllBytes(TestEnvironment.Model("mask_classifier.onnx"));

            var report = new HeldOutEvaluator(TrainingFixtures.Finder(detector), 3).Evaluate(model, root);

            Assert.Equal(2, report.Photos);
            Assert.True(report.MatchedFaces > 0);
            Assert.InRange(report.MatchedFaces, 1, report.GroundTruthFaces);
            Assert.Equal(report.MatchedFaces, report.All.Total);
            Assert.Equal(report.MatchedFaces, report.Labelled.Total + report.Unlabelled);
            Assert.Equal(report.MatchedFaces, report.BySize.Values.Sum(r => r.Total));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
