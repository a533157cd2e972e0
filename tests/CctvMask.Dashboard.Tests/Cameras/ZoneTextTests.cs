using CctvMask.Dashboard.Api.Contracts;
using CctvMask.Dashboard.Cameras;

namespace CctvMask.Dashboard.Tests.Cameras;

public sealed class ZoneTextTests
{
    [Fact]
    public void Zones_format_as_one_line_each_and_parse_back()
    {
        var zones = new[]
        {
            new CameraZoneDto("door", [new(0.1, 0.1), new(0.9, 0.1), new(0.5, 0.9)]),
            new CameraZoneDto("till 2", [new(0, 0), new(0.25, 0), new(0.25, 0.125), new(0, 0.125)]),
        };

        var text = ZoneText.Format(zones);

        Assert.Equal("door: 0.1,0.1 0.9,0.1 0.5,0.9\ntill 2: 0,0 0.25,0 0.25,0.125 0,0.125", text);
        Assert.True(ZoneText.TryParse(text, out var parsed, out var error));
        Assert.Null(error);
        Assert.Equal(zones.Select(z => (z.Name, z.Points.ToArray())), parsed.Select(z => (z.Name, z.Points.ToArray())), new ZoneComparer());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n \r\n")]
    [InlineData(null)]
    public void Empty_text_is_no_zones(string? text)
    {
        Assert.True(ZoneText.TryParse(text, out var zones, out _));
        Assert.Empty(zones);
        Assert.Equal("", ZoneText.Format(zones));
    }

    [Theory]
    [InlineData("door 0.1,0.1 0.9,0.1 0.5,0.9", "Line 1")]
    [InlineData("door: 0.1,0.1\nexit: 0.1;0.2 0.3,0.4 0.5,0.6", "Line 2")]
    [InlineData("door: 0,1,0.5 0.5,0.5 0.2,0.2", "'0,1,0.5'")]
    [InlineData("door: 0.1,abc 0.5,0.5 0.2,0.2", "'0.1,abc'")]
    public void Syntax_errors_name_the_line_or_the_point(string text, string expected)
    {
        Assert.False(ZoneText.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Rules_are_left_to_the_api()
    {
        // Two points, or a coordinate outside 0..1, parse: the API reports them per zone.
        Assert.True(ZoneText.TryParse("line: 0,0 2,2", out var zones, out _));
        Assert.Equal(2, Assert.Single(zones).Points.Count);
    }

    private sealed class ZoneComparer : IEqualityComparer<(string Name, ZonePointDto[] Points)>
    {
        public bool Equals((string Name, ZonePointDto[] Points) a, (string Name, ZonePointDto[] Points) b) =>
            a.Name == b.Name && a.Points.SequenceEqual(b.Points);

        public int GetHashCode((string Name, ZonePointDto[] Points) z) => z.Name.GetHashCode(StringComparison.Ordinal);
    }
}
