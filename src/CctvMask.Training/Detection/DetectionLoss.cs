using CctvMask.Vision.Geometry;
using TorchSharp;
using static TorchSharp.torch;

namespace CctvMask.Training.Detection;

/// <summary>
/// YuNet's training loss over a batch: SimOTA assignment on the detached predictions, then (each a sum divided by
/// the number of positives) objectness BCE over every prior, class BCE on positives against the IoU of their
/// prediction (IoU-aware score), EIoU on positive boxes decoded exactly as Vision decodes them
/// (cx = (b0 + col)·s, w = exp(b2)·s), and SmoothL1 from the positives' landmarks to the teacher's.
/// </summary>
public sealed class DetectionLoss(DetectionLossOptions options)
{
    private const float Epsilon = 1e-7f;
    private PriorGrid? _grid;
    private Tensor? _column, _row, _stride;

    /// <summary>Priors of the last input size seen (rebuilt when it changes).</summary>
    public PriorGrid Grid(int width, int height, int[] strides)
    {
        if (_grid is { } g && g.Width == width && g.Height == height) return g;
        _column?.Dispose();
        _row?.Dispose();
        _stride?.Dispose();
        _grid = new PriorGrid(width, height, strides);
        _column = tensor(_grid.Column).DetachFromDisposeScope();
        _row = tensor(_grid.Row).DetachFromDisposeScope();
        _stride = tensor(_grid.Stride).DetachFromDisposeScope();
        return _grid;
    }

    /// <summary>
    /// Computes the loss for outputs of a [B, 3, H, W] batch; <paramref name="faces"/>[b] are image b's boxes in input
    /// pixels; <paramref name="teacherLandmarks"/> ([B, P, 10]) may be null when landmarks are not trained. Priors that
    /// are not positive and lie inside one of <paramref name="ignored"/>[b] (faces cut by the canvas or too small) take
    /// no objectness loss: they are faces, not background.
    /// </summary>
    public DetectionLossResult Compute(YuNetOutputs outputs, int width, int height, IReadOnlyList<IReadOnlyList<BoxF>> faces,
        Tensor? teacherLandmarks, IReadOnlyList<IReadOnlyList<BoxF>>? ignored = null)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var grid = Grid(width, height, outputs.Strides);
        int batch = (int)outputs.Bbox[0].shape[0], priors = grid.Count;
        var clsLogit = cat(outputs.ClsLogit, 1).reshape(batch, priors);
        var objLogit = cat(outputs.ObjLogit, 1).reshape(batch, priors);
        var bbox = cat(outputs.Bbox, 1);
        var boxes = Decode(bbox);

        // Assignment works on plain arrays of the detached predictions.
        float[] predicted, scores;
        using (no_grad())
        {
            predicted = boxes.detach().contiguous().data<float>().ToArray();
            using var s = (sigmoid(clsLogit) * sigmoid(objLogit)).sqrt();
            scores = s.contiguous().data<float>().ToArray();
        }
        var positives = new List<long>();
        var targetBoxes = new List<float>();
        var targetIou = new List<float>();
        var assigned = new int[priors];
        var iou = new float[priors];
        var objWeight = new float[batch * priors];
        Array.Fill(objWeight, 1f);
        for (int b = 0; b < batch; b++)
        {
            SimOtaAssigner.Assign(grid, predicted.AsSpan(b * priors * 4, priors * 4), scores.AsSpan(b * priors, priors),
                faces[b], options, assigned, iou);
            for (int p = 0; p < priors; p++)
            {
                if (assigned[p] < 0) continue;
                var f = faces[b][assigned[p]];
                positives.Add((long)b * priors + p);
                targetBoxes.AddRange([f.X, f.Y, f.Right, f.Bottom]);
                targetIou.Add(iou[p]);
            }
            if (ignored is null || ignored[b].Count == 0) continue;
            for (int p = 0; p < priors; p++)
            {
                if (assigned[p] >= 0) continue;
                float x = grid.X(p), y = grid.Y(p);
                foreach (var region in ignored[b])
                {
                    if (x >= region.X && x <= region.Right && y >= region.Y && y <= region.Bottom)
                    {
                        objWeight[b * priors + p] = 0;
                        break;
                    }
                }
            }
        }

