namespace CctvMask.Training.Data;

/// <summary>What the scan found: counts per class, duplicates removed, conflicting labels, split sizes.</summary>
public sealed record DatasetSummary(
    IReadOnlyList<string> Roots,
    IReadOnlyDictionary<string, int> FilesPerClass,
    int DuplicatesRemoved,
    int ConflictingLabelsRemoved,
    IReadOnlyDictionary<string, int> TrainPerClass,
    IReadOnlyDictionary<string, int> ValidationPerClass,
    int SyntheticInTrain,
    int SyntheticDropped);
