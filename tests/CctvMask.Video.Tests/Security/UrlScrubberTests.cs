using CctvMask.Video.Security;

namespace CctvMask.Video.Tests.Security;

public sealed class UrlScrubberTests
{
    [Theory]
    [InlineData("rtsp://admin:secret@10.0.0.5:554/stream1", "rtsp://admin:***@10.0.0.5:554/stream1")]
    [InlineData("rtsps://admin:secret@cam.local/x", "rtsps://admin:***@cam.local/x")]
    [InlineData("http://u:p4ss@host/mjpeg?x=1", "http://u:***@host/mjpeg?x=1")]
    [InlineData("rtsp://admin:p@ss@w0rd@10.0.0.5/live", "rtsp://admin:***@10.0.0.5/live")]
    [InlineData("rtsp://:onlypass@host/x", "rtsp://:***@host/x")]
    [InlineData("[rtsp @ 0x55] method DESCRIBE failed for rtsp://bob:hunter2@h/x: 401", "[rtsp @ 0x55] method DESCRIBE failed for rtsp://bob:***@h/x: 401")]
    [InlineData("two rtsp://a:b@h1/x and http://c:d@h2/y", "two rtsp://a:***@h1/x and http://c:***@h2/y")]
    [InlineData("http://cam/video.cgi?user=admin&password=s3cret&res=1", "http://cam/video.cgi?user=admin&password=***&res=1")]
    [InlineData("http://cam/snap?pwd=abc", "http://cam/snap?pwd=***")]
    [InlineData("rtsp://AbCdTok3n@10.0.0.5/stream1", "rtsp://***@10.0.0.5/stream1")]
    [InlineData("rtsp://127.0.0.1:8554/x?access_token=AccessTok3nSecret", "rtsp://127.0.0.1:8554/x?access_token=***")]
    [InlineData("https://cam/x?a=1&secret=S3cr3t&b=2", "https://cam/x?a=1&secret=***&b=2")]
    [InlineData("https://cam/x?client_secret=S&X-Amz-Signature=abc&api_key=k", "https://cam/x?client_secret=***&X-Amz-Signature=***&api_key=***")]
    [InlineData("http://cam/x?token=t0k&channel=2", "http://cam/x?token=***&channel=2")]
    public void Masks_passwords(string input, string expected) => Assert.Equal(expected, UrlScrubber.Scrub(input));

    [Theory]
    [InlineData("rtsp://10.0.0.5:554/stream1")]
    [InlineData("/work/shared/videos/crowd_640x360_10fps.mp4")]
    [InlineData("[tcp @ 0x1] Connection to tcp://127.0.0.1:1?timeout=5000000 failed: Connection refused")]
    [InlineData("mail me at someone@example.com")]
    [InlineData("")]
    public void Leaves_text_without_secrets_unchanged(string input) => Assert.Equal(input, UrlScrubber.Scrub(input));

    [Fact]
    public void Null_becomes_empty() => Assert.Equal("", UrlScrubber.Scrub(null));

    [Fact]
    public void Scrubbing_is_idempotent()
    {
        foreach (var url in new[] { "rtsp://admin:secret@h/x", "rtsp://T0KEN@h/x?access_token=A", "http://h/?secret=S" })
        {
            var once = UrlScrubber.Scrub(url);
            Assert.Equal(once, UrlScrubber.Scrub(once));
            Assert.DoesNotContain("secret@", once);
            Assert.DoesNotContain("T0KEN", once);
            Assert.DoesNotContain("=A", once);
            Assert.DoesNotContain("=S", once);
        }
    }
}
