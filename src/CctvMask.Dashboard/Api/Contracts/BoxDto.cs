namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>A face box in snapshot pixels, top-left origin.</summary>
public sealed record BoxDto(float X, float Y, float Width, float Height);
