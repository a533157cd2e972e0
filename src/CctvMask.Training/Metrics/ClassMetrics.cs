namespace CctvMask.Training.Metrics;

/// <summary>Precision, recall, F1 and support of one class (or an average over classes).</summary>
public sealed record ClassMetrics(string Name, double Precision, double Recall, double F1, long Support);
