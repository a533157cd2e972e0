using System.Globalization;
using CctvMask.Video.Ffmpeg;
using CctvMask.Video.Frames;
using CctvMask.Video.Ingest;
using CctvMask.Video.Sources;

namespace CctvMask.Video.Tests.Ffmpeg;

public sealed class FfmpegArgumentsTests
{
    private static readonly FrameSize Out = new(640, 360);

    [Fact]
    public void Rtsp_defaults_to_tcp_with_a_socket_timeout_in_microseconds()
    {
        var args = FfmpegArguments.Build(new CameraSource("cam", "rtsp://u:p@h/x"), new IngestOptions { ReadTimeout = TimeSpan.FromSeconds(7) }, Out);
        AssertPair(args, "-rtsp_transport", "tcp");
        AssertPair(args, "-timeout", "7000000");
        AssertBefore(args, "-timeout", "-i");
        AssertPair(args, "-analyzeduration", "1000000");
        AssertPair(args, "-i", "rtsp://u:p@h/x");
        Assert.DoesNotContain("-re", args);
        Assert.DoesNotContain("-stream_loop", args);
    }

    [Theory]
    [InlineData(RtspTransport.Udp, "udp")]
    [InlineData(RtspTransport.Http, "http")]
    public void Rtsp_transport_is_configurable(RtspTransport transport, string expected) =>
        AssertPair(FfmpegArguments.Build(new CameraSource("cam", "rtsp://h/x"), new IngestOptions { RtspTransport = transport }, Out),
            "-rtsp_transport", expected);

    [Fact]
    public void Rtsp_auto_lets_ffmpeg_negotiate() =>
        Assert.DoesNotContain("-rtsp_transport",
            FfmpegArguments.Build(new CameraSource("cam", "rtsp://h/x"), new IngestOptions { RtspTransport = RtspTransport.Auto }, Out));

    [Theory]
    [InlineData("http://h/video.mjpg")]
    [InlineData("rtmp://h/live")]
    public void Network_sources_get_an_io_timeout(string url)
    {
        var args = FfmpegArguments.Build(new CameraSource("cam", url), new IngestOptions { ReadTimeout = TimeSpan.FromSeconds(3) }, Out);
        AssertPair(args, "-rw_timeout", "3000000");
        AssertPair(args, "-analyzeduration", "1000000");
        AssertBefore(args, "-rw_timeout", "-i");
        Assert.DoesNotContain("-rtsp_transport", args);
    }

    [Fact]
    public void Devices_use_v4l2()
    {
        var args = FfmpegArguments.Build(new CameraSource("cam", "/dev/video2"), new IngestOptions(), Out);
        AssertPair(args, "-f", "v4l2");
        AssertPair(args, "-i", "/dev/video2");
    }

    [Theory]
    [InlineData(FilePlayback.RealTimeLoop, true, true)]
    [InlineData(FilePlayback.RealTime, false, true)]
    [InlineData(FilePlayback.Once, false, false)]
    public void File_playback_controls_loop_and_realtime(FilePlayback playback, bool loop, bool realtime)
    {
        var args = FfmpegArguments.Build(new CameraSource("cam", "/videos/my clip:1.mp4") { Playback = playback }, new IngestOptions(), Out);
        Assert.Equal(loop, args.Contains("-stream_loop"));
        if (loop) AssertPair(args, "-stream_loop", "-1");
        Assert.Equal(realtime, args.Contains("-re"));
        // One argument, explicit protocol: spaces and ':' in names are safe without any quoting.
        AssertPair(args, "-i", "file:/videos/my clip:1.mp4");
    }

    [Fact]
    public void Output_is_raw_bgr24_on_stdout_with_fps_and_explicit_scale()
    {
        var args = FfmpegArguments.Build(new CameraSource("cam", "rtsp://h/x") { DetectFps = 5 }, new IngestOptions(), new FrameSize(320, 180));
        AssertPair(args, "-vf", "fps=5,scale=320:180:flags=area");
        AssertPair(args, "-f", "rawvideo");
        AssertPair(args, "-pix_fmt", "bgr24");
        Assert.Equal("pipe:1", args[^1]);
        Assert.Equal(["-nostdin", "-hide_banner", "-loglevel", "warning"], args.Take(4));
        Assert.Contains("-an", args);
        AssertBefore(args, "-i", "-vf");
    }

