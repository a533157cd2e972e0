namespace CctvMask.Server.Incidents;

/// <summary>Incident review log lines (EventIds 5700–5709), with the camera id.</summary>
public static partial class IncidentLog
{
    [LoggerMessage(EventId = 5700, Level = LogLevel.Information, Message = "Camera {CameraId}: incident {IncidentId} marked {State} by {ReviewedBy}")]
    public static partial void Reviewed(ILogger logger, string cameraId, Guid incidentId, string state, string reviewedBy);
}
