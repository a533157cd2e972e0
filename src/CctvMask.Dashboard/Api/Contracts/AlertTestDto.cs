namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>Answer of POST /api/alerts/rules/{id}/test.</summary>
public sealed record AlertTestDto(Guid EventId, string[] Channels);
