namespace CctvMask.Grains.Inference;

/// <summary>
/// Makes the face models of one inference lane. Each lane runs its own model sessions, so lanes infer in
/// parallel instead of queueing on one session's lock.
/// </summary>
public interface IFaceModelsFactory
{
    /// <summary>The models for lane <paramref name="lane"/> (0-based); the caller owns (and disposes) what it gets.</summary>
    IFaceModels Create(int lane);
}
