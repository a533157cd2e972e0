namespace CctvMask.Vision.Detection;

/// <summary>The wire/storage names of <see cref="FaceLabel"/> values.</summary>
public static class FaceLabelNames
{
    /// <summary>"with_mask".</summary>
    public const string WithMask = "with_mask";

    /// <summary>"without_mask".</summary>
    public const string WithoutMask = "without_mask";

    /// <summary>"unknown".</summary>
    public const string Unknown = "unknown";

    /// <summary>"mask_incorrect" (the classifier's class name too).</summary>
    public const string Incorrect = "mask_incorrect";

    /// <summary>The name of a label.</summary>
    public static string ToName(this FaceLabel label) => label switch
    {
        FaceLabel.WithMask => WithMask,
        FaceLabel.WithoutMask => WithoutMask,
        FaceLabel.Incorrect => Incorrect,
        _ => Unknown,
    };

    /// <summary>Parses a name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? name, out FaceLabel label)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case WithMask: label = FaceLabel.WithMask; return true;
            case WithoutMask: label = FaceLabel.WithoutMask; return true;
            case Unknown: label = FaceLabel.Unknown; return true;
            case Incorrect: label = FaceLabel.Incorrect; return true;
            default: label = FaceLabel.Unknown; return false;
        }
    }
}
