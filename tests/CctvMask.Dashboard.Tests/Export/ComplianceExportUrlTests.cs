using CctvMask.Dashboard.Api.Contracts;
using CctvMask.Dashboard.Export;

namespace CctvMask.Dashboard.Tests.Export;

public sealed class ComplianceExportUrlTests
{
    [Fact]
    public void The_link_carries_the_sections_camera_range_and_bucket_in_utc()
    {
        var from = new DateTimeOffset(2026, 12, 4, 11, 30, 0, TimeSpan.FromHours(1));
        var url = ExportEndpoints.ComplianceUrl("lobby-2", from, from.AddHours(6), ComplianceBucket.Hour);
        Assert.Equal("/dashboard/export/compliance.csv?cameraId=lobby-2&from=2026-12-04T10%3A30%3A00.0000000Z&to=2026-12-04T16%3A30%3A00.0000000Z&bucket=hour", url);
    }
}
