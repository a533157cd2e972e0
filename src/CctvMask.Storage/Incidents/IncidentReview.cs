namespace CctvMask.Storage.Incidents;

/// <summary>An operator's decision on an incident: the new state, who, when, and an optional note.</summary>
public sealed record IncidentReview(IncidentState State, string ReviewedBy, DateTimeOffset ReviewedAt, string? Note = null);
