using CctvMask.Testing;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.MaskClassification;
using CctvMask.Vision.Models;
using CctvMask.Vision.Tests.Imaging;
using Xunit.Abstractions;

namespace CctvMask.Vision.Tests.Detection;

/// <summary>The shipped models end to end: YuNet + the trained mask classifier on annotated dev photos.</summary>
public sealed class TwoPhaseEndToEndTests(ITestOutputHelper output)
{
    private static readonly string[] Images = ["maksssksksss261", "maksssksksss130", "maksssksksss495", "maksssksksss5", "maksssksksss268", "maksssksksss373"];

    [Fact]
    public void LabelsAnnotatedFacesOfDevPhotos()
    {
        using var detector = new TwoPhaseDetector(new TwoPhaseDetectorOptions
        {
            Detector = new FaceDetectorOptions { ModelPath = TestEnvironment.Model(ModelLocator.DynamicDetector) },
            Classifier = new MaskClassifierOptions { ModelPath = TestEnvironment.Model(ModelLocator.Classifier) },
        });
        var images = Images.Select(n => ImageCodec.DecodeFile(DevSet.Image(n))).ToArray();
        try
        {
            using var result = detector.Detect(images.Select(i => i.AsFrame()).ToArray());
            int matched = 0, judged = 0, correct = 0, unmaskedCorrect = 0, unmaskedJudged = 0;
            for (int f = 0; f < Images.Length; f++)
            {
                var (_, _, truth) = DevSet.Annotation(Images[f]);
                var faces = result[f].ToArray();
                foreach (var (box, label) in truth)
                {
                    if (label is not ("with_mask" or "without_mask"))
                        continue;
                    var best = faces.Where(d => BoxF.IoU(d.Box, box) >= 0.3f).OrderByDescending(d => BoxF.IoU(d.Box, box)).FirstOrDefault();
                    if (best.Score == 0)
                        continue;
                    matched++;
                    if (best.Label == FaceLabel.Unknown)
                        continue;
                    judged++;
                    bool ok = best.Label.ToName() == label;
                    correct += ok ? 1 : 0;
                    if (label == "without_mask")
                    {
                        unmaskedJudged++;
                        unmaskedCorrect += ok ? 1 : 0;
                    }
                }
            }
            output.WriteLine($"matched {matched}, judged {judged}, correct {correct}, without_mask {unmaskedCorrect}/{unmaskedJudged}");
            Assert.True(matched >= 30, $"only {matched} annotated faces matched");
            Assert.True(judged >= matched / 2, $"only {judged} of {matched} faces got a label");
            Assert.True(correct >= judged * 0.75, $"{correct} of {judged} labels correct");
            Assert.True(unmaskedCorrect >= unmaskedJudged * 0.5, $"without_mask {unmaskedCorrect}/{unmaskedJudged}");
        }
        finally
        {
            foreach (var image in images)
                image.Dispose();
        }
    }
}
