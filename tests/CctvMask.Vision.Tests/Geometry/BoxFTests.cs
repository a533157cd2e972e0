using System.Drawing;
using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Tests.Geometry;

public sealed class BoxFTests
{
    [Fact]
    public void IoUOfHalfOverlappingSquaresIsOneThird()
    {
        var a = new BoxF(0, 0, 10, 10);
        var b = new BoxF(5, 0, 10, 10);
        Assert.Equal(50f / 150f, BoxF.IoU(a, b), 5);
        Assert.Equal(1f, BoxF.IoU(a, a));
        Assert.Equal(0f, BoxF.IoU(a, new BoxF(10, 10, 5, 5)));
        Assert.Equal(0f, BoxF.IoU(a, new BoxF(2, 2, 0, 0)));
    }

    [Fact]
    public void ClipKeepsTheBoxInsideTheFrame()
    {
        var clipped = new BoxF(-5, 8, 20, 10).ClipTo(12, 15);
        Assert.Equal(BoxF.FromCorners(0, 8, 12, 15), clipped);
        Assert.Equal(0f, new BoxF(20, 20, 5, 5).ClipTo(10, 10).Area);
    }

    [Fact]
    public void LandmarksIndexerMatchesNamedPoints()
    {
        var marks = default(Landmarks);
        for (int i = 0; i < Landmarks.Count; i++)
            marks[i] = new PointF(i, 10 * i);
        Assert.Equal(new PointF(0, 0), marks.RightEye);
        Assert.Equal(new PointF(1, 10), marks.LeftEye);
        Assert.Equal(new PointF(2, 20), marks.Nose);
        Assert.Equal(new PointF(3, 30), marks.RightMouth);
        Assert.Equal(new PointF(4, 40), marks.LeftMouth);
        Assert.Equal(new PointF(8, 80), marks.Scale(2)[4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => marks[5]);
    }
}
