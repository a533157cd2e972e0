namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>One page of incidents (newest activity first) and the total matching the filter.</summary>
public sealed record IncidentPageDto(IReadOnlyList<IncidentDto> Items, int Page, int PageSize, long Total);
