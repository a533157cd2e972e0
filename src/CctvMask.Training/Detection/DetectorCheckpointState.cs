using System.Text.Json;
using CctvMask.Training.Reporting;

namespace CctvMask.Training.Detection;

/// <summary>
/// The non-tensor half of a checkpoint (state.json beside weights.bin and optimizer.bin): where training stopped,
/// the seed that, with the epoch, fixes the shuffle and every augmentation, and the history so far.
/// </summary>
public sealed record DetectorCheckpointState(
    int Epoch, int GlobalStep, int Seed, string BaseModelSha256, int BestEpoch, double BestValidationAp50,
    double BaseValidationAp50, double TrainingSeconds, IReadOnlyList<DetectorEpochMetrics> History)
{
    public const string FileName = "state.json";
    public const string WeightsFileName = "weights.bin";
    public const string OptimizerFileName = "optimizer.bin";
    public const string BestWeightsFileName = "best-weights.bin";

    public void Save(string dir)
    {
        // Write-then-rename: a run killed mid-save leaves the previous checkpoint intact.
        var path = Path.Combine(dir, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, TrainingReport.JsonOptions));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static DetectorCheckpointState? Load(string dir)
    {
        var path = Path.Combine(dir, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<DetectorCheckpointState>(File.ReadAllText(path), TrainingReport.JsonOptions) : null;
    }
}
