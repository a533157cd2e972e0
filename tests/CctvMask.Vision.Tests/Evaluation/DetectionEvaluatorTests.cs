using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Geometry;
using static CctvMask.Vision.Tests.Evaluation.EvalCases;

namespace CctvMask.Vision.Tests.Evaluation;

public sealed class DetectionEvaluatorTests
{
    [Fact]
    public void Report_CountsRecallAccuracyAndConfusion()
    {
        // 4 targets: w1 (10 px, with) w2 (40 px, with) n1 (40 px, without) n2 (100 px, without), ignore i1.
        // w1 found by a box at IoU 1/3 (lenient only); w2 right; n1 classified with_mask (wrong);
        // n2 only at score .4 (below the operating point); i1 hit (not counted anywhere).
        var w1 = Gt(0, 0, 10);
        var w2 = Gt(100, 0, 40);
        var n1 = Gt(200, 0, 40, GroundTruthClass.WithoutMask);
        var n2 = Gt(300, 0, 100, GroundTruthClass.WithoutMask);
        var i1 = Gt(500, 0, 40, GroundTruthClass.Incorrect);
        var image = Image(
            [w1, w2, n1, n2, i1],
            new EvalDetection(new BoxF(5, 0, 10, 10), 0.9f, 0.9f, GroundTruthClass.WithMask),
            On(w2, 0.9f, 0.9f),
            On(n1, 0.8f, 0.7f),
            On(n2, 0.4f, 0.1f),
            On(i1, 0.9f));

        var report = DetectionEvaluator.Evaluate([image], new EvaluationOptions(), 12.5);

        Assert.Equal((1, 4, 1), (report.Images, report.GroundTruthFaces, report.IgnoredFaces));
        Assert.Equal(50.0, report.FaceRecallIou50!.Value, 6);   // w2, n1
        Assert.Equal(75.0, report.FaceRecallIou30!.Value, 6);   // + w1
        Assert.Equal(50.0, report.MaskAccuracy!.Value, 6);      // w2 right, n1 wrong
        Assert.Equal(100.0, report.Classifier.WithMaskRecall!.Value, 6);
        Assert.Equal(0.0, report.Classifier.WithoutMaskRecall!.Value, 6);
        Assert.Equal(1, report.Classifier.Confusion["without_mask"]["with_mask"]);
        Assert.Equal(4, report.Detections);                      // score ≥ .5, incl. the ignore hit
        Assert.Equal(100.0 * 2 / 3, report.FacePrecisionIou50!.Value, 6); // w1-box is FP at .5; ignore hit excluded
        Assert.Equal(new SizeRecall(1, 1, 100.0), report.RecallBySize["<16"]);
        Assert.Equal(new SizeRecall(2, 2, 100.0), report.RecallBySize["32-64"]);
        Assert.Equal(new SizeRecall(1, 0, 0.0), report.RecallBySize[">=64"]);
        Assert.Null(report.RecallBySize["16-32"].Recall);
        Assert.Equal(12.5, report.MsPerImage);
        Assert.InRange(report.FaceAp50!.Value, 0, 100);
        Assert.Equal((report.Ap50.WithMask!.Value + report.Ap50.WithoutMask!.Value) / 2, report.Map50!.Value, 6);
    }

    [Fact]
    public void UnknownLabel_CountsAsWrong()
    {
        var w = Gt(0, 0, 40);
        var image = Image([w], new EvalDetection(w.Box, 0.9f, float.NaN, null));

        var report = DetectionEvaluator.Evaluate([image], new EvaluationOptions(), 0);

        Assert.Equal(0.0, report.MaskAccuracy!.Value, 6);
        Assert.Equal(100.0, report.Classifier.UnknownShare!.Value, 6);
        Assert.Equal(1, report.Classifier.Confusion["with_mask"]["unknown"]);
    }
}
