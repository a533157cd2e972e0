using System.Text.Json;
using CctvMask.Training.Reporting;

namespace CctvMask.Training.Detection;

/// <summary>report.json of a detector run: settings, data, per-epoch history, the chosen epoch, timing, provenance.</summary>
public sealed record DetectorTrainingReport(
    DetectorTrainingOptions Settings,
    int TrainPhotos,
    int TrainFaces,
    int ValidationPhotos,
    int ValidationFaces,
    int HeldOutPhotosSkipped,
    IReadOnlyList<DetectorEpochMetrics> History,
    int BestEpoch,
    double BestValidationAp50,
    double BaseValidationAp50,
    double TrainingSeconds,
    string ModelPath,
    string GitCommit,
    DateTimeOffset Created)
{
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, TrainingReport.JsonOptions));
}
