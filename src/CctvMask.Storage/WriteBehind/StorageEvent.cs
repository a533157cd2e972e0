using CctvMask.Storage.Compliance;
using CctvMask.Storage.Violations;

namespace CctvMask.Storage.WriteBehind;

/// <summary>One queued write; also one JSON line of a spill file (exactly one member is set).</summary>
internal sealed record StorageEvent(ViolationRecord? Violation, ComplianceDelta? Compliance);
