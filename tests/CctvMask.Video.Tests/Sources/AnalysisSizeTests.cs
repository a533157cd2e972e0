using CctvMask.Video.Frames;
using CctvMask.Video.Sources;

namespace CctvMask.Video.Tests.Sources;

public sealed class AnalysisSizeTests
{
    [Theory]
    [InlineData("native", AnalysisSizeMode.Native, 0, 0)]
    [InlineData(" Native ", AnalysisSizeMode.Native, 0, 0)]
    [InlineData("640", AnalysisSizeMode.Width, 640, 0)]
    [InlineData("640x360", AnalysisSizeMode.Exact, 640, 360)]
    [InlineData("1280X720", AnalysisSizeMode.Exact, 1280, 720)]
    public void Parses_the_three_forms(string text, AnalysisSizeMode mode, int w, int h)
    {
        var size = AnalysisSize.Parse(text);
        Assert.Equal(mode, size.Mode);
        Assert.Equal(w, size.Width);
        Assert.Equal(h, size.Height);
        Assert.Equal(size, AnalysisSize.Parse(size.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("wide")]
    [InlineData("641")]
    [InlineData("640x")]
    [InlineData("-640")]
    [InlineData("0x0")]
    [InlineData("99999")]
    public void Rejects_bad_text_with_a_format_exception(string text)
    {
        var e = Assert.Throws<FormatException>(() => AnalysisSize.Parse(text));
        Assert.Contains(text, e.Message);
    }

    [Theory]
    [InlineData(640, 1920, 1080, 360)]
    [InlineData(640, 1366, 768, 360)]   // 359.8 → even 360
    [InlineData(320, 640, 360, 180)]
    [InlineData(500, 1000, 333, 166)]   // 166.5 → even 166
    [InlineData(1280, 640, 360, 720)]
    public void Width_mode_keeps_aspect_with_even_height(int width, int nw, int nh, int expectedHeight)
    {
        var size = AnalysisSize.FromWidth(width).Resolve(new FrameSize(nw, nh));
        Assert.Equal(new FrameSize(width, expectedHeight), size);
        Assert.Equal(0, size.Height % 2);
    }

    [Fact]
    public void Native_and_exact_resolve_as_given()
    {
        Assert.Equal(new FrameSize(1366, 768), AnalysisSize.Native.Resolve(new FrameSize(1366, 768)));
        Assert.Equal(new FrameSize(320, 240), AnalysisSize.Exact(320, 240).Resolve(new FrameSize(1920, 1080)));
        Assert.False(AnalysisSize.Exact(320, 240).NeedsProbe);
        Assert.True(AnalysisSize.FromWidth(320).NeedsProbe);
        Assert.True(AnalysisSize.Native.NeedsProbe);
    }

    [Fact]
    public void Frame_bytes_are_width_height_three()
    {
        var size = new FrameSize(640, 360);
        Assert.Equal(640 * 360 * 3, size.FrameBytes);
        Assert.Equal(640 * 3, size.Stride);
    }
}
