using CctvMask.Abstractions.Cameras;
using CctvMask.Video.Sources;

namespace CctvMask.Video.Tests.Sources;

/// <summary>
/// The one camera id rule (CctvMask.Abstractions), tested once here; Storage, ingest and the API call it.
/// </summary>
public sealed class CameraIdRuleTests
{
    public static TheoryData<string> ValidIds() =>
    [
        "a",
        "7",
        "front-door",
        "cam_01",
        "0-lobby_2",
        new string('a', CameraIdRule.MaxLength),
    ];

    public static TheoryData<string?> InvalidIds() =>
    [
        null,
        "",
        new string('a', CameraIdRule.MaxLength + 1),
        "-leading-dash",
        "_leading-underscore",
        "Upper",
        "has space",
        "dot.ted",
        "slash/es",
        "cam\0",
        "cam\n",
        "caméra",
        "cam\u0430", // Cyrillic 'а' that looks like 'a'
        "٣cam",      // Arabic-Indic digit: a digit to char.IsDigit, not to the rule
    ];

    [Theory]
    [MemberData(nameof(ValidIds))]
    public void Valid_ids_pass(string id)
    {
        Assert.True(CameraIdRule.IsValid(id));
        CameraIdRule.Validate(id, "id");
    }

    [Theory]
    [MemberData(nameof(InvalidIds))]
    public void Invalid_ids_fail_and_the_message_names_the_rule(string? id)
    {
        Assert.False(CameraIdRule.IsValid(id));
        var e = Assert.Throws<ArgumentException>(() => CameraIdRule.Validate(id, "id"));
        Assert.Contains(CameraIdRule.Description, e.Message);
        Assert.Equal("id", e.ParamName);
    }

    [Fact]
    public void Ingest_applies_the_same_rule()
    {
        var e = Assert.Throws<ArgumentException>(() => new CameraSource("Upper", "rtsp://h/x").Validate());
        Assert.Contains(CameraIdRule.Description, e.Message);
        new CameraSource("front-door", "rtsp://h/x").Validate();
    }
}
