namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>A named polygon in normalised frame coordinates (0..1).</summary>
public sealed record CameraZoneDto(string Name, IReadOnlyList<ZonePointDto> Points);
