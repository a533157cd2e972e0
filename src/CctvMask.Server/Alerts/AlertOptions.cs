using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Alerts;

/// <summary>Section "Alerts": evaluation, leadership, delivery scheduling, API bounds.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>Evaluate rules and send deliveries on this server (the API works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between two evaluations of every rule.</summary>
    [Range(0.1, 3600)] public double EvaluationIntervalSeconds { get; set; } = 15;

    /// <summary>How long the database lease that elects the one evaluating/delivering server lasts; renewed every pass.</summary>
    [Range(1, 3600)] public double LeaseSeconds { get; set; } = 45;

    /// <summary>How often the delivery worker looks for due deliveries when nothing woke it.</summary>
    [Range(0.05, 600)] public double DeliveryPollSeconds { get; set; } = 2;

    /// <summary>
    /// At a graceful stop, how long a delivery already under way may take to finish (its answer recorded) before it is
    /// cut off. Cut off mid-send, the receiver may have it while the row stays pending, and the next lease holder sends it
    /// again. Stays under the host's 30 s shutdown timeout.
    /// </summary>
    [Range(0, 20)] public double StopGraceSeconds { get; set; } = 10;

    /// <summary>Deliveries sent per pass of the delivery worker.</summary>
    [Range(1, 10_000)] public int MaxDeliveriesPerPass { get; set; } = 50;

    /// <summary>First wait before a failed delivery (all in-process retries used) is tried again; doubles per failed round.</summary>
    [Range(0.05, 86_400)] public double RedeliveryBaseSeconds { get; set; } = 15;

    /// <summary>Longest wait between two delivery rounds.</summary>
    [Range(0.05, 86_400)] public double RedeliveryMaxSeconds { get; set; } = 300;

    /// <summary>A delivery still failing this many hours after its event is given up (status failed).</summary>
    [Range(0.01, 720)] public double MaxDeliveryAgeHours { get; set; } = 24;

    /// <summary>Alert events (with their deliveries) older than this are deleted.</summary>
    [Range(1, 36_500)] public int EventRetentionDays { get; set; } = 30;

    /// <summary>Most rules stored.</summary>
    [Range(1, 100_000)] public int MaxRules { get; set; } = 500;

    /// <summary>Longest rule window (minutes).</summary>
    [Range(1, 10_080)] public int MaxWindowMinutes { get; set; } = 1440;

    /// <summary>Most rows GET /api/alerts/events and /deliveries return (default page 50).</summary>
    [Range(1, 10_000)] public int MaxListLimit { get; set; } = 500;

    /// <summary>Shortest webhook secret accepted (bytes of UTF-8).</summary>
    [Range(8, 256)] public int MinSecretLength { get; set; } = 16;
}
