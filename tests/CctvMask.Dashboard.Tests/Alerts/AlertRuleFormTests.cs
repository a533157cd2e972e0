using CctvMask.Dashboard.Alerts;
using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Tests.Alerts;

public sealed class AlertRuleFormTests
{
    [Fact]
    public void A_not_running_rule_sends_no_window_or_people_and_blank_text_as_null()
    {
        var form = new AlertRuleForm
        {
            Name = "  Lobby down ", Kind = AlertRuleForm.CameraNotRunning, Target = AlertRuleForm.EachCameraTarget, Threshold = 120,
            WebhookUrl = "  ", WebhookSecret = "", Mqtt = true,
        };
        var request = form.ToRequest();
        Assert.Equal("Lobby down", request.Name);
        Assert.Null(request.CameraId);
        Assert.Equal("eachCamera", request.Scope);
        Assert.Null(request.WindowMinutes);
        Assert.Null(request.MinPeople);
        Assert.Null(request.WebhookUrl);
        Assert.Null(request.WebhookSecret);
        Assert.True(request.Mqtt);
    }

    [Fact]
    public void A_compliance_rule_sends_its_window_people_and_typed_secret()
    {
        var form = new AlertRuleForm { Name = "Low", Target = "lobby", WebhookUrl = "https://h.example.com/x", WebhookSecret = "s3cret-0123456789" };
        var request = form.ToRequest();
        Assert.Equal(AlertRuleForm.ComplianceBelow, request.Kind);
        Assert.Equal("lobby", request.CameraId);
        Assert.Equal("camera", request.Scope);
        Assert.Equal(80.0, request.Threshold);
        Assert.Equal(10, request.WindowMinutes);
        Assert.Equal(10, request.MinPeople);
        Assert.Equal("s3cret-0123456789", request.WebhookSecret);
        Assert.DoesNotContain("s3cret", request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_fleet_target_sends_scope_fleet_without_a_camera_and_the_table_says_so()
    {
        var request = new AlertRuleForm { Name = "Fleet", Target = AlertRuleForm.FleetTarget }.ToRequest();
        Assert.Equal("fleet", request.Scope);
        Assert.Null(request.CameraId);
        var rule = new AlertRuleDto(Guid.NewGuid(), "r", "complianceBelow", "fleet", null, 80, 10, 10, 5, 900, true, null, false, false,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        Assert.Equal("the fleet (all cameras summed)", AlertRuleForm.Watches(rule));
    }

    [Theory]
    [InlineData("complianceBelow", "compliance < 75 % over 15 min (≥ 8 people)")]
    [InlineData("unmaskedAbove", "unmasked > 75 over 15 min")]
    [InlineData("cameraNotRunning", "not running > 75 s")]
    public void Describe_says_the_condition_in_its_unit(string kind, string expected)
    {
        var rule = new AlertRuleDto(Guid.NewGuid(), "r", kind, "eachCamera", null, 75, 15, 8, 5, 900, true, null, false, false, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        Assert.Equal(expected, AlertRuleForm.Describe(rule));
    }
}
