namespace CctvMask.Storage.Database.Entities;

/// <summary>Row of <c>applied_events</c>: the id of a compliance delta already added, so a replay adds nothing.</summary>
internal sealed class AppliedEventEntity
{
    public Guid EventId { get; set; }
    public DateTime AppliedAt { get; set; }
}
