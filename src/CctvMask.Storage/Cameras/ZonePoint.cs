namespace CctvMask.Storage.Cameras;

/// <summary>A zone vertex in normalized frame coordinates (0..1 on both axes).</summary>
public readonly record struct ZonePoint(float X, float Y);
