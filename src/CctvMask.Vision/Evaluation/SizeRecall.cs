using System.Text.Json.Serialization;

namespace CctvMask.Vision.Evaluation;

/// <summary>Recall of one face-size bin.</summary>
public sealed record SizeRecall(
    [property: JsonPropertyName("gt")] int GroundTruth,
    [property: JsonPropertyName("found")] int Found,
    [property: JsonPropertyName("recall")] double? Recall);
