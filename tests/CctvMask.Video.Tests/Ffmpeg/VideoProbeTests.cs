using CctvMask.Video.Ffmpeg;
using CctvMask.Video.Frames;

namespace CctvMask.Video.Tests.Ffmpeg;

public sealed class VideoProbeTests
{
    [Theory]
    [InlineData("640,360\n", 640, 360)]
    [InlineData("1366,768", 1366, 768)]
    [InlineData("\n,\n1280,720,\n", 1280, 720)]
    public void Parses_ffprobe_csv(string output, int w, int h)
    {
        Assert.True(VideoProbe.TryParseSize(output, out var size));
        Assert.Equal(new FrameSize(w, h), size);
    }

    [Theory]
    [InlineData("")]
    [InlineData("N/A,N/A")]
    [InlineData("0,0")]
    public void Rejects_output_without_a_size(string output) => Assert.False(VideoProbe.TryParseSize(output, out _));
}
