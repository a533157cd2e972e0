using CctvMask.Vision.FaceDetection;

namespace CctvMask.Vision.Tests.FaceDetection;

public sealed class InputGeometryTests
{
    [Fact]
    public void FixedModelLetterboxesTopLeftKeepingAspect()
    {
        var g = InputGeometry.Plan(400, 156, InputSizePolicy.Fixed640, 640, 640, 640);
        Assert.Equal((640, 640), (g.InputWidth, g.InputHeight));
        Assert.Equal(640, g.ResizedWidth);
        Assert.Equal((int)Math.Round(156 * 1.6), g.ResizedHeight);
        Assert.Equal(g.ScaleX, g.ScaleY, 2);
    }

    [Fact]
    public void FixedModelShrinksLargeFramesWhateverThePolicy()
    {
        foreach (var policy in Enum.GetValues<InputSizePolicy>())
        {
            var g = InputGeometry.Plan(1280, 720, policy, 2000, 640, 640);
            Assert.Equal((640, 360), (g.ResizedWidth, g.ResizedHeight));
            Assert.Equal((640, 640), (g.InputWidth, g.InputHeight));
        }
    }

    [Theory]
    [InlineData(1280, 720, 1280, 720, 1280, 736)]
    [InlineData(400, 156, 400, 156, 416, 160)]
    [InlineData(5, 3, 5, 3, 32, 32)]
    public void DynamicNativePadsToMultiplesOf32(int w, int h, int rw, int rh, int iw, int ih)
    {
        var g = InputGeometry.Plan(w, h, InputSizePolicy.Native, 640, 0, 0);
        Assert.Equal((rw, rh, iw, ih), (g.ResizedWidth, g.ResizedHeight, g.InputWidth, g.InputHeight));
        Assert.Equal(0, g.InputWidth % 32);
        Assert.Equal(0, g.InputHeight % 32);
    }

    [Fact]
    public void LongSideScalesBothWaysAndAtLeastOnlyUp()
    {
        var down = InputGeometry.Plan(1280, 720, InputSizePolicy.LongSide, 640, 0, 0);
        Assert.Equal((640, 360, 640, 384), (down.ResizedWidth, down.ResizedHeight, down.InputWidth, down.InputHeight));
        var up = InputGeometry.Plan(400, 300, InputSizePolicy.LongSide, 640, 0, 0);
        Assert.Equal((640, 480), (up.ResizedWidth, up.ResizedHeight));
        var keep = InputGeometry.Plan(1280, 720, InputSizePolicy.AtLeastLongSide, 640, 0, 0);
        Assert.Equal((1280, 720), (keep.ResizedWidth, keep.ResizedHeight));
        var grow = InputGeometry.Plan(400, 300, InputSizePolicy.AtLeastLongSide, 640, 0, 0);
        Assert.Equal((640, 480), (grow.ResizedWidth, grow.ResizedHeight));
    }
}
