using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Violations;
using CctvMask.Testing;
using CctvMask.Vision.Geometry;
using Xunit.Abstractions;

namespace CctvMask.Grains.Tests.Violations;

/// <summary>
/// How many violation records one real unmasked person produces on the shared clips, through the real
/// models and pipeline at the server's default 5 fps and 640×360: without re-identification (the tracker's
/// fragments each raise) and with it (the default). Writes the figures to the test output.
/// </summary>
public sealed class ViolationsPerPersonTests(ITestOutputHelper output)
{
    private const double Fps = 5;
    private const int CrowdLoops = 4;
    private static readonly ViolationOptions Before = new() { ReidentifySeconds = 0 };

    [Fact]
    public async Task Crowd_clip_looping_gives_about_one_violation_per_unmasked_person_per_cooldown()
    {
        var clip = TestEnvironment.Shared("videos", "crowd_640x360_10fps.mp4");
        var before = Count(clip, await ClipRun.RunAsync(clip, 640, 360, Fps, CrowdLoops, Before));
        var after = Count(clip, await ClipRun.RunAsync(clip, 640, 360, Fps, CrowdLoops, new ViolationOptions()));
        output.WriteLine($"crowd x{CrowdLoops} ({CrowdLoops * 16} s, {Fps} fps), before: {before}");
        output.WriteLine($"crowd x{CrowdLoops} ({CrowdLoops * 16} s, {Fps} fps), after:  {after}");
        Assert.True(after.People > 0);
        Assert.True(after.PerPerson < before.PerPerson, "re-identification must reduce violations per person");
        Assert.InRange(after.PerPerson, 1.0, 1.5);
    }

    [Fact]
    public async Task Street_clip_gives_about_one_violation_per_unmasked_person()
    {
        var clip = TestEnvironment.Shared("videos", "street_2_masked_people_1366x768.mp4");
        var before = await ClipRun.RunAsync(clip, 640, 360, Fps, 1, Before);
        var after = await ClipRun.RunAsync(clip, 640, 360, Fps, 1, new ViolationOptions());
        foreach (var (name, sink) in new[] { ("before", before), ("after", after) })
        {
            output.WriteLine($"street (6.6 s, {Fps} fps), {name}: {sink.Violations.Count} violations");
            foreach (var v in sink.Violations)
                output.WriteLine($"  {(v.OccurredAt - ClipRun.Start).TotalSeconds:0.0} s track {v.TrackId} box {v.FaceBox.X:0},{v.FaceBox.Y:0} {v.FaceBox.Width:0}x{v.FaceBox.Height:0} p {v.Confidence:0.00}");
        }
        Assert.True(after.Violations.Count <= before.Violations.Count);
    }

    // Names each violation's person from the clip's ground truth: (segment image, face index) at its frame.
    private static Figures Count(string clip, MemorySink sink)
    {
        var people = new Dictionary<string, int>();
        int unmatched = 0;
        foreach (var v in sink.Violations)
        {
            int frame = (int)Math.Round((v.OccurredAt - ClipRun.Start).TotalSeconds % 16 * 10) % 160;
            var truth = VideoFrames.GroundTruth(clip, frame);
            int best = -1;
            float bestIoU = 0.1f;
            for (int i = 0; i < truth.Count; i++)
            {
                float iou = BoxF.IoU(truth[i], v.FaceBox);
                if (iou > bestIoU) (best, bestIoU) = (i, iou);
            }
            if (best < 0) { unmatched++; continue; }
            var key = $"{frame / 20}:{best}";
            people[key] = people.GetValueOrDefault(key) + 1;
        }
        return new Figures(sink.Violations.Count, people.Count, people.Count == 0 ? 0 : (double)people.Values.Sum() / people.Count,
            people.Values.DefaultIfEmpty().Max(), unmatched);
    }

    private sealed record Figures(int Violations, int People, double PerPerson, int MaxPerPerson, int OnNoTruthFace)
    {
        public override string ToString() =>
            FormattableString.Invariant($"{Violations} violations, {People} distinct people, {PerPerson:0.00} per person (max {MaxPerPerson}), {OnNoTruthFace} on no ground-truth face");
    }
}
