namespace CctvMask.Server.Incidents.Contracts;

/// <summary>
/// Optional body of POST /api/incidents/{id}/acknowledge and /dismiss: who reviewed (defaults to the API
/// key's role, "admin") and a note.
/// </summary>
public sealed record IncidentReviewRequest(string? By = null, string? Note = null);
