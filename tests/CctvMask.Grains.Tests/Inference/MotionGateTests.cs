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

    [Fact]
    public void Scene_difference_matches_a_naive_sum_with_the_brightness_shift_taken_off()
    {
        var random = new Random(7);
        var a = new byte[64 * 36];
        var b = new byte[a.Length];
        random.NextBytes(a);
        random.NextBytes(b);
        double shift = a.Zip(b, (x, y) => (double)(y - x)).Average();
        double naive = a.Zip(b, (x, y) => Math.Abs(y - x - shift)).Average();
        Assert.Equal(naive, MotionGate.SceneDifference(a, b), 9);
        Assert.Equal(0, MotionGate.SceneDifference(a, a));
        Assert.Equal(0, MotionGate.SceneDifference(new byte[4], [255, 255, 255, 255]));   // all alike: brightness only
        Assert.Equal(127.5, MotionGate.SceneDifference(new byte[4], [255, 0, 255, 0]), 9);
        Assert.Throws<ArgumentException>(() => MotionGate.SceneDifference(a, b.AsSpan(1)));
    }

    [Fact]
    public void A_light_switched_on_is_not_a_scene_cut_and_another_scene_is()
    {
        var random = new Random(11);
        var room = new byte[64 * 36];
        var other = new byte[room.Length];
        for (int i = 0; i < room.Length; i++) (room[i], other[i]) = ((byte)random.Next(20, 180), (byte)random.Next(20, 180));
        var lit = room.Select(v => (byte)(v + 60)).ToArray();
        var options = new InferenceLoopOptions();   // SceneCutMeanDifference 40
        Assert.True(room.Zip(lit, (x, y) => Math.Abs(x - y)).Average() >= 40);   // the plain mean difference would cut
        Assert.False(MotionGate.IsSceneCut(MotionGate.SceneDifference(room, lit), options));
        Assert.True(MotionGate.IsSceneCut(MotionGate.SceneDifference(room, other), options));
    }

    [Theory]
    [InlineData(40, 39.9, false)]   // a busy or hand-held scene
    [InlineData(40, 40.0, true)]    // another scene
    [InlineData(40, 200.0, true)]
    [InlineData(0, 255.0, false)]   // cuts off
    public void A_scene_cut_is_a_mean_difference_at_or_above_the_threshold(double threshold, double difference, bool cut) =>
        Assert.Equal(cut, MotionGate.IsSceneCut(difference, new InferenceLoopOptions { SceneCutMeanDifference = threshold }));

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
