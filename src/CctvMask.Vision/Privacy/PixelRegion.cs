namespace CctvMask.Vision.Privacy;

/// <summary>An integer pixel rectangle, [Left, Right) × [Top, Bottom).</summary>
public readonly record struct PixelRegion(int Left, int Top, int Right, int Bottom);
