using CctvMask.Vision.FaceDetection;

namespace CctvMask.Grains.Tracking;

/// <summary>A face of this frame that <see cref="JudgementPolicy"/> wants judged, before the frame's crop budget is applied.</summary>
/// <param name="Index">The face's place in the frame's (zone-filtered) faces: detection order, the last tie-break.</param>
/// <param name="Track">The track it was assigned to.</param>
/// <param name="Face">The face in this frame.</param>
internal readonly record struct CropCandidate(int Index, FaceTrack Track, RawFace Face);
