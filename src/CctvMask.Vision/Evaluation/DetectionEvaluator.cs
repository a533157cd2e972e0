using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CctvMask.Vision.Evaluation;

/// <summary>Computes the <see cref="EvaluationReport"/> of a set of evaluated images (pure).</summary>
public static class DetectionEvaluator
{
    private const string WithMask = "with_mask";
    private const string WithoutMask = "without_mask";
    private const string Unknown = "unknown";
    private const string Incorrect = "mask_incorrect";

    /// <summary>Evaluates; <paramref name="msPerImage"/> is passed through (timing is the caller's).</summary>
    public static EvaluationReport Evaluate(IReadOnlyList<EvaluatedImage> images, EvaluationOptions options, double msPerImage)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        var face = AveragePrecision.Compute(images, null, options.ApIou);
        var withAp = AveragePrecision.Compute(images, GroundTruthClass.WithMask, options.ApIou);
        var withoutAp = AveragePrecision.Compute(images, GroundTruthClass.WithoutMask, options.ApIou);
        // The three-class figures only mean something when the classifier has the class and the truth has boxes of it.
        bool threeClass = images.Any(i => i.Detections.Any(d => float.IsFinite(d.IncorrectProbability)))
            && images.Any(i => i.GroundTruth.Any(g => g.Class == GroundTruthClass.Incorrect));
        double? with3 = null, without3 = null, incorrect3 = null;
        if (threeClass)
        {
            with3 = Percent(AveragePrecision.Compute(images, GroundTruthClass.WithMask, options.ApIou, threeClass: true).Ap);
            without3 = Percent(AveragePrecision.Compute(images, GroundTruthClass.WithoutMask, options.ApIou, threeClass: true).Ap);
            incorrect3 = Percent(AveragePrecision.Compute(images, GroundTruthClass.Incorrect, options.ApIou, threeClass: true).Ap);
        }

        var edges = options.SizeBinEdges;
        var binGt = new int[edges.Length + 1];
        var binFound = new int[edges.Length + 1];
        var confusion = new Dictionary<string, Dictionary<string, int>>
        {
            [WithMask] = new() { [WithMask] = 0, [WithoutMask] = 0, [Unknown] = 0, [Incorrect] = 0 },
            [WithoutMask] = new() { [WithMask] = 0, [WithoutMask] = 0, [Unknown] = 0, [Incorrect] = 0 },
        };
        var incorrectRow = new Dictionary<string, int> { [WithMask] = 0, [WithoutMask] = 0, [Unknown] = 0, [Incorrect] = 0 };
        int targets = 0, ignored = 0, found50 = 0, found30 = 0, detections = 0, truePositives = 0, ignoredHits = 0;
        foreach (var image in images)
        {
            var strict = new int[image.GroundTruth.Count];
            var lenient = new int[image.GroundTruth.Count];
            GreedyMatcher.Match(image, options.ApIou, options.OperatingScore, strict);
            GreedyMatcher.Match(image, options.LenientIou, options.OperatingScore, lenient);
            detections += image.Detections.Count(d => d.Score >= options.OperatingScore);
            for (int g = 0; g < image.GroundTruth.Count; g++)
            {
                var truth = image.GroundTruth[g];
                if (!truth.IsTarget)
                {
                    ignored++;
                    if (strict[g] >= 0)
                    {
                        ignoredHits++;
                        incorrectRow[NameOf(image.Detections[strict[g]].PredictedClass)]++;
                    }
                    continue;
                }
                targets++;
                int bin = SizeBin(truth.Size, edges);
                binGt[bin]++;
                if (lenient[g] >= 0)
                {
                    found30++;
                    binFound[bin]++;
                }
                if (strict[g] < 0)
                    continue;
                found50++;
                truePositives++;
                confusion[truth.Class == GroundTruthClass.WithMask ? WithMask : WithoutMask][NameOf(image.Detections[strict[g]].PredictedClass)]++;
            }
        }

        int withTotal = confusion[WithMask].Values.Sum(), withoutTotal = confusion[WithoutMask].Values.Sum();
        int incorrectTotal = incorrectRow.Values.Sum();
        if (incorrectTotal > 0) confusion[Incorrect] = incorrectRow;
        int matched = withTotal + withoutTotal;
        int correct = confusion[WithMask][WithMask] + confusion[WithoutMask][WithoutMask];
        int unknown = confusion[WithMask][Unknown] + confusion[WithoutMask][Unknown];
        double? faceAp = Percent(face.Ap), withPct = Percent(withAp.Ap), withoutPct = Percent(withoutAp.Ap);

        var bySize = new Dictionary<string, SizeRecall>();
        for (int b = 0; b <= edges.Length; b++)
            bySize[BinName(b, edges)] = new SizeRecall(binGt[b], binFound[b], Ratio(binFound[b], binGt[b]));

        return new EvaluationReport
        {
            Images = images.Count,
            GroundTruthFaces = targets,
            IgnoredFaces = ignored,
            FaceAp50 = faceAp,
            Map50 = withPct is { } a && withoutPct is { } b2 ? (a + b2) / 2 : null,
            Map50Three = with3 is { } w3 && without3 is { } wo3 && incorrect3 is { } i3 ? (w3 + wo3 + i3) / 3 : null,
            Ap50 = new ClassApReport(withPct, withoutPct, incorrect3),
            MaskAccuracy = Ratio(correct, matched),
            FaceRecallIou50 = Ratio(found50, targets),
            FaceRecallIou30 = Ratio(found30, targets),
            FacePrecisionIou50 = Ratio(truePositives, detections - ignoredHits),
            RecallBySize = bySize,
            MsPerImage = msPerImage,
            Detections = detections,
            Classifier = new ClassifierReport(
                matched,
                Ratio(confusion[WithMask][WithMask], withTotal),
                Ratio(confusion[WithoutMask][WithoutMask], withoutTotal),
                Ratio(unknown, matched),
                confusion.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value),
                Ratio(incorrectRow[Incorrect], incorrectTotal)),
        };
    }

    private static string NameOf(GroundTruthClass? predicted) => predicted switch
    {
        GroundTruthClass.WithMask => WithMask,
        GroundTruthClass.WithoutMask => WithoutMask,
        GroundTruthClass.Incorrect => Incorrect,
        _ => Unknown,
    };

    /// <summary>Name of size bin <paramref name="bin"/>: "&lt;16", "16-32", …, "&gt;=64".</summary>
    public static string BinName(int bin, IReadOnlyList<float> edges)
    {
        string F(float v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        if (bin == 0)
            return "<" + F(edges[0]);
        if (bin == edges.Count)
            return ">=" + F(edges[^1]);
        return F(edges[bin - 1]) + "-" + F(edges[bin]);
    }

    private static int SizeBin(float size, float[] edges)
    {
        for (int b = 0; b < edges.Length; b++)
        {
            if (size < edges[b])
                return b;
        }
        return edges.Length;
    }

    private static double? Ratio(int part, int whole) => whole <= 0 ? null : 100.0 * part / whole;

    private static double? Percent(double fraction) => double.IsNaN(fraction) ? null : 100.0 * fraction;
}
