namespace CctvMask.Vision.Evaluation;

/// <summary>
/// Matches the detections of one image to its ground truth at an operating point (score ≥ a
/// threshold), the same way the AP computation does: descending score, best-IoU box, each box once.
/// </summary>
public static class GreedyMatcher
{
    /// <summary>
    /// Fills <paramref name="truthToDetection"/> (one entry per ground-truth box) with the index of the
    /// matched detection or −1. Ignore regions take part (so they absorb their detections) but callers
    /// do not count them.
    /// </summary>
    public static void Match(EvaluatedImage image, float iouThreshold, float minScore, Span<int> truthToDetection)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (truthToDetection.Length != image.GroundTruth.Count)
            throw new ArgumentException("One entry per ground-truth box is needed.", nameof(truthToDetection));
        truthToDetection.Fill(-1);

        var order = Enumerable.Range(0, image.Detections.Count)
            .Where(d => image.Detections[d].Score >= minScore)
            .OrderByDescending(d => image.Detections[d].Score);
        foreach (int d in order)
        {
            int best = AveragePrecision.BestMatch(image.GroundTruth, image.Detections[d].Box, out float iou);
            if (best >= 0 && iou >= iouThreshold && truthToDetection[best] < 0)
                truthToDetection[best] = d;
        }
    }
}
