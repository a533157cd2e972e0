using CctvMask.Grains.Cameras;
using CctvMask.Server.Alerts.Evaluation;
using CctvMask.Storage.Alerts;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>What a rule judges for one camera: the stored (closed) minutes of its window plus the open minute so far.</summary>
public sealed class AlertSnapshotTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 11, 42, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset ThisMinute = new(2026, 12, 4, 11, 42, 0, TimeSpan.Zero);
    private static readonly ComplianceWindowTotals Stored = new("cam", People: 10, Masked: 7, Unmasked: 2);

    private static CameraStatus Status(CameraState state, DateTimeOffset? openMinute) => new()
    {
        CameraId = "cam",
        State = state,
        UpdatedAt = Now,
        OpenMinute = openMinute is { } start ? new OpenMinuteCounts(start, People: 4, Masked: 1, Unmasked: 3, Incorrect: 0) : null,
    };

    [Fact]
    public void The_open_minute_of_a_running_camera_is_added_to_the_stored_minutes()
    {
        var snapshot = AlertSnapshot.Of("cam", Status(CameraState.Running, ThisMinute), Stored, hasWindow: true, Now);
        Assert.Equal((14L, 8L, 5L), (snapshot.People, snapshot.Masked, snapshot.Unmasked));
        Assert.True(snapshot.Running);
    }

    [Fact]
    public void A_camera_with_nothing_stored_yet_is_judged_on_its_open_minute()
    {
        var snapshot = AlertSnapshot.Of("cam", Status(CameraState.Running, ThisMinute), stored: null, hasWindow: true, Now);
        Assert.Equal((4L, 1L, 3L), (snapshot.People, snapshot.Masked, snapshot.Unmasked));
    }

    [Fact]
    public void A_status_still_showing_the_previous_minute_adds_nothing_as_that_minute_may_already_be_stored()
    {
        var snapshot = AlertSnapshot.Of("cam", Status(CameraState.Running, ThisMinute.AddMinutes(-1)), Stored, hasWindow: true, Now);
        Assert.Equal((10L, 7L, 2L), (snapshot.People, snapshot.Masked, snapshot.Unmasked));
    }

    [Fact]
    public void A_camera_not_running_or_a_rule_without_window_adds_no_open_minute()
    {
        var stopped = AlertSnapshot.Of("cam", Status(CameraState.Reconnecting, ThisMinute), Stored, hasWindow: true, Now);
        Assert.Equal((10L, 7L, 2L), (stopped.People, stopped.Masked, stopped.Unmasked));
        Assert.False(stopped.Running);
        var noWindow = AlertSnapshot.Of("cam", Status(CameraState.Running, ThisMinute), Stored, hasWindow: false, Now);
        Assert.Equal((0L, 0L, 0L), (noWindow.People, noWindow.Masked, noWindow.Unmasked));
    }
}
