using CctvMask.Dashboard.Api.Contracts;
using CctvMask.Dashboard.Export;

namespace CctvMask.Dashboard.Tests.Export;

public sealed class ViolationCsvTests
{
    private static ViolationDto Violation(string camera, bool snapshot, float confidence = 0.8765f) => new(
        Guid.Parse("6f1c2a3b-0000-4000-8000-000000000001"), camera,
        new DateTimeOffset(2026, 11, 25, 13, 4, 5, TimeSpan.FromHours(2)), 42, confidence,
        new BoxDto(1, 2, 3, 4), snapshot ? "/api/violations/6f1c2a3b-0000-4000-8000-000000000001/snapshot" : null);

    [Fact]
    public void Row_writes_utc_time_invariant_confidence_and_snapshot_path()
    {
        var row = ViolationCsv.Row(Violation("front-door", snapshot: true), "Front door");

        Assert.Equal(
            "6f1c2a3b-0000-4000-8000-000000000001,front-door,Front door,2026-11-25T11:04:05Z,42,unmasked,0.877,true,/api/violations/6f1c2a3b-0000-4000-8000-000000000001/snapshot",
            row);
        Assert.Equal(ViolationCsv.Header.Split(',').Length, row.Split(',').Length);
    }

    [Fact]
    public void Row_writes_the_kind_of_an_incorrectly_worn_mask()
    {
        var row = ViolationCsv.Row(Violation("c1", snapshot: false) with { Kind = "incorrect" }, null);

        Assert.Contains(",42,incorrect,0.877,", row);
        Assert.Equal(ViolationCsv.Header.Split(',').Length, row.Split(',').Length);
    }

    [Fact]
    public void Row_without_snapshot_leaves_the_path_empty()
    {
        var row = ViolationCsv.Row(Violation("c1", snapshot: false), null);

        Assert.EndsWith(",false,", row);
        Assert.Contains(",c1,,", row);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM", "'@SUM")]
    [InlineData("", "")]
    public void Escape_quotes_and_neutralises_formulas(string input, string expected) =>
        Assert.Equal(expected, ViolationCsv.Escape(input));

    [Fact]
    public void Write_emits_header_and_one_crlf_row_per_violation_with_camera_names()
    {
        var names = new Dictionary<string, string> { ["a"] = "Gate, north" };
        var csv = ViolationCsv.Write([Violation("a", true), Violation("b", false)], names);

        var lines = csv.Split("\r\n");
        Assert.Equal(4, lines.Length); // header, two rows, trailing empty after the last CRLF
        Assert.Equal(ViolationCsv.Header, lines[0]);
        Assert.Contains(",a,\"Gate, north\",", lines[1]);
        Assert.Contains(",b,,", lines[2]);
        Assert.Equal("", lines[3]);
    }
}
