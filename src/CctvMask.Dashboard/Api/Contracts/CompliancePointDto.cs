namespace CctvMask.Dashboard.Api.Contracts;

/// <summary>
/// One bucket of a compliance series: unique people and their mask verdicts. <see cref="Incorrect"/> (mask worn wrongly)
/// is part of <see cref="Unmasked"/> or <see cref="Masked"/>, as the server is configured; 0 from a server without it.
/// </summary>
public sealed record CompliancePointDto(
    DateTimeOffset Start,
    long People,
    long Masked,
    long Unmasked,
    long Unknown,
    double? Compliance,
    long Incorrect = 0);
