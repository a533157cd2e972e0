using CctvMask.Vision.Geometry;

namespace CctvMask.Training.Detection;

/// <summary>
/// SimOTA label assignment (as YOLOX and YuNet's own training use it), for one image. Candidate priors lie inside
/// a face's box or within CenterRadius strides of its centre. Each candidate costs BCE(score, IoU) +
/// IouCostWeight·(−log IoU), plus a large penalty unless it is both inside the box and near the centre. A face takes
/// its k cheapest candidates, k = max(1, ⌊sum of its best DynamicKCandidates IoUs⌋); a prior claimed by several
/// faces goes to the cheapest. Pure function of the predictions, so it is unit-testable without a model.
/// </summary>
public static class SimOtaAssigner
{
    private const float OutsidePenalty = 1e5f;
    private const float Epsilon = 1e-7f;

    /// <summary>
    /// <paramref name="predicted"/>: decoded boxes (x1, y1, x2, y2) per prior; <paramref name="scores"/>: sqrt(cls·obj)
    /// per prior. Writes the face index (or −1) and the IoU of the prediction with it per prior; returns the positives.
    /// </summary>
    public static int Assign(PriorGrid grid, ReadOnlySpan<float> predicted, ReadOnlySpan<float> scores, IReadOnlyList<BoxF> faces,
        DetectionLossOptions options, Span<int> assigned, Span<float> iouTarget)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentNullException.ThrowIfNull(options);
        int priors = grid.Count;
        assigned[..priors].Fill(-1);
        iouTarget[..priors].Clear();
        if (faces.Count == 0) return 0;

        float radius = (float)options.CenterRadius;
        var candidates = new List<int>();
        for (int p = 0; p < priors; p++)
        {
            float px = grid.X(p), py = grid.Y(p), r = radius * grid.Stride[p];
            foreach (var f in faces)
            {
                if (InBox(f, px, py) || NearCentre(f, px, py, r))
                {
                    candidates.Add(p);
                    break;
                }
            }
        }
        int c = candidates.Count, g = faces.Count;
        if (c == 0) return 0;
        var iou = new float[g * c];
        var cost = new float[g * c];
        for (int j = 0; j < g; j++)
        {
            var f = faces[j];
            for (int i = 0; i < c; i++)
            {
                int p = candidates[i];
                float v = IoU(f, predicted.Slice(p * 4, 4));
                iou[j * c + i] = v;
                float px = grid.X(p), py = grid.Y(p);
                bool both = InBox(f, px, py) && NearCentre(f, px, py, radius * grid.Stride[p]);
                cost[j * c + i] = Bce(scores[p], v) + (float)options.IouCostWeight * -MathF.Log(v + Epsilon) + (both ? 0 : OutsidePenalty);
            }
        }

        var bestCost = new float[c];
        var owner = new int[c];
        Array.Fill(owner, -1);
        var order = new int[c];
        var top = new float[c];
        for (int j = 0; j < g; j++)
        {
            var row = iou.AsSpan(j * c, c);
            row.CopyTo(top);
            Array.Sort(top);
            float sum = 0;
            for (int i = 0; i < Math.Min(options.DynamicKCandidates, c); i++) sum += top[c - 1 - i];
            int k = Math.Clamp((int)sum, 1, c);
            for (int i = 0; i < c; i++) order[i] = i;
            var costs = cost.AsSpan(j * c, c).ToArray();
            Array.Sort(costs, order);
            for (int n = 0; n < k; n++)
            {
                int i = order[n];
                if (owner[i] < 0 || costs[n] < bestCost[i])
                {
                    owner[i] = j;
                    bestCost[i] = costs[n];
                }
            }
        }
        int positives = 0;
        for (int i = 0; i < c; i++)
        {
            if (owner[i] < 0) continue;
            int p = candidates[i];
            assigned[p] = owner[i];
            iouTarget[p] = iou[owner[i] * c + i];
            positives++;
        }
        return positives;
    }

    private static bool InBox(in BoxF f, float x, float y) => x > f.X && x < f.Right && y > f.Y && y < f.Bottom;

    private static bool NearCentre(in BoxF f, float x, float y, float r) =>
        MathF.Abs(x - f.CenterX) < r && MathF.Abs(y - f.CenterY) < r;

    private static float IoU(in BoxF f, ReadOnlySpan<float> p)
    {
        float iw = MathF.Min(f.Right, p[2]) - MathF.Max(f.X, p[0]);
        float ih = MathF.Min(f.Bottom, p[3]) - MathF.Max(f.Y, p[1]);
        if (iw <= 0 || ih <= 0) return 0;
        float inter = iw * ih;
        float union = f.Area + MathF.Max(0, p[2] - p[0]) * MathF.Max(0, p[3] - p[1]) - inter;
        return union > 0 ? inter / union : 0;
    }

    private static float Bce(float p, float target)
    {
        p = Math.Clamp(p, Epsilon, 1 - Epsilon);
        return -(target * MathF.Log(p) + (1 - target) * MathF.Log(1 - p));
    }
}
