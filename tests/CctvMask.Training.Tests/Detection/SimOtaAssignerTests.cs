using CctvMask.Training.Detection;
using CctvMask.Vision.Geometry;

namespace CctvMask.Training.Tests.Detection;

public sealed class SimOtaAssignerTests
{
    private const int Size = 320;
    private static readonly int[] Strides = [8, 16, 32];

    [Theory]
    [InlineData(20f, 8)]
    [InlineData(200f, 32)]
    public void A_face_gets_positives_at_the_stride_whose_priors_fit_its_size_near_its_centre(float side, int expectedStride)
    {
        var grid = new PriorGrid(Size, Size, Strides);
        var face = new BoxF(150 - side / 2, 140 - side / 2, side, side);
        var (assigned, iou, positives) = Assign(grid, [face]);

        Assert.InRange(positives, 1, 20);
        for (int p = 0; p < grid.Count; p++)
        {
            if (assigned[p] < 0) continue;
            Assert.Equal(0, assigned[p]);
            Assert.Equal(expectedStride, grid.Stride[p]);
            // Within the centre radius (2.5 strides) of the face centre, and the IoU target is the prediction's.
            Assert.InRange(MathF.Abs(grid.X(p) - face.CenterX), 0, 2.5f * expectedStride);
            Assert.InRange(MathF.Abs(grid.Y(p) - face.CenterY), 0, 2.5f * expectedStride);
            Assert.InRange(iou[p], 0.01f, 1f);
        }
    }

    [Fact]
    public void Two_faces_never_share_a_prior_and_each_gets_one()
    {
        var grid = new PriorGrid(Size, Size, Strides);
        var a = new BoxF(100, 100, 24, 24);
        var b = new BoxF(112, 104, 24, 24);
        var (assigned, _, positives) = Assign(grid, [a, b]);
        Assert.Equal(positives, assigned.Count(x => x >= 0));
        Assert.Contains(0, assigned);
        Assert.Contains(1, assigned);
    }

    [Fact]
    public void An_image_without_faces_has_no_positives()
    {
        var grid = new PriorGrid(Size, Size, Strides);
        var (assigned, _, positives) = Assign(grid, []);
        Assert.Equal(0, positives);
        Assert.All(assigned, a => Assert.Equal(-1, a));
    }

    [Fact]
    public void Priors_are_row_major_per_stride_at_cell_corners()
    {
        var grid = new PriorGrid(64, 32, Strides);
        Assert.Equal(8 * 4 + 4 * 2 + 2 * 1, grid.Count);
        Assert.Equal((8f, 0f), (grid.X(1), grid.Y(1)));
        Assert.Equal((0f, 8f), (grid.X(8), grid.Y(8)));
        Assert.Equal((16f, 16f, 16f), (grid.X(32 + 5), grid.Y(32 + 5), grid.Stride[32 + 5]));
    }

    // Predictions of an untrained-looking model: every prior predicts a box 4 strides wide centred on itself, score 0.5.
    private static (int[] Assigned, float[] Iou, int Positives) Assign(PriorGrid grid, IReadOnlyList<BoxF> faces)
    {
        var predicted = new float[grid.Count * 4];
        var scores = new float[grid.Count];
        for (int p = 0; p < grid.Count; p++)
        {
            float half = 2 * grid.Stride[p];
            predicted[p * 4] = grid.X(p) - half;
            predicted[p * 4 + 1] = grid.Y(p) - half;
            predicted[p * 4 + 2] = grid.X(p) + half;
            predicted[p * 4 + 3] = grid.Y(p) + half;
            scores[p] = 0.5f;
        }
        var assigned = new int[grid.Count];
        var iou = new float[grid.Count];
        int positives = SimOtaAssigner.Assign(grid, predicted, scores, faces, new DetectionLossOptions(), assigned, iou);
        return (assigned, iou, positives);
    }
}
