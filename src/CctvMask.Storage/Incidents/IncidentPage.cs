namespace CctvMask.Storage.Incidents;

/// <summary>One page of incidents and the total matching the filter.</summary>
public sealed record IncidentPage(IReadOnlyList<IncidentSummary> Items, long Total, int Offset, int Limit);
