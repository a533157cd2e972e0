using CctvMask.Abstractions.Privacy;
using CctvMask.Dashboard.Api.Contracts;
using CctvMask.Dashboard.Cameras;
using CctvMask.Storage.Cameras;

namespace CctvMask.Dashboard.Tests.Cameras;

public sealed class CameraFormTests
{
    [Fact]
    public void A_new_camera_form_starts_at_the_api_defaults()
    {
        var form = new CameraForm();

        Assert.Equal(CameraSettingLimits.DefaultMotionGating, form.MotionGating);
        Assert.Equal(CameraSettingLimits.DefaultSmallFacePass, form.SmallFacePass);
        Assert.Null(form.SmallFaceLongSide);
        Assert.Empty(form.ToRequest(out _)!.Zones!);
    }

    [Fact]
    public void The_privacy_choices_are_the_api_modes_and_a_new_camera_starts_at_the_default_mode()
    {
        Assert.Equal(PrivacyModes.Name(PrivacyModes.Default), new CameraForm().PrivacyMode);
        Assert.Equal(Enum.GetValues<PrivacyMode>().Select(PrivacyModes.Name), CameraForm.PrivacyChoices.Select(c => c.Mode));
        Assert.Contains("privacyMode", CameraForm.Fields);
        Assert.Contains("retentionDays", CameraForm.Fields);
    }

    [Fact]
    public void Privacy_mode_and_retention_survive_an_edit_and_the_list_switch()
    {
        var camera = new CameraDto("gate", "Gate", "rtsp://h/s", true, 5, 640, 360, [], true, false, 960,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "statistics", 7);

        var request = CameraForm.From(camera).ToRequest(out _)!;
        var toggled = CameraForm.WithEnabled(camera, false);

        Assert.Equal(("statistics", 7), (request.PrivacyMode, request.RetentionDays));
        Assert.Equal(("statistics", 7), (toggled.PrivacyMode, toggled.RetentionDays));
    }

    [Fact]
    public void A_camera_edited_and_sent_keeps_its_settings_and_zones()
    {
        var zones = new[] { new CameraZoneDto("door", [new(0.1, 0.1), new(0.9, 0.1), new(0.5, 0.9)]) };
        var camera = new CameraDto("gate", "Gate", "rtsp://h/s", true, 5, 640, 360, zones, false, true, 1280,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var request = CameraForm.From(camera).ToRequest(out var error);

        Assert.Null(error);
        Assert.NotNull(request);
        Assert.Equal((false, true, 1280), (request.MotionGating, request.SmallFacePass, request.SmallFaceLongSide));
        var zone = Assert.Single(request.Zones!);
        Assert.Equal(zones[0].Name, zone.Name);
        Assert.Equal(zones[0].Points, zone.Points);
    }

    [Fact]
    public void Zones_that_do_not_parse_are_not_sent()
    {
        var form = new CameraForm { Name = "A", Url = "rtsp://h/s", ZonesText = "door 0.1,0.1 0.9,0.1 0.5,0.9" };

        Assert.Null(form.ToRequest(out var error));
        Assert.Contains("Line 1", error);
    }

    [Fact]
    public void Api_zone_errors_are_gathered_with_the_zone_they_belong_to()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["url"] = ["bad url"],
            ["zones[1].points"] = ["A zone needs between 3 and 64 points."],
            ["zones[0].name"] = ["The zone name is required."],
        };

        var message = CameraForm.ZonesError(errors);

        Assert.NotNull(message);
        Assert.Contains("Zone 2: A zone needs between 3 and 64 points.", message);
        Assert.Contains("Zone 1: The zone name is required.", message);
        Assert.DoesNotContain("bad url", message);
        Assert.True(CameraForm.IsFormField("zones[1].points"));
        Assert.True(CameraForm.IsFormField("smallFaceLongSide"));
        Assert.False(CameraForm.IsFormField("camera"));
        Assert.Null(CameraForm.ZonesError(new Dictionary<string, string[]> { ["url"] = ["x"] }));
    }
}
