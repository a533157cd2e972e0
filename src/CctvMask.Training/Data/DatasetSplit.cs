namespace CctvMask.Training.Data;

/// <summary>The de-duplicated, stratified train/validation split of the class-folder images.</summary>
public sealed record DatasetSplit(IReadOnlyList<LabeledImage> Train, IReadOnlyList<LabeledImage> Validation, DatasetSummary Summary);
