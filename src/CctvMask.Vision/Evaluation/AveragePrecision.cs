namespace CctvMask.Vision.Evaluation;

/// <summary>
/// PASCAL VOC average precision with all-point interpolation (VOC 2010+): detections of all images
/// sorted by descending confidence, each matched greedily to the ground-truth box of its image with
/// the highest IoU; IoU ≥ threshold and not yet matched → TP, already matched → FP (duplicate),
/// below threshold → FP. A detection whose best match is an ignore region counts as neither.
/// </summary>
public static class AveragePrecision
{
    /// <summary>
    /// Face AP (class-agnostic) when <paramref name="targetClass"/> is null: every with/without box is a
    /// target and the confidence is the face score. For a class: the targets are that class's boxes, the
    /// confidence is score × p(class), and boxes of the other class are not ground truth for it.
    /// mask_weared_incorrect boxes are ignore regions in both cases — unless <paramref name="threeClass"/>:
    /// then they are a third target class (<c>map50_3</c>) and the confidence is
    /// <see cref="EvalDetection.ThreeClassProbability"/>.
    /// </summary>
    public static ApResult Compute(IReadOnlyList<EvaluatedImage> images, GroundTruthClass? targetClass, float iouThreshold, bool threeClass = false)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (targetClass == GroundTruthClass.Incorrect && !threeClass)
            throw new ArgumentOutOfRangeException(nameof(targetClass), "mask_weared_incorrect is an ignore class, not a target (except in the three-class AP).");

        var candidates = new List<(int Image, int Detection, float Confidence)>();
        var relevant = new List<GroundTruthFace>[images.Count];
        var matched = new bool[images.Count][];
        int positives = 0;
        for (int i = 0; i < images.Count; i++)
        {
            var image = images[i];
            relevant[i] = [.. image.GroundTruth.Where(g => IsRelevant(g.Class, targetClass, threeClass))];
            matched[i] = new bool[relevant[i].Count];
            positives += relevant[i].Count(g => g.IsTargetOf(threeClass));
            for (int d = 0; d < image.Detections.Count; d++)
            {
                var det = image.Detections[d];
                float confidence = targetClass is { } cls
                    ? det.Score * (threeClass ? det.ThreeClassProbability(cls) : det.ClassProbability(cls))
                    : det.Score;
                candidates.Add((i, d, confidence));
            }
        }

        // Stable sort: ties keep image/detection order, so the result is deterministic.
        var ordered = candidates.OrderByDescending(c => c.Confidence).ToList();
        var tp = new List<int>(ordered.Count);
        var fp = new List<int>(ordered.Count);
        int tpCount = 0, fpCount = 0, ignored = 0;
        foreach (var (imageIndex, detIndex, _) in ordered)
        {
            var box = images[imageIndex].Detections[detIndex].Box;
            int best = BestMatch(relevant[imageIndex], box, out float bestIou);
            if (best >= 0 && bestIou >= iouThreshold)
            {
                if (!relevant[imageIndex][best].IsTargetOf(threeClass))
                {
                    ignored++;
                    continue;
                }
                if (!matched[imageIndex][best])
                {
                    matched[imageIndex][best] = true;
                    tpCount++;
                }
                else
                {
                    fpCount++;
                }
            }
            else
            {
                fpCount++;
            }
            tp.Add(tpCount);
            fp.Add(fpCount);
        }

        double ap = positives == 0 ? double.NaN : AllPointInterpolated(tp, fp, positives);
        return new ApResult(ap, positives, tpCount, fpCount, ignored);
    }

    /// <summary>
    /// Area under the precision/recall curve after making precision monotonically decreasing
    /// (VOC 2010+ "all-point" interpolation). Inputs are cumulative TP/FP counts per ranked detection.
    /// </summary>
    public static double AllPointInterpolated(IReadOnlyList<int> cumulativeTp, IReadOnlyList<int> cumulativeFp, int positives)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(positives);
        int n = cumulativeTp.Count;
        var recall = new double[n + 2];
        var precision = new double[n + 2];
        for (int k = 0; k < n; k++)
        {
            recall[k + 1] = (double)cumulativeTp[k] / positives;
            precision[k + 1] = (double)cumulativeTp[k] / Math.Max(1, cumulativeTp[k] + cumulativeFp[k]);
        }
        recall[n + 1] = 1.0;
        precision[n + 1] = 0.0;
        for (int k = n; k >= 0; k--)
            precision[k] = Math.Max(precision[k], precision[k + 1]);
        double ap = 0;
        for (int k = 1; k <= n + 1; k++)
        {
            if (recall[k] != recall[k - 1])
                ap += (recall[k] - recall[k - 1]) * precision[k];
        }
        return ap;
    }

    /// <summary>Index of the box with the highest IoU (−1 when the list is empty or nothing overlaps).</summary>
    internal static int BestMatch(IReadOnlyList<GroundTruthFace> truth, Geometry.BoxF box, out float bestIou)
    {
        int best = -1;
        bestIou = 0f;
        for (int g = 0; g < truth.Count; g++)
        {
            float iou = Geometry.BoxF.IoU(box, truth[g].Box);
            if (iou > bestIou)
            {
                bestIou = iou;
                best = g;
            }
        }
        return best;
    }

    private static bool IsRelevant(GroundTruthClass cls, GroundTruthClass? target, bool threeClass) =>
        threeClass ? target is null || cls == target : cls == GroundTruthClass.Incorrect || target is null || cls == target;
}
