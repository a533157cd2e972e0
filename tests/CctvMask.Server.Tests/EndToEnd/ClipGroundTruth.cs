using System.Text.Json;

namespace CctvMask.Server.Tests.EndToEnd;

/// <summary>
/// A clip's ground truth (../shared/videos/*.groundtruth.json: segments of frames showing one
/// photo, with every face's label) and what a camera analysing it at some fps was shown.
/// </summary>
public sealed class ClipGroundTruth
{
    private readonly Segment[] _segments;

    private ClipGroundTruth(int frames, double fps, Segment[] segments)
    {
        Frames = frames;
        Fps = fps;
        _segments = segments;
    }

    public int Frames { get; }

    public double Fps { get; }

    public static ClipGroundTruth Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        var segments = root.GetProperty("segments").EnumerateArray().Select(s =>
        {
            var labels = s.GetProperty("faces").EnumerateArray().Select(f => f.GetProperty("label").GetString()!).ToArray();
            return new Segment(
                s.GetProperty("first_frame").GetInt32(), s.GetProperty("last_frame").GetInt32(),
                labels.Count(l => l == "with_mask"), labels.Count(l => l != "with_mask"), labels.Length);
        }).ToArray();
        return new ClipGroundTruth(root.GetProperty("frames").GetInt32(), root.GetProperty("fps").GetDouble(), segments);
    }

    /// <summary>
    /// People (and their labels) shown to a camera that analysed <paramref name="analysedFrames"/>
    /// frames at <paramref name="detectFps"/> from the clip's start (the clip loops). A segment
    /// occurrence seen in at least <paramref name="minFrames"/> analysed frames counts.
    /// </summary>
    public Shown PeopleShown(long analysedFrames, double detectFps, int minFrames)
    {
        var seen = new Dictionary<(long Loop, int Segment), int>();
        for (long k = 0; k < analysedFrames; k++)
        {
            var clipFrame = (long)Math.Floor(k * Fps / detectFps);
            var loop = clipFrame / Frames;
            var frame = (int)(clipFrame % Frames);
            var s = Array.FindIndex(_segments, x => frame >= x.First && frame <= x.Last);
            if (s >= 0) seen[(loop, s)] = seen.GetValueOrDefault((loop, s)) + 1;
        }
        long people = 0, masked = 0, unmasked = 0;
        foreach (var ((_, s), count) in seen)
        {
            if (count < minFrames) continue;
            people += _segments[s].Faces;
            masked += _segments[s].Masked;
            unmasked += _segments[s].Unmasked;
        }
        return new Shown(people, masked, unmasked);
    }

    public sealed record Shown(long People, long Masked, long Unmasked)
    {
        public double Compliance => (double)Masked / (Masked + Unmasked);
    }

    private sealed record Segment(int First, int Last, int Masked, int Unmasked, int Faces);
}
