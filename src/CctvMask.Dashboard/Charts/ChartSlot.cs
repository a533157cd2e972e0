using CctvMask.Dashboard.Api.Contracts;

namespace CctvMask.Dashboard.Charts;

/// <summary>One bucket of a chart's range: its UTC start and the API's point, if the API returned one.</summary>
public sealed record ChartSlot(DateTimeOffset Start, CompliancePointDto? Point);