        int count = positives.Count;
        float norm = Math.Max(1, count);
        var objTarget = zeros(batch * priors);
        Tensor cls = tensor(0f), box = tensor(0f), kps = tensor(0f);
        if (count > 0)
        {
            var index = tensor(positives.ToArray());
            objTarget.index_fill_(0, index, 1f);
            cls = nn.functional.binary_cross_entropy_with_logits(clsLogit.reshape(-1).index_select(0, index), tensor(targetIou.ToArray()),
                reduction: nn.Reduction.Sum) / norm;
            box = EIoU(boxes.reshape(-1, 4).index_select(0, index), tensor(targetBoxes.ToArray()).reshape(count, 4)).sum() / norm;
            if (teacherLandmarks is not null && options.LandmarkWeight > 0)
            {
                var kpsAll = cat(outputs.Kps, 1).reshape(-1, 10).index_select(0, index);
                var teacher = teacherLandmarks.reshape(-1, 10).index_select(0, index);
                kps = nn.functional.smooth_l1_loss(kpsAll, teacher, nn.Reduction.Sum, options.LandmarkBeta) / norm;
            }
        }
        var obj = nn.functional.binary_cross_entropy_with_logits(objLogit.reshape(-1), objTarget, tensor(objWeight), reduction: nn.Reduction.Sum) / norm;
        var total = obj * options.ObjectnessWeight + cls * options.ClassWeight + box * options.BoxWeight + kps * options.LandmarkWeight;
        return new DetectionLossResult(total, obj.item<float>() * options.ObjectnessWeight, cls.item<float>() * options.ClassWeight,
            box.item<float>() * options.BoxWeight, kps.item<float>() * options.LandmarkWeight, count);
    }

    /// <summary>bbox offsets [B, P, 4] → corners (x1, y1, x2, y2) in input pixels, as Vision decodes them.</summary>
    public Tensor Decode(Tensor bbox)
    {
        var cx = (bbox[.., .., 0] + _column!) * _stride!;
        var cy = (bbox[.., .., 1] + _row!) * _stride!;
        var w = bbox[.., .., 2].clamp(-options.MaxLogSize, options.MaxLogSize).exp() * _stride!;
        var h = bbox[.., .., 3].clamp(-options.MaxLogSize, options.MaxLogSize).exp() * _stride!;
        return stack([cx - w * 0.5f, cy - h * 0.5f, cx + w * 0.5f, cy + h * 0.5f], -1);
    }

    /// <summary>EIoU = 1 − IoU + centre distance² / enclosing diagonal² + Δw² / enclosing w² + Δh² / enclosing h², per row.</summary>
    public static Tensor EIoU(Tensor predicted, Tensor target)
    {
        var (px1, py1, px2, py2) = (predicted[.., 0], predicted[.., 1], predicted[.., 2], predicted[.., 3]);
        var (tx1, ty1, tx2, ty2) = (target[.., 0], target[.., 1], target[.., 2], target[.., 3]);
        var pw = (px2 - px1).clamp_min(0);
        var ph = (py2 - py1).clamp_min(0);
        var tw = tx2 - tx1;
        var th = ty2 - ty1;
        var iw = (minimum(px2, tx2) - maximum(px1, tx1)).clamp_min(0);
        var ih = (minimum(py2, ty2) - maximum(py1, ty1)).clamp_min(0);
        var inter = iw * ih;
        var iouValue = inter / (pw * ph + tw * th - inter + Epsilon);
        var cw = maximum(px2, tx2) - minimum(px1, tx1);
        var ch = maximum(py2, ty2) - minimum(py1, ty1);
        var dx = (px1 + px2 - tx1 - tx2) * 0.5f;
        var dy = (py1 + py2 - ty1 - ty2) * 0.5f;
        return 1 - iouValue + (dx * dx + dy * dy) / (cw * cw + ch * ch + Epsilon)
               + (pw - tw).square() / (cw * cw + Epsilon) + (ph - th).square() / (ch * ch + Epsilon);
    }
}
