namespace CctvMask.Training.Synthesis;

/// <summary>Outcome of a synthesis run.</summary>
public sealed record SynthResult(int Faces, int Written, int NoFace, int TooSmall, int Unreadable, string OutputDir,
    string? ContactSheetPath, IReadOnlyDictionary<string, int> TemplatesUsed);
