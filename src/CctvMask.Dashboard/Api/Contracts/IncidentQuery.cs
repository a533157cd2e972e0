namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>Filter and page of the incident list (page starts at 1; state null = every state).</summary>
public sealed record IncidentQuery(string? CameraId, string? State, DateTimeOffset? From, DateTimeOffset? To, int Page, int PageSize);
