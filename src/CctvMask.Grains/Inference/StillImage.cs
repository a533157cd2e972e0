using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Inference;

/// <summary>
/// One uploaded image waiting for the inference loop (<c>POST /api/detect</c>): it rides in a round beside the
/// cameras' frames, every face is judged (no tracker), and the caller gets the faces. The caller owns the pixels
/// and keeps them alive until <see cref="Done"/> completes, or until <see cref="TryWithdraw"/> succeeds.
/// </summary>
internal sealed class StillImage(BgrFrame frame, int smallFaceLongSide)
{
    private const int Waiting = 0, Taken = 1, Withdrawn = 2;
    private int _state;

    /// <summary>The pixels, owned by the caller.</summary>
    public BgrFrame Frame { get; } = frame;

    /// <summary>Long side of the small-face pass (0 = none).</summary>
    public int SmallFaceLongSide { get; } = smallFaceLongSide;

    /// <summary>Completes with the faces, in detector order, once the round that took the image ends.</summary>
    public TaskCompletionSource<DetectedFace[]> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The loop takes the image for a round; false when the caller withdrew it first.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

    /// <summary>The caller gives up before a round took the image; false when a round already has it.</summary>
    public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting;
}
