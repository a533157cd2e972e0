namespace CctvMask.Storage.Incidents;

/// <summary>
/// The grouping rule (pure): a violation joins a camera's newest incident when that incident is still
/// open and the violation lies within the window of its span [start − window, last + window];
/// otherwise it opens a new incident. Reviewed incidents never grow: what follows a review is news.
/// </summary>
public static class IncidentGrouping
{
    /// <summary>True when a violation at <paramref name="occurredAt"/> joins the incident.</summary>
    public static bool Joins(IncidentState state, DateTimeOffset startedAt, DateTimeOffset lastAt, DateTimeOffset occurredAt, TimeSpan window) =>
        state == IncidentState.Open && occurredAt >= startedAt - window && occurredAt <= lastAt + window;
}
