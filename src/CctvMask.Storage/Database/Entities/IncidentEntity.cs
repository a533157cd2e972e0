namespace CctvMask.Storage.Database.Entities;

/// <summary>
/// Row of <c>incidents</c>: violations of one camera close in time, counted, with the operator's review.
/// No foreign key to cameras, like violations (history outlives a deleted camera).
/// </summary>
internal sealed class IncidentEntity
{
    public Guid Id { get; set; }
    public required string CameraId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime LastAt { get; set; }
    public int ViolationCount { get; set; }
    public Guid FirstViolationId { get; set; }
    public int State { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
}
