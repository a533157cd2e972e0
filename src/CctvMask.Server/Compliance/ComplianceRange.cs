using CctvMask.Abstractions.Privacy;
using CctvMask.Server.Hosting;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Hosting;

namespace CctvMask.Server.Compliance;

/// <summary>
/// A compliance query's range and bucket, checked once for the series (<see cref="ComplianceApi"/>) and the CSV export
/// (<see cref="ComplianceExportApi"/>), and the points a camera's privacy mode lets it serve over it.
/// </summary>
public sealed record ComplianceRange(DateTimeOffset Start, DateTimeOffset End, BucketSize Size)
{
    /// <summary>The range from the query (defaults: to = now, from = <see cref="ComplianceOptions.DefaultRangeHours"/> before), or the errors.</summary>
    public static ComplianceRange? Parse(DateTimeOffset? from, DateTimeOffset? to, string? bucket, ComplianceOptions options,
        StorageOptions storage, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var size = BucketSize.Minute;
        if (bucket is not null && (!Enum.TryParse(bucket, ignoreCase: true, out size) || !Enum.IsDefined(size) || int.TryParse(bucket, out _)))
            errors["bucket"] = ["The bucket must be minute, hour or day."];
        if (ApiTime.OutOfRange(from)) errors["from"] = [ApiTime.RangeMessage];
        if (ApiTime.OutOfRange(to)) errors["to"] = [ApiTime.RangeMessage];
        if (errors.Count > 0) return null;
        var end = to ?? now;
        var start = from ?? end.AddHours(-options.DefaultRangeHours);
        var width = size switch { BucketSize.Hour => TimeSpan.FromHours(1), BucketSize.Day => TimeSpan.FromDays(1), _ => TimeSpan.FromMinutes(1) };
        if (start >= end) errors["from"] = ["'from' must be before 'to'."];
        else if ((end - start) / width > storage.MaxSeriesPoints)
            errors["bucket"] = [$"The range holds more than {storage.MaxSeriesPoints} buckets; use a coarser bucket or a shorter range."];
        return errors.Count > 0 ? null : new ComplianceRange(start, end, size);
    }

    /// <summary>
    /// The camera's points over the range, and the bucket's name: a camera in 'statistics' mode never serves buckets
    /// narrower than <see cref="ComplianceOptions.StatisticsMinBucketMinutes"/> (minutes are folded, e.g. "20min").
    /// </summary>
    public async Task<(IReadOnlyList<CompliancePoint> Points, string Bucket)> ReadAsync(
        CameraRecord camera, ComplianceRepository compliance, ComplianceOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(compliance);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<CompliancePoint> points = await compliance.GetSeriesAsync(camera.Id, Start, End, Size, ct).ConfigureAwait(false);
        var coarse = options.StatisticsMinBucketMinutes;
        if (camera.Privacy == PrivacyMode.Statistics && Size == BucketSize.Minute && coarse > 1)
            return (CoarseBuckets.Fold(points, coarse), $"{coarse}min");
        return (points, Size.ToString().ToLowerInvariant());
    }
}
