namespace CctvMask.Server.Telemetry;

/// <summary>Log output switches (section "Logging").</summary>
public sealed class LoggingOptions
{
    public const string SectionName = "Logging";

    /// <summary>Compact JSON lines instead of text; null = JSON in Production only.</summary>
    public bool? Json { get; set; }
}
