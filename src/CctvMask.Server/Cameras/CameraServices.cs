using CctvMask.Server.Audit;
using CctvMask.Storage.Cameras;
using CctvMask.Storage.Privacy;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Cameras;

/// <summary>What the camera handlers need, bound with [AsParameters] to keep signatures short.</summary>
public sealed record CameraServices(
    CameraRepository Store,
    ICameraControl Control,
    IOptions<CameraOptions> Options,
    CameraSourcePolicy Sources,
    PrivacyPurger Purger,
    IAuditLog Audit,
    ILogger<CameraServices> Logger);
