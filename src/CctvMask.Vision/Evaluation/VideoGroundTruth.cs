using System.Text.Json;
using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Evaluation;

/// <summary>
/// Ground truth of a video clip as JSON: <c>width</c>, <c>height</c>, <c>fps</c>, <c>frames</c> and
/// <c>segments</c> — runs of frames (<c>first_frame</c>..<c>last_frame</c>, inclusive) showing the same
/// faces, each face a <c>label</c> (VOC class name) and a <c>box</c> [x1, y1, x2, y2] in video pixels.
/// Frames outside every segment have no faces.
/// </summary>
public sealed class VideoGroundTruth
{
    private readonly (int First, int Last, GroundTruthFace[] Faces)[] _segments;

    private VideoGroundTruth(int width, int height, double fps, int frames, (int, int, GroundTruthFace[])[] segments)
    {
        Width = width;
        Height = height;
        Fps = fps;
        Frames = frames;
        _segments = segments;
    }

    /// <summary>Video width in pixels.</summary>
    public int Width { get; }

    /// <summary>Video height in pixels.</summary>
    public int Height { get; }

    /// <summary>Frame rate the frame numbers refer to.</summary>
    public double Fps { get; }

    /// <summary>Frames in the clip.</summary>
    public int Frames { get; }

    /// <summary>The segments in file order.</summary>
    public IReadOnlyList<VideoSegment> Segments => Array.ConvertAll(_segments, s => new VideoSegment(s.First, s.Last, s.Faces));

    /// <summary>Faces of a frame (0-based); empty outside every segment.</summary>
    public IReadOnlyList<GroundTruthFace> FacesAt(long frame)
    {
        foreach (var (first, last, faces) in _segments)
        {
            if (frame >= first && frame <= last)
                return faces;
        }
        return [];
    }

    /// <summary>Reads a ground-truth file; throws <see cref="VocFormatException"/> naming the problem.</summary>
    public static VideoGroundTruth Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VocFormatException($"{path}: cannot read the file ({ex.Message})", ex);
        }
        try
        {
            return Parse(bytes, path);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new VocFormatException($"{path}: not a video ground-truth file ({ex.Message})", ex);
        }
    }

    private static VideoGroundTruth Parse(byte[] json, string source)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        int width = root.GetProperty("width").GetInt32(), height = root.GetProperty("height").GetInt32();
        double fps = root.GetProperty("fps").GetDouble();
        int frames = root.GetProperty("frames").GetInt32();
        if (width <= 0 || height <= 0 || fps <= 0 || frames <= 0)
            throw new VocFormatException($"{source}: width, height, fps and frames must be positive");
        var segments = new List<(int, int, GroundTruthFace[])>();
        foreach (var s in root.GetProperty("segments").EnumerateArray())
        {
            int first = s.GetProperty("first_frame").GetInt32(), last = s.GetProperty("last_frame").GetInt32();
            if (first < 0 || last < first)
                throw new VocFormatException($"{source}: segment frames {first}..{last} are not a valid range");
            var faces = new List<GroundTruthFace>();
            foreach (var f in s.GetProperty("faces").EnumerateArray())
            {
                var name = f.GetProperty("label").GetString() ?? "";
                var cls = VocAnnotationReader.ParseClass(name)
                    ?? throw new VocFormatException($"{source}: unknown class '{name}' (expected with_mask, without_mask, mask_weared_incorrect)");
                var box = f.GetProperty("box");
                if (box.GetArrayLength() != 4)
                    throw new VocFormatException($"{source}: a box must be [x1, y1, x2, y2]");
                float x1 = box[0].GetSingle(), y1 = box[1].GetSingle(), x2 = box[2].GetSingle(), y2 = box[3].GetSingle();
                if (x2 < x1 || y2 < y1)
                    throw new VocFormatException($"{source}: box ({x1},{y1})-({x2},{y2}) has negative size");
                faces.Add(new GroundTruthFace(BoxF.FromCorners(x1, y1, x2, y2), cls));
            }
            segments.Add((first, last, faces.ToArray()));
        }
        return new VideoGroundTruth(width, height, fps, frames, segments.ToArray());
    }
}
