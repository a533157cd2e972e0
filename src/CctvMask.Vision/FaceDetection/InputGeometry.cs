namespace CctvMask.Vision.FaceDetection;

/// <summary>
/// Where a frame goes in the detector input: resized to ResizedWidth×ResizedHeight, pasted at the
/// top-left of an InputWidth×InputHeight tensor, the rest zero.
/// </summary>
internal readonly record struct InputGeometry(
    int FrameWidth, int FrameHeight, int ResizedWidth, int ResizedHeight, int InputWidth, int InputHeight)
{
    /// <summary>Largest stride of the model: dynamic inputs are padded to multiples of it.</summary>
    public const int Alignment = 32;

    /// <summary>Side of the square <see cref="InputSizePolicy.Fixed640"/> letterbox.</summary>
    public const int FixedSide = 640;

    public float ScaleX => (float)ResizedWidth / FrameWidth;

    public float ScaleY => (float)ResizedHeight / FrameHeight;

    public int PlaneLength => InputWidth * InputHeight;

    /// <summary>
    /// Plans the input for a frame. <paramref name="modelWidth"/>/<paramref name="modelHeight"/> are the
    /// fixed model dimensions, or 0 for a dynamic model.
    /// </summary>
    public static InputGeometry Plan(int width, int height, InputSizePolicy policy, int longSide, int modelWidth, int modelHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        float longer = Math.Max(width, height);
        float scale = policy switch
        {
            InputSizePolicy.Native => 1f,
            InputSizePolicy.LongSide => longSide / longer,
            InputSizePolicy.AtLeastLongSide => MathF.Max(1f, longSide / longer),
            InputSizePolicy.Fixed640 => MathF.Min((float)FixedSide / width, (float)FixedSide / height),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
        };
        bool isFixed = modelWidth > 0 && modelHeight > 0;
        if (isFixed)
            scale = MathF.Min(scale, MathF.Min((float)modelWidth / width, (float)modelHeight / height));

        int rw = Math.Max(1, (int)MathF.Round(width * scale));
        int rh = Math.Max(1, (int)MathF.Round(height * scale));
        if (isFixed)
            return new InputGeometry(width, height, Math.Min(rw, modelWidth), Math.Min(rh, modelHeight), modelWidth, modelHeight);
        return new InputGeometry(width, height, rw, rh, AlignUp(rw), AlignUp(rh));
    }

    private static int AlignUp(int v) => (v + Alignment - 1) / Alignment * Alignment;
}
