using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Geometry;
using static CctvMask.Vision.Tests.Evaluation.EvalCases;

namespace CctvMask.Vision.Tests.Evaluation;

/// <summary><c>map50_3</c> and AP50 mask_incorrect; <c>map50</c> keeps its two-class definition.</summary>
public sealed class ThreeClassEvaluationTests
{
    private static EvalDetection Three(GroundTruthFace gt, float pWith, float pIncorrect, GroundTruthClass predicted) =>
        new(gt.Box, 0.9f, pWith, predicted, pIncorrect);

    private static readonly GroundTruthFace W = Gt(0, 0, 40);
    private static readonly GroundTruthFace N = Gt(100, 0, 40, GroundTruthClass.WithoutMask);
    private static readonly GroundTruthFace I = Gt(200, 0, 40, GroundTruthClass.Incorrect);
    private static readonly GroundTruthFace I2 = Gt(300, 0, 40, GroundTruthClass.Incorrect);

    [Fact]
    public void A_perfect_three_class_classifier_scores_100_on_every_class_and_map50_stays_the_two_class_mean()
    {
        var image = Image([W, N, I],
            Three(W, 0.9f, 0.05f, GroundTruthClass.WithMask),
            Three(N, 0.05f, 0.05f, GroundTruthClass.WithoutMask),
            Three(I, 0.1f, 0.85f, GroundTruthClass.Incorrect));

        var report = DetectionEvaluator.Evaluate([image], new EvaluationOptions(), 1);

        Assert.Equal(100.0, report.Ap50.Incorrect!.Value, 6);
        Assert.Equal(100.0, report.Map50Three!.Value, 6);
        Assert.Equal((report.Ap50.WithMask!.Value + report.Ap50.WithoutMask!.Value) / 2, report.Map50!.Value, 6);
        Assert.Equal(1, report.IgnoredFaces);                          // still an ignore region for map50
        Assert.Equal(100.0, report.Classifier.IncorrectRecall!.Value, 6);
        Assert.Equal(1, report.Classifier.Confusion["mask_incorrect"]["mask_incorrect"]);
    }

    [Fact]
    public void Incorrect_faces_ranked_below_a_false_incorrect_lower_its_ap()
    {
        // The with_mask face gets the highest p(incorrect): the first incorrect detection is a false positive.
        var image = Image([W, N, I, I2],
            Three(W, 0.05f, 0.95f, GroundTruthClass.Incorrect),
            Three(N, 0.05f, 0.05f, GroundTruthClass.WithoutMask),
            Three(I, 0.1f, 0.8f, GroundTruthClass.Incorrect),
            Three(I2, 0.8f, 0.1f, GroundTruthClass.WithMask));

        var report = DetectionEvaluator.Evaluate([image], new EvaluationOptions(), 1);

        Assert.InRange(report.Ap50.Incorrect!.Value, 1, 99);
        Assert.Equal(50.0, report.Classifier.IncorrectRecall!.Value, 6);
        Assert.Equal(1, report.Classifier.Confusion["mask_incorrect"]["with_mask"]);
        Assert.True(report.Map50Three < 100);
    }

    [Fact]
    public void A_two_class_classifier_has_no_three_class_figures()
    {
        var image = Image([W, N, I], On(W, 0.9f, 0.9f), On(N, 0.9f, 0.1f), On(I, 0.9f, 0.5f));

        var report = DetectionEvaluator.Evaluate([image], new EvaluationOptions(), 1);

        Assert.Null(report.Map50Three);
        Assert.Null(report.Ap50.Incorrect);
        Assert.NotNull(report.Map50);
    }

    [Fact]
    public void Three_class_probabilities_split_the_non_mask_mass()
    {
        var d = new EvalDetection(new BoxF(0, 0, 10, 10), 1f, 0.2f, null, 0.5f);
        Assert.Equal(0.2f, d.ThreeClassProbability(GroundTruthClass.WithMask), 5);
        Assert.Equal(0.3f, d.ThreeClassProbability(GroundTruthClass.WithoutMask), 5);
        Assert.Equal(0.5f, d.ThreeClassProbability(GroundTruthClass.Incorrect), 5);
        Assert.Equal(0.8f, d.ClassProbability(GroundTruthClass.WithoutMask), 5); // the two-class map50 score is unchanged
    }
}
