using CctvMask.Grains.Inference;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Tests.Inference;

public sealed class MotionGateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly InferenceLoopOptions Options = new() { MotionAreaThreshold = 0.01, MotionMaxSkipSeconds = 2 };

    [Fact]
    public void Thumbnail_is_the_mean_grey_of_each_cell()
    {
        var pixels = new byte[8 * 4 * 3];
        for (int x = 4; x < 8; x++)
            for (int y = 0; y < 4; y++) pixels[(y * 8 + x) * 3 + 1] = 255; // right half green
        var grey = new byte[2];
        MotionGate.Thumbnail(new BgrFrame(pixels, 8, 4), 2, 1, grey);
        Assert.Equal(0, grey[0]);
        Assert.Equal((255 * 150) >> 8, grey[1]);
    }

    [Fact]
    public void Changed_fraction_counts_pixels_beyond_the_threshold()
    {
        byte[] a = [10, 10, 10, 10];
        byte[] b = [10, 15, 40, 200];
        Assert.Equal(0.5, MotionGate.ChangedFraction(a, b, 10));
        Assert.Equal(0, MotionGate.ChangedFraction(a, a, 0));
    }

    [Theory]
    [InlineData(true, 0.0, 1.0, true)]     // still, within the maximum skip
    [InlineData(true, 0.5, 1.0, false)]    // something moved
    [InlineData(true, 0.0, 2.0, false)]    // still, but the maximum skip is reached: re-detect
    [InlineData(false, 0.0, 1.0, false)]   // gating off for this camera
    public void Skips_only_a_still_gated_camera_within_the_maximum_skip(bool gated, double changed, double secondsSince, bool skip) =>
        Assert.Equal(skip, MotionGate.ShouldSkip(gated, T0, changed, T0.AddSeconds(secondsSince), Options));

    [Fact]
    public void Never_skips_before_a_first_analysed_frame() =>
        Assert.False(MotionGate.ShouldSkip(true, null, 0, T0, Options));
}
