namespace CctvMask.Storage.Violations;

/// <summary>One page of violations, newest first (time desc, id desc), and the total matching the filter.</summary>
public sealed record ViolationPage(IReadOnlyList<ViolationSummary> Items, int Total, int Offset, int Limit);
