using CctvMask.Dashboard.Api.Contracts;
using CctvMask.Dashboard.Cameras;

namespace CctvMask.Dashboard.Tests.Cameras;

public sealed class CameraStatesTests
{
    [Theory]
    [InlineData("running", true, "running")]
    [InlineData("Reconnecting", true, "reconnecting")]
    [InlineData("failed", true, "failed")]
    [InlineData("starting", true, "starting")]
    [InlineData("stopped", true, "stopped")]
    [InlineData("running", false, "disabled")]
    [InlineData(null, true, "unknown")]
    public void Shows_the_api_states_as_they_are_and_disabled_cameras_as_disabled(string? state, bool enabled, string expected) =>
        Assert.Equal(expected, CameraStates.Display(state, enabled));

    [Fact]
    public void Editing_round_trips_the_masked_url_and_zones_and_sends_no_id()
    {
        var zones = new[] { new CameraZoneDto("door", [new ZonePointDto(0, 0), new ZonePointDto(1, 0), new ZonePointDto(1, 1)]) };
        var camera = new CameraDto("gate", "Gate", "rtsp://user:***@cam/stream", true, 5, 640, 360, zones,
            false, true, 1280, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var request = CameraForm.WithEnabled(camera, false);

        Assert.Null(request.Id);
        Assert.Equal("rtsp://user:***@cam/stream", request.Url);
        Assert.False(request.Enabled);
        Assert.Same(zones, request.Zones);
        Assert.Equal((640, 360), (request.AnalysisWidth, request.AnalysisHeight));
        Assert.Equal((false, true, 1280), (request.MotionGating, request.SmallFacePass, request.SmallFaceLongSide));
    }

    [Fact]
    public void A_new_camera_sends_a_trimmed_slug_or_none()
    {
        Assert.Equal("cam-1", new CameraForm { Id = " cam-1 ", Name = " A ", Url = "rtsp://h/x" }.ToRequest(out _)!.Id);
        Assert.Null(new CameraForm { Id = "  ", Name = "A" }.ToRequest(out _)!.Id);
        Assert.Equal("A", new CameraForm { Name = " A " }.ToRequest(out _)!.Name);
    }
}
