using CctvMask.Storage.Compliance;
using CctvMask.Storage.Violations;

namespace CctvMask.Storage.Tests.Fixtures;

/// <summary>Test data builders: unique camera ids per test so tests can share a database.</summary>
public static class Samples
{
    public static string CameraId(string prefix = "cam") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    public static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static ViolationRecord Violation(string cameraId, DateTimeOffset at, int seed, bool snapshot = true) => new(
        Guid.NewGuid(), cameraId, at, TrackId: seed, Confidence: 0.5f + seed % 50 / 100f,
        new FaceBox(seed, seed + 1, 20 + seed % 7, 24 + seed % 5),
        Bytes(64 + seed % 32, seed), snapshot ? Bytes(256 + seed % 64, seed + 1_000_000) : null);

    public static ComplianceDelta Delta(string cameraId, DateTimeOffset at, int masked, int unmasked, int unknown) =>
        new(Guid.NewGuid(), cameraId, at, masked + unmasked + unknown, masked, unmasked, unknown);

    /// <summary>A fixed-looking but test-relative base time: whole minutes, UTC, a few days ago.</summary>
    public static DateTimeOffset BaseTime()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero).AddDays(-3);
    }
}
