using CctvMask.Storage.Compliance;

namespace CctvMask.Storage.Tests.Fixtures;

/// <summary>The sum of a camera's minute rows over a range (what a batch of minute deltas added up to).</summary>
public static class ComplianceTotals
{
    public static async Task<CompliancePoint> MinuteTotalAsync(this ComplianceRepository repo, string camera, DateTimeOffset from, DateTimeOffset to)
    {
        var points = await repo.GetSeriesAsync(camera, from, to, BucketSize.Minute);
        Assert.NotEmpty(points);
        return new CompliancePoint(points[0].Start, points.Sum(p => p.People), points.Sum(p => p.Masked),
            points.Sum(p => p.Unmasked), points.Sum(p => p.Unknown));
    }
}
