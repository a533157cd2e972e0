namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>A zone vertex in normalised frame coordinates (0..1).</summary>
public sealed record ZonePointDto(double X, double Y);
