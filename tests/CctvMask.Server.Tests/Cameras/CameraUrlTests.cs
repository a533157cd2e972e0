using CctvMask.Server.Cameras;

namespace CctvMask.Server.Tests.Cameras;

public sealed class CameraUrlTests
{
    [Theory]
    [InlineData("rtsp://admin:hunter2@10.0.0.5:554/stream1", "rtsp://admin:***@10.0.0.5:554/stream1")]
    [InlineData("rtsps://u:p%40ss@cam/live?channel=1", "rtsps://u:***@cam/live?channel=1")]
    [InlineData("http://cam/snap.cgi?user=admin&password=hunter2&x=1", "http://cam/snap.cgi?user=admin&password=***&x=1")]
    [InlineData("rtsp://OnlyTok3n@cam/s", "rtsp://***@cam/s")]
    [InlineData("rtsp://cam/s?access_token=AccessTok3nSecret", "rtsp://cam/s?access_token=***")]
    [InlineData("rtsp://cam/s", "rtsp://cam/s")]
    [InlineData("/dev/video0", "/dev/video0")]
    [InlineData("rtsp://a:b:c@cam", "rtsp://a:***@cam")]
    public void Redact_masks_passwords_and_tokens(string url, string expected) =>
        Assert.Equal(expected, CameraUrl.Redact(url));

    [Fact]
    public void RedactText_scrubs_urls_inside_messages()
    {
        var text = CameraUrl.RedactText("ffmpeg failed on rtsp://admin:hunter2@cam/1: connection refused");
        Assert.DoesNotContain("hunter2", text);
        Assert.Contains("rtsp://admin:***@cam/1", text);
    }

    [Theory]
    [InlineData("rtsp://cam/1", true)]
    [InlineData("rtsps://cam/1", true)]
    [InlineData("http://cam/1", true)]
    [InlineData("https://cam/1", true)]
    [InlineData("file:///videos/a.mp4", true)]
    [InlineData("/dev/video12", true)]
    [InlineData("ftp://cam/1", false)]
    [InlineData("/dev/sda", false)]
    [InlineData("rtsp://", false)]
    [InlineData("", false)]
    [InlineData("cam:554", false)]
    public void Validate_accepts_only_the_supported_sources(string url, bool ok) =>
        Assert.Equal(ok, CameraUrl.Validate(url) is null);
}
