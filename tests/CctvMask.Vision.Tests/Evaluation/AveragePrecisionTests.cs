using CctvMask.Vision.Evaluation;
using static CctvMask.Vision.Tests.Evaluation.EvalCases;

namespace CctvMask.Vision.Tests.Evaluation;

public sealed class AveragePrecisionTests
{
    [Fact]
    public void Tp_Fp_Tp_GivesFiveSixths()
    {
        // 2 targets; ranked TP(.9), FP(.8), TP(.7).
        // recall .5 .5 1; precision 1 .5 .667 → interpolated precision 1 | .667 | .667.
        // AP = .5·1 + .5·(2/3) = 0.8333…
        var g1 = Gt(0, 0, 40);
        var g2 = Gt(100, 0, 40);
        var images = new[] { Image([g1, g2], On(g1, 0.9f), Nowhere(0.8f), On(g2, 0.7f)) };

        var result = AveragePrecision.Compute(images, null, 0.5f);

        Assert.Equal(5.0 / 6.0, result.Ap, 6);
        Assert.Equal((2, 2, 1), (result.Positives, result.TruePositives, result.FalsePositives));
    }

    [Fact]
    public void DuplicateIsFalsePositive_AndMissedBoxCapsRecall()
    {
        // 2 targets; ranked TP(.9 on g1), FP(.8, duplicate on g1). g2 never found.
        // recall .5 .5; precision 1 .5 → AP = .5·1 = 0.5 (recall never reaches 1).
        var g1 = Gt(0, 0, 40);
        var g2 = Gt(100, 0, 40);
        var images = new[] { Image([g1, g2], On(g1, 0.9f), On(g1, 0.8f)) };

        var result = AveragePrecision.Compute(images, null, 0.5f);

        Assert.Equal(0.5, result.Ap, 6);
        Assert.Equal(1, result.FalsePositives);
    }

    [Fact]
    public void IgnoreRegionHit_CountsNeitherTpNorFp()
    {
        // target g1, ignore region i1; ranked .9 on i1 (ignored), .8 FP, .7 TP on g1.
        // Without the ignored one: FP, TP → recall 0, 1; precision 0, .5 → AP = 1·.5 = 0.5.
        // (Counting the ignore hit as FP would give 1/3.)
        var g1 = Gt(0, 0, 40);
        var i1 = Gt(100, 0, 40, GroundTruthClass.Incorrect);
        var images = new[] { Image([g1, i1], On(i1, 0.9f), Nowhere(0.8f), On(g1, 0.7f)) };

        var result = AveragePrecision.Compute(images, null, 0.5f);

        Assert.Equal(0.5, result.Ap, 6);
        Assert.Equal((1, 1, 1, 1), (result.Positives, result.TruePositives, result.FalsePositives, result.Ignored));
    }

    [Fact]
    public void AcrossImages_RankingIsGlobal()
    {
        // image A: a1 found at .6; image B: FP at .9, b1 found at .3.
        // ranked FP(.9), TP(.6), TP(.3): recall 0 .5 1; precision 0 .5 .667 → interpolated .667 everywhere.
        // AP = .5·(2/3) + .5·(2/3) = 0.6667.
        var a1 = Gt(0, 0, 40);
        var b1 = Gt(0, 0, 40);
        var images = new[]
        {
            Image([a1], On(a1, 0.6f)),
            Image([b1], Nowhere(0.9f), On(b1, 0.3f)),
        };

        Assert.Equal(2.0 / 3.0, AveragePrecision.Compute(images, null, 0.5f).Ap, 6);
    }

    [Fact]
    public void PerClass_UsesScoreTimesClassProbability()
    {
        // g1 with_mask, g2 without_mask. dA on g1: score .9, p(with) .8; dB on g2: score .8, p(with) .95.
        // with_mask: conf dA .72, dB .76 → ranked dB (FP: g2 is not with_mask GT), dA (TP) → AP .5.
        // without_mask: conf dA .18 (FP), dB .04 (TP) → AP .5. Face AP: dA .9 TP, dB .8 TP → 1.
        var g1 = Gt(0, 0, 40, GroundTruthClass.WithMask);
        var g2 = Gt(100, 0, 40, GroundTruthClass.WithoutMask);
        var images = new[] { Image([g1, g2], On(g1, 0.9f, 0.8f), On(g2, 0.8f, 0.95f)) };

        Assert.Equal(0.5, AveragePrecision.Compute(images, GroundTruthClass.WithMask, 0.5f).Ap, 6);
        Assert.Equal(0.5, AveragePrecision.Compute(images, GroundTruthClass.WithoutMask, 0.5f).Ap, 6);
        Assert.Equal(1.0, AveragePrecision.Compute(images, null, 0.5f).Ap, 6);
    }

    [Fact]
    public void LowIou_IsFalsePositive()
    {
        // detection shifted by half its width: IoU = 20·40 / (2·1600 − 800) = 1/3 < .5 → FP, AP 0.
        var g1 = Gt(0, 0, 40);
        var shifted = new EvalDetection(new Vision.Geometry.BoxF(20, 0, 40, 40), 0.9f, 0.9f, GroundTruthClass.WithMask);
        var images = new[] { Image([g1], shifted) };

        Assert.Equal(0.0, AveragePrecision.Compute(images, null, 0.5f).Ap, 6);
        Assert.Equal(1.0, AveragePrecision.Compute(images, null, 0.3f).Ap, 6);
    }

    [Fact]
    public void NoPositives_IsNaN()
    {
        var images = new[] { Image([], Nowhere(0.9f)) };
        Assert.True(double.IsNaN(AveragePrecision.Compute(images, null, 0.5f).Ap));
    }
}
