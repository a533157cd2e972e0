namespace CctvMask.Training.Data;

/// <summary>One image file of a class folder, identified by its content hash.</summary>
/// <param name="Group">Split unit: the content hash, or for a synthesized image the hash of the face it was made from.</param>
public sealed record LabeledImage(string Path, int ClassIndex, string Hash, string Group, bool IsSynthetic);
