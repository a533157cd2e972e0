using CctvMask.Testing;
using CctvMask.Video.Sources;

namespace CctvMask.Video.Tests.Sources;

public sealed class CameraSourceTests
{
    [Theory]
    [InlineData("rtsp://h/x", SourceKind.Rtsp)]
    [InlineData("RTSPS://h/x", SourceKind.Rtsp)]
    [InlineData("http://h/mjpeg", SourceKind.Http)]
    [InlineData("https://h/mjpeg", SourceKind.Http)]
    [InlineData("rtmp://h/live", SourceKind.OtherNetwork)]
    [InlineData("srt://h:9000", SourceKind.OtherNetwork)]
    [InlineData("/dev/video0", SourceKind.Device)]
    [InlineData("/videos/a.mp4", SourceKind.File)]
    [InlineData("relative/a.mp4", SourceKind.File)]
    [InlineData("file:///videos/a.mp4", SourceKind.File)]
    [InlineData("file:/videos/a.mp4", SourceKind.File)]
    public void Classifies_urls(string url, SourceKind kind) => Assert.Equal(kind, CameraSource.Classify(url));

    [Fact]
    public void Unsupported_scheme_is_a_clear_argument_error_without_the_password()
    {
        var e = Assert.Throws<ArgumentException>(() => CameraSource.Classify("gopher://u:topsecret@h/x"));
        Assert.Contains("gopher", e.Message);
        Assert.DoesNotContain("topsecret", e.Message);
    }

    [Theory]
    [InlineData("", "rtsp://h/x", "Camera id")]
    [InlineData("bad id", "rtsp://h/x", "Camera id")]
    [InlineData("cam-1", " ", "URL is empty")]
    [InlineData("cam-1", "/no/such/file.mp4", "not found")]
    public void Validate_names_the_problem(string id, string url, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new CameraSource(id, url).Validate());
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(61.0)]
    [InlineData(double.NaN)]
    public void Validate_rejects_bad_fps(double fps)
    {
        var e = Assert.Throws<ArgumentException>(() => new CameraSource("cam", "rtsp://h/x") { DetectFps = fps }.Validate());
        Assert.Contains("fps", e.Message);
    }

    [Fact]
    public void File_sources_are_finite_unless_looped()
    {
        var path = TestEnvironment.Shared("videos", "crowd_640x360_10fps.mp4");
        Assert.True(new CameraSource("c", path) { Playback = FilePlayback.Once }.IsFinite);
        Assert.True(new CameraSource("c", path) { Playback = FilePlayback.RealTime }.IsFinite);
        Assert.False(new CameraSource("c", path) { Playback = FilePlayback.RealTimeLoop }.IsFinite);
        Assert.False(new CameraSource("c", "rtsp://h/x") { Playback = FilePlayback.Once }.IsFinite);
        new CameraSource("c", "file://" + path).Validate();
        Assert.Equal(path, CameraSource.LocalPath("file://" + path));
    }

    [Fact]
    public void Scrubbed_url_hides_the_password()
    {
        var s = new CameraSource("cam", "rtsp://admin:pw123@10.1.1.1/ch1");
        Assert.Equal("rtsp://admin:***@10.1.1.1/ch1", s.ScrubbedUrl);
        Assert.DoesNotContain("pw123", s.ToString());
        Assert.Contains("rtsp://admin:***@10.1.1.1/ch1", s.ToString());
    }
}
