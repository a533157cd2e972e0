namespace CctvMask.Storage.Violations;

/// <summary>A face rectangle in pixels of the analysed frame.</summary>
public readonly record struct FaceBox(int X, int Y, int Width, int Height);
