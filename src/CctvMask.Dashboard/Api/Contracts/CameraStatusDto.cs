namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>GET /api/cameras/{id}/status.</summary>
public sealed record CameraStatusDto(
    Guid CameraId,
    string State,
    double Fps,
    long FramesDecoded,
    long FramesDropped,
    int Restarts,
    string? LastError,
    DateTimeOffset? LastFrameAt);
