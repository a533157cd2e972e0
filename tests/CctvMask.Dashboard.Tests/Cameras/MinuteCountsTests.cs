using CctvMask.Dashboard.Api;
using CctvMask.Dashboard.Api.Contracts;
using CctvMask.Dashboard.Cameras;

namespace CctvMask.Dashboard.Tests.Cameras;

public sealed class MinuteCountsTests
{
    private static CameraStatusDto Status(OpenMinuteDto? open = null, int? lastPeople = null, double? lastCompliance = null, int? lastIncorrect = null) =>
        new("gate", "running", DateTimeOffset.UnixEpoch, null, null, 5, 0, 0, 0, 0, 0, open?.People ?? 0, lastPeople, lastCompliance,
            0, 0, null, null, open, lastIncorrect);

    [Fact]
    public void The_open_minute_shows_its_people_and_who_wore_the_mask_incorrectly()
    {
        var open = new OpenMinuteDto(DateTimeOffset.UnixEpoch, 5, 3, 2, 1);
        Assert.Equal("this minute: 5 people · 3 masked · 2 unmasked (1 mask worn incorrectly)", MinuteCounts.OpenMinute(Status(open)));
        Assert.Equal("this minute: 1 person · 1 masked · 0 unmasked", MinuteCounts.OpenMinute(Status(open with { People = 1, Masked = 1, Unmasked = 0, Incorrect = 0 })));
        Assert.Null(MinuteCounts.OpenMinute(Status()));
    }

    [Fact]
    public void The_last_minute_shows_its_people_masked_share_and_incorrect_masks()
    {
        Assert.Equal("last minute: 4 people · 75 % masked (2 masks worn incorrectly)", MinuteCounts.LastMinute(Status(lastPeople: 4, lastCompliance: 0.75, lastIncorrect: 2)));
        Assert.Equal("last minute: 2 people", MinuteCounts.LastMinute(Status(lastPeople: 2, lastIncorrect: 0)));
        Assert.Null(MinuteCounts.LastMinute(Status()));
    }

    [Fact]
    public void The_status_json_of_the_api_reads_into_the_open_minute_and_the_last_minute_incorrect()
    {
        const string json = """
            {"cameraId":"gate","state":"running","updatedAt":"2026-12-04T10:00:00Z","analysisFps":5,"framesReceived":1,"framesAnalyzed":1,
             "framesDropped":0,"facesDetected":2,"peopleInView":2,"peopleThisMinute":2,"lastMinutePeople":3,"lastMinuteCompliance":0.5,
             "violations":0,"ingestRestarts":0,"framesSkipped":0,"facesJudged":2,"lastMinuteIncorrect":1,
             "openMinute":{"bucketStart":"2026-12-04T10:00:00Z","people":2,"masked":1,"unmasked":1,"incorrect":1}}
            """;
        var status = System.Text.Json.JsonSerializer.Deserialize<CameraStatusDto>(json, CctvApiClient.Json)!;
        Assert.Equal(1, status.OpenMinute!.Incorrect);
        Assert.Equal(1, status.LastMinuteIncorrect);
    }
}
