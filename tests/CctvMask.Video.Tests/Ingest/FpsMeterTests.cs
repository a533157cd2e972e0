using CctvMask.Video.Ingest;

namespace CctvMask.Video.Tests.Ingest;

public sealed class FpsMeterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5.0)]
    [InlineData(10.0)]
    [InlineData(25.0)]
    public void Measures_a_steady_rate(double fps)
    {
        var meter = new FpsMeter(TimeSpan.FromSeconds(5));
        var t = T0;
        for (var i = 0; i < 100; i++, t = t.AddSeconds(1 / fps)) meter.Record(t);
        Assert.Equal(fps, meter.Rate(t), 3);
    }

    [Fact]
    public void Decays_to_zero_when_frames_stop()
    {
        var meter = new FpsMeter(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 20; i++) meter.Record(T0.AddSeconds(i * 0.1));
        Assert.True(meter.Rate(T0.AddSeconds(2)) > 9);
        Assert.Equal(0, meter.Rate(T0.AddSeconds(10)));
    }

    [Fact]
    public void Needs_two_frames()
    {
        var meter = new FpsMeter(TimeSpan.FromSeconds(5));
        Assert.Equal(0, meter.Rate(T0));
        meter.Record(T0);
        Assert.Equal(0, meter.Rate(T0));
        meter.Record(T0.AddSeconds(0.5));
        Assert.Equal(2, meter.Rate(T0.AddSeconds(0.5)), 6);
    }

    [Fact]
    public void Recording_allocates_nothing()
    {
        var meter = new FpsMeter(TimeSpan.FromSeconds(5));
        meter.Record(T0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < 10_000; i++) meter.Record(T0.AddMilliseconds(i));
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
