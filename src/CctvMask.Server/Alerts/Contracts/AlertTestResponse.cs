namespace CctvMask.Server.Alerts.Contracts;

/// <summary>POST /api/alerts/rules/{id}/test: the test event's id and the channels it is queued for.</summary>
public sealed record AlertTestResponse(Guid EventId, string[] Channels);
