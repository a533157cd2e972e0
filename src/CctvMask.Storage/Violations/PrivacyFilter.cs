using CctvMask.Abstractions.Privacy;

namespace CctvMask.Storage.Violations;

/// <summary>
/// The last guard before a violation is written: evidence raised under one privacy mode may still be buffered
/// when the camera switches to a stricter one, and then obeys the stricter one. A statistics camera stores no
/// violation; a blurred one no face crop, and no snapshot drawn in evidence mode (it shows the violator). Pure.
/// </summary>
internal static class PrivacyFilter
{
    /// <summary>The record as it may be stored, or null when it may not be stored at all.</summary>
    /// <param name="record">The violation as raised (its <see cref="ViolationRecord.Privacy"/> is the mode it was raised under).</param>
    /// <param name="cameraMode">The camera's stored mode name now; null when the camera no longer exists.</param>
    public static ViolationRecord? Apply(ViolationRecord record, string? cameraMode)
    {
        var now = cameraMode is null ? record.Privacy
            : PrivacyModes.TryParse(cameraMode, out var parsed) ? parsed : PrivacyMode.Statistics;
        var mode = PrivacyModes.IsStricter(now, record.Privacy) ? now : record.Privacy;
        if (!PrivacyModes.RecordsViolations(mode)) return null;
        if (mode == record.Privacy) return record;
        // Stricter than when it was raised (only blurred is left here): no crop, and the snapshot showed a face.
        return record with { Privacy = mode, FaceJpeg = [], SnapshotJpeg = null };
    }
}
