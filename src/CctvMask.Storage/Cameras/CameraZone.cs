namespace CctvMask.Storage.Cameras;

/// <summary>A named polygon (at least 3 vertices) that limits where faces are counted.</summary>
public sealed record CameraZone(string Name, IReadOnlyList<ZonePoint> Points);
