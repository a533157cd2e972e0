using static TorchSharp.torch;

namespace CctvMask.Training.Detection;

/// <summary>One batch's loss: the total to back-propagate and its weighted parts (per positive prior).</summary>
public sealed record DetectionLossResult(Tensor Total, double Objectness, double Class, double Box, double Landmarks, int Positives);
