namespace CctvMask.Grains.Tracking;

/// <summary>A face of this frame that <see cref="JudgementPolicy"/> wants judged, before the frame's crop budget is applied.</summary>
/// <param name="Index">The face's place in the frame's (zone-filtered) faces: detection order, the last tie-break.</param>
/// <param name="Track">The track it was assigned to (its box is this frame's face).</param>
/// <remarks>Small on purpose (16 bytes): the selection moves candidates around; the face itself stays in the frame's array.</remarks>
internal readonly record struct CropCandidate(int Index, FaceTrack Track);
