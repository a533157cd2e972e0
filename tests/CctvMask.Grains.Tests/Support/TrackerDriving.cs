using CctvMask.Grains.Tracking;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;

namespace CctvMask.Grains.Tests.Support;

/// <summary>Feeds labelled faces to a tracker as if phase 2 had judged every face of the frame.</summary>
internal static class TrackerDriving
{
    public static void UpdateJudged(this FaceTracker tracker, params DetectedFace[] faces)
    {
        var raw = Array.ConvertAll(faces, f => new RawFace(f.Box, f.Score, f.Landmarks));
        tracker.Update(raw);
        var assignments = tracker.Assignments;
        for (int i = 0; i < faces.Length; i++)
            assignments[i]?.RecordJudgement(faces[i], [], 0, DateTimeOffset.UnixEpoch);
    }
}
