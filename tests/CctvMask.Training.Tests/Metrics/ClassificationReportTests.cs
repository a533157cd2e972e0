using CctvMask.Training.Metrics;

namespace CctvMask.Training.Tests.Metrics;

public sealed class ClassificationReportTests
{
    [Fact]
    public void PerClassAndAveragedMetricsFollowFromTheConfusionMatrix()
    {
        var m = new ConfusionMatrix(2);
        // 8 with_mask right, 2 wrong; 3 without_mask wrong, 7 right.
        for (int i = 0; i < 8; i++) m.Add(0, 0);
        for (int i = 0; i < 2; i++) m.Add(0, 1);
        for (int i = 0; i < 3; i++) m.Add(1, 0);
        for (int i = 0; i < 7; i++) m.Add(1, 1);

        var r = ClassificationReport.From(m, ["with_mask", "without_mask"]);

        double p0 = 8.0 / 11, r0 = 8.0 / 10, p1 = 7.0 / 9, r1 = 7.0 / 10;
        Assert.Equal(p0, r["with_mask"].Precision, 9);
        Assert.Equal(r0, r["with_mask"].Recall, 9);
        Assert.Equal(2 * p0 * r0 / (p0 + r0), r["with_mask"].F1, 9);
        Assert.Equal(p1, r["without_mask"].Precision, 9);
        Assert.Equal(r1, r["without_mask"].Recall, 9);
        Assert.Equal(10, r["without_mask"].Support);
        Assert.Equal(15.0 / 20, r.Accuracy, 9);
        Assert.Equal((p0 + p1) / 2, r.MacroAverage.Precision, 9);
        Assert.Equal((r0 * 10 + r1 * 10) / 20, r.WeightedAverage.Recall, 9);
        Assert.Equal([[8L, 2L], [3L, 7L]], r.Confusion);
        Assert.Contains("without_mask", r.ToString());
        Assert.Contains("weighted avg", r.ToString());
    }

    [Fact]
    public void ClassNeverPredictedHasZeroPrecisionNotNaN()
    {
        var m = new ConfusionMatrix(2);
        m.Add(0, 1);
        m.Add(1, 1);
        var r = ClassificationReport.From(m, ["a", "b"]);
        Assert.Equal(0, r["a"].Precision);
        Assert.Equal(0, r["a"].F1);
        Assert.False(double.IsNaN(r.MacroAverage.F1));
    }
}
