namespace CctvMask.Server.Violations.Contracts;

/// <summary>A box in frame pixels, top-left origin.</summary>
public sealed record BoxResponse(float X, float Y, float Width, float Height);
