namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>One line of GET /api/audit.</summary>
public sealed record AuditEntryDto(
    long Id, DateTimeOffset At, string KeyName, string Role, string? RemoteAddress, string Action, string? Target, string Outcome, string? Detail);
