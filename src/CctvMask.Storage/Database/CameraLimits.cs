namespace CctvMask.Storage.Database;

/// <summary>Column sizes shared by the schema and input validation.</summary>
internal static class CameraLimits
{
    public const int IdMaxLength = CctvMask.Abstractions.Cameras.CameraIdRule.MaxLength;
    public const int NameMaxLength = 200;
    public const int UrlMaxLength = 2048;
    public const int ZoneNameMaxLength = 100;
    public const int MaxZones = 32;
    public const int MaxZonePoints = 64;
}