    [Fact]
    public void Fractional_fps_is_culture_invariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var args = FfmpegArguments.Build(new CameraSource("cam", "rtsp://h/x") { DetectFps = 2.5 },
                new IngestOptions { ScaleAlgorithm = ScaleAlgorithm.FastBilinear }, Out);
            AssertPair(args, "-vf", "fps=2.5,scale=640:360:flags=fast_bilinear");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Native_rate_omits_the_fps_filter_and_hwaccel_is_an_input_option()
    {
        var args = FfmpegArguments.Build(new CameraSource("cam", "rtsp://h/x") { DetectFps = null },
            new IngestOptions { HardwareAcceleration = "cuda", DecoderThreads = 0 }, Out);
        AssertPair(args, "-vf", "scale=640:360:flags=area");
        AssertPair(args, "-hwaccel", "cuda");
        AssertBefore(args, "-hwaccel", "-i");
        Assert.DoesNotContain("-threads", args);
    }

    [Fact]
    public void Probe_reads_width_and_height_without_playback_flags()
    {
        var args = FfmpegArguments.BuildProbe(new CameraSource("cam", "/videos/a.mp4") { Playback = FilePlayback.RealTimeLoop }, new IngestOptions());
        Assert.DoesNotContain("-re", args);
        Assert.DoesNotContain("-stream_loop", args);
        Assert.DoesNotContain("-analyzeduration", args); // files are probed from disk, fast anyway
        AssertPair(args, "-show_entries", "stream=width,height");
        AssertPair(args, "-select_streams", "v:0");

        var rtsp = FfmpegArguments.BuildProbe(new CameraSource("cam", "rtsp://h/x"), new IngestOptions { ReadTimeout = TimeSpan.FromSeconds(2) });
        AssertPair(rtsp, "-timeout", "2000000");
        AssertPair(rtsp, "-rtsp_transport", "tcp");
    }

    [Fact]
    public void Building_is_pure()
    {
        var source = new CameraSource("cam", "rtsp://h/x");
        var options = new IngestOptions();
        Assert.Equal(FfmpegArguments.Build(source, options, Out), FfmpegArguments.Build(source, options, Out));
    }

    [Fact]
    public void Key_frames_only_skips_the_other_frames_in_the_decoder_and_caps_the_rate_without_repeating_frames()
    {
        var source = new CameraSource("cam", "rtsp://h/x") { DetectFps = 5 };
        var still = FfmpegArguments.Build(source, new IngestOptions(), Out, keyFramesOnly: true);
        AssertPair(still, "-skip_frame", "nokey");
        AssertBefore(still, "-skip_frame", "-i"); // a decoder (input) option
        AssertPair(still, "-vf", "scale=640:360:flags=area");
        AssertPair(still, "-fps_mode", "vfr");
        AssertPair(still, "-r", "5");

        var full = FfmpegArguments.Build(source, new IngestOptions(), Out);
        Assert.DoesNotContain("-skip_frame", full);
        Assert.DoesNotContain("-r", full);
        AssertPair(full, "-vf", "fps=5,scale=640:360:flags=area");
        AssertPair(full, "-fps_mode", "passthrough");
    }

    [Fact]
    public void Rejects_an_empty_output_size() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FfmpegArguments.Build(new CameraSource("cam", "rtsp://h/x"), new IngestOptions(), default));

    private static void AssertPair(IReadOnlyList<string> args, string flag, string value)
    {
        var i = args.ToList().IndexOf(flag);
        Assert.True(i >= 0, $"{flag} missing in: {string.Join(' ', args)}");
        Assert.True(i + 1 < args.Count);
        Assert.Equal(value, args[i + 1]);
    }

    private static void AssertBefore(IReadOnlyList<string> args, string first, string second)
    {
        var list = args.ToList();
        Assert.True(list.IndexOf(first) < list.IndexOf(second), $"{first} must come before {second}: {string.Join(' ', args)}");
    }
}
