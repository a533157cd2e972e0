using CctvMask.Cli.Clips;
using CctvMask.Grains.Inference;
using CctvMask.Video.Sources;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Evaluation;

namespace CctvMask.Cli.Eval;

/// <summary>
/// <c>cctvmask eval --video</c>'s track-level figures: the clip sampled as a camera with the server's defaults
/// samples it, run through the production camera path twice — track-aware phase 2 and per-frame
/// classification — each with a fresh tracker, counted as the product counts (people per minute bucket).
/// </summary>
public static class TrackEvaluation
{
    /// <summary>Where the truth comes from and how far the clip is read.</summary>
    /// <param name="GroundTruth">The clip's ground truth (null when stated).</param>
    /// <param name="GroundTruthPath">Its file, for the report.</param>
    /// <param name="StatedPeople">People the clip shows, when there is no ground truth.</param>
    /// <param name="StatedMasked">Masked people it shows, when there is no ground truth.</param>
    /// <param name="LimitClipFrames">Only the first N frames of the clip (at the ground truth's rate).</param>
    public sealed record Truth(VideoGroundTruth? GroundTruth, string? GroundTruthPath, int StatedPeople, int StatedMasked, int? LimitClipFrames);

    /// <summary>Decodes the clip at <paramref name="fps"/> and <paramref name="size"/>, then runs both modes.</summary>
    public static async Task<TrackReport> RunAsync(TwoPhaseDetector detector, string video, Truth truth, double fps, AnalysisSize size,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(truth);
        int? maxFrames = truth is { GroundTruth: { } gt, LimitClipFrames: { } limit } ? (int)Math.Ceiling(limit * fps / gt.Fps) : null;
        var frames = await ClipFrames.DecodeAsync(video, fps, size, maxFrames, ct).ConfigureAwait(false);
        var people = truth.GroundTruth is { } g
            ? PeopleTruth.From(g, Path.GetFileName(truth.GroundTruthPath ?? video), frames.ClipFrameOf(frames.Count - 1, g.Fps))
            : PeopleTruth.Stated(truth.StatedPeople, truth.StatedMasked);
        using var models = new TwoPhaseFaceModels(detector);
        int smallFace = detector.Options.Detector.ZoomLongSide;
        var trackAwarePeople = new List<TrackedPerson>();
        var perFramePeople = new List<TrackedPerson>();
        var trackAware = Run(models, frames, JudgementMode.TrackAware, smallFace, ct, trackAwarePeople);
        var perFrame = Run(models, frames, JudgementMode.EveryFrame, smallFace, ct, perFramePeople);
        var matcher = truth.GroundTruth is { } t
            ? new PersonMatcher(t, f => frames.ClipFrameOf((int)f, t.Fps), frames.Size.Width, frames.Size.Height)
            : null;
        return new TrackReport(frames.Describe(), Detect.DetectorSettings.Describe(detector.Options), people, trackAware, perFrame,
            matcher is null ? null : PeopleAccuracy.Of(trackAwarePeople, matcher),
            matcher is null ? null : PeopleAccuracy.Of(perFramePeople, matcher),
            Differences(trackAwarePeople, perFramePeople, matcher));
    }

    /// <summary>
    /// The people the two runs gave different verdicts, by track id, in id order. The runs track identically (phase 2
    /// does not steer the tracker), so a person missing from one run is a bug, reported rather than skipped.
    /// </summary>
    public static IReadOnlyList<PersonDifference> Differences(IReadOnlyList<TrackedPerson> trackAware, IReadOnlyList<TrackedPerson> perFrame,
        PersonMatcher? matcher)
    {
        ArgumentNullException.ThrowIfNull(trackAware);
        ArgumentNullException.ThrowIfNull(perFrame);
        var byId = perFrame.ToDictionary(p => p.Id);
        if (byId.Count != trackAware.Count || trackAware.Any(p => !byId.ContainsKey(p.Id)))
            throw new InvalidOperationException($"The two runs tracked differently ({trackAware.Count} and {perFrame.Count} people): phase 2 must not steer tracking.");
        var differences = new List<PersonDifference>();
        foreach (var a in trackAware.OrderBy(p => p.Id))
        {
            var b = byId[a.Id];
            if (a.Verdict == b.Verdict) continue;
            string? label = matcher?.Match(a) is { } m ? m.Class.ToName() : null;
            differences.Add(new PersonDifference(a.Id, label, a, b));
        }
        return differences;
    }

    /// <summary>
    /// Every frame, in order, through a fresh camera; the counts once it has stopped, and every person counted added
    /// to <paramref name="people"/> when given.
    /// </summary>
    public static ClipCounts Run(IFaceModels models, ClipFrames frames, JudgementMode mode, int smallFaceLongSide, CancellationToken ct,
        List<TrackedPerson>? people = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var camera = new ClipCamera(models, mode, frames.Size, frames.DetectFps, smallFaceLongSide, recordPeople: people is not null);
        for (int i = 0; i < frames.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            camera.Step(frames[i]);
        }
        var counts = camera.Finish();
        people?.AddRange(camera.People);
        return counts;
    }
}
