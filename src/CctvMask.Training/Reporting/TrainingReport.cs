using System.Text.Json;
using System.Text.Json.Serialization;
using CctvMask.Training.Data;
using CctvMask.Training.Evaluation;
using CctvMask.Training.Metrics;
using CctvMask.Training.Trainer;

namespace CctvMask.Training.Reporting;

/// <summary>Everything report.json holds: settings, data, per-epoch history, the final validation report, timing.</summary>
public sealed record TrainingReport(
    TrainingOptions Settings,
    DatasetSummary Dataset,
    CropStatistics Crops,
    int TrainSamples,
    IReadOnlyDictionary<string, int> TrainSamplesPerClass,
    int ValidationSamples,
    IReadOnlyList<EpochMetrics> History,
    ClassificationReport Validation,
    HeldOutReport? HeldOut,
    double TrainingSeconds,
    double MsPerFaceBatch1,
    double MsPerFaceBatch32,
    string ModelPath,
    string GitCommit,
    DateTimeOffset Created)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));
}
