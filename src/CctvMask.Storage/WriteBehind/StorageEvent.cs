using System.Text.Json.Serialization;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Violations;

namespace CctvMask.Storage.WriteBehind;

/// <summary>
/// One queued write; also one JSON line of a spill or journal file (exactly one member is set).
/// <see cref="Provisional"/> marks the open minute's counts so far: journaled only, superseded by
/// a later provisional or the final delta with the same event id, written as a normal delta
/// only when a crash left it without its final one.
/// </summary>
internal sealed record StorageEvent(
    ViolationRecord? Violation,
    ComplianceDelta? Compliance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Provisional = false)
{
    /// <summary>Journal segment holding this event, or -1 (not journaled: replayed from a file, or past the journal bound).</summary>
    internal long Segment { get; set; } = -1;
}
