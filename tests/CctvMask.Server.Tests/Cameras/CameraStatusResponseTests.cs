using System.Text.Json;
using CctvMask.Grains.Cameras;
using CctvMask.Server.Cameras.Contracts;

namespace CctvMask.Server.Tests.Cameras;

/// <summary>The status JSON (GET /api/cameras/{id}/status, the fleet rows, the MQTT status topic) from a grain's status.</summary>
public sealed class CameraStatusResponseTests
{
    [Fact]
    public void The_open_minute_and_the_last_closed_minute_carry_the_incorrectly_worn_masks()
    {
        var start = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
        var status = new CameraStatus
        {
            CameraId = "gate", State = CameraState.Running, UpdatedAt = start.AddSeconds(20),
            PeopleThisMinute = 5, OpenMinute = new OpenMinuteCounts(start, People: 5, Masked: 3, Unmasked: 2, Incorrect: 2),
            LastMinutePeople = 4, LastMinuteCompliance = 0.5, LastMinuteIncorrect = 1,
        };

        var json = JsonSerializer.SerializeToNode(CameraStatusResponse.From("gate", status), JsonSerializerOptions.Web)!;

        var open = json["openMinute"]!;
        Assert.Equal(start, open["bucketStart"]!.GetValue<DateTimeOffset>());
        Assert.Equal((5, 3, 2, 2), ((int)open["people"]!, (int)open["masked"]!, (int)open["unmasked"]!, (int)open["incorrect"]!));
        Assert.Equal(1, (int)json["lastMinuteIncorrect"]!);
        Assert.Null(JsonSerializer.SerializeToNode(CameraStatusResponse.From("gate", CameraStatus.Stopped("gate", start)), JsonSerializerOptions.Web)!["openMinute"]);
    }
}
