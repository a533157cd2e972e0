using CctvMask.Grains.Tracking;
using CctvMask.Vision.FaceDetection;

namespace CctvMask.Grains.Inference;

/// <summary>A tracked face phase 2 should judge this round: which frame of the round, whose track, which face.</summary>
/// <param name="Frame">Index of the frame in the round.</param>
/// <param name="Track">The track that asked.</param>
/// <param name="Face">The face in that frame.</param>
public readonly record struct CropRequest(int Frame, FaceTrack Track, RawFace Face);
