using CctvMask.Dashboard.Api.Contracts;
using CctvMask.Dashboard.Fleet;

namespace CctvMask.Dashboard.Tests.Fleet;

public sealed class FleetRowTests
{
    private static FleetRow Row(string name, string state, bool enabled = true) =>
        new(new FleetCameraDto(name.ToLowerInvariant(), name, "rtsp://h/x", enabled, state, 5, 3, 7, 0.5, 0.75, null), [], null);

    [Theory]
    [InlineData("Front door", "running", null, "all", true)]
    [InlineData("Front door", "running", "front", "running", true)]
    [InlineData("Front door", "running", "FRONT", null, true)]
    [InlineData("Front door", "running", "back", "all", false)]
    [InlineData("Front door", "reconnecting", null, "reconnecting", true)]
    [InlineData("Front door", "failed", null, "failed", true)]
    [InlineData("Front door", "running", null, "failed", false)]
    public void Filter_matches_name_and_api_state(string name, string state, string? text, string? filter, bool expected) =>
        Assert.Equal(expected, Row(name, state).Matches(text, filter));

    [Fact]
    public void Disabled_cameras_filter_as_disabled() =>
        Assert.True(Row("Gate", "stopped", enabled: false).Matches(null, "disabled"));

    [Fact]
    public void Assessable_share_is_judged_faces_over_people()
    {
        var total = new CompliancePointDto(DateTimeOffset.UnixEpoch, 10, 6, 2, 2, 0.75);
        Assert.Equal(0.8, FleetRow.Assessable(total));
        Assert.Null(FleetRow.Assessable(new CompliancePointDto(DateTimeOffset.UnixEpoch, 0, 0, 0, 0, null)));
        Assert.Null(FleetRow.Assessable(null));
    }

    [Fact]
    public void Percent_rounds_a_share_to_one_decimal()
    {
        Assert.Equal(66.7, FleetRow.Percent(2 / 3.0));
        Assert.Null(FleetRow.Percent(null));
    }
}
