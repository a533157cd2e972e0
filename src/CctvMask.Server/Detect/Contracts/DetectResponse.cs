namespace CctvMask.Server.Detect.Contracts;

/// <summary>POST /api/detect result.</summary>
public sealed record DetectResponse(int Width, int Height, IReadOnlyList<DetectedFaceResponse> Faces);
