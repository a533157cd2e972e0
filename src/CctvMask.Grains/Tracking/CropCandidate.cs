namespace CctvMask.Grains.Tracking;

/// <summary>A face of this frame that <see cref="JudgementPolicy"/> wants judged, before the frame's crop budget is applied.</summary>
/// <param name="Index">The face's place in the frame's (zone-filtered) faces: detection order, the last tie-break.</param>
/// <param name="Track">The track it was assigned to (its box is this frame's face).</param>
/// <param name="LossRisk">For a track never judged, <see cref="JudgementPolicy.LossRisk"/> of its face in this frame (the
/// budget serves the highest first); unused for a track judged before.</param>
/// <remarks>Small on purpose (16 bytes with the risk beside the index): the selection moves candidates around; the face
/// itself stays in the frame's array.</remarks>
internal readonly record struct CropCandidate(int Index, FaceTrack Track, float LossRisk = 0f);
