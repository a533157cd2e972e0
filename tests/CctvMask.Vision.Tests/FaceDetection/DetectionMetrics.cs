using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Tests.FaceDetection;

internal static class DetectionMetrics
{
    /// <summary>Fraction of ground-truth boxes matched (greedily, one to one) at IoU ≥ threshold.</summary>
    public static double Recall(IReadOnlyList<BoxF> truth, IReadOnlyList<BoxF> found, float iou)
    {
        var used = new bool[found.Count];
        int hits = 0;
        foreach (var t in truth)
        {
            int best = -1;
            float bestIoU = iou;
            for (int i = 0; i < found.Count; i++)
            {
                float v = BoxF.IoU(t, found[i]);
                if (!used[i] && v >= bestIoU) { best = i; bestIoU = v; }
            }
            if (best >= 0) { used[best] = true; hits++; }
        }
        return truth.Count == 0 ? 1 : (double)hits / truth.Count;
    }
}
