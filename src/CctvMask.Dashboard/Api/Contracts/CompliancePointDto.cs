namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>One bucket of a compliance series: unique people and their mask verdicts.</summary>
public sealed record CompliancePointDto(
    DateTimeOffset Start,
    long People,
    long Masked,
    long Unmasked,
    long Unknown,
    double? Compliance);
