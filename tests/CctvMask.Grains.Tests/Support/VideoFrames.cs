using System.Diagnostics;
using System.Text.Json;
using CctvMask.Vision.Geometry;

namespace CctvMask.Grains.Tests.Support;

/// <summary>Decodes chosen frames of a clip with the ffmpeg CLI, and reads the clip's ground truth.</summary>
internal static class VideoFrames
{
    /// <summary>Packed BGR24 frames number <paramref name="indices"/> (ascending) of the clip.</summary>
    public static async Task<byte[][]> ReadAsync(string path, int width, int height, params int[] indices)
    {
        var select = "select=" + string.Join("+", indices.Select(i => $"eq(n\\,{i})"));
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-i", path, "-vf", select, "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "bgr24", "-" })
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var frames = new byte[indices.Length][];
        var stream = process.StandardOutput.BaseStream;
        for (int i = 0; i < frames.Length; i++)
        {
            frames[i] = new byte[width * height * 3];
            await stream.ReadExactlyAsync(frames[i]);
        }
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        return frames;
    }

    /// <summary>Ground-truth face boxes of a frame of a shared clip (from its *.groundtruth.json).</summary>
    public static List<BoxF> GroundTruth(string videoPath, int frameIndex)
    {
        var json = Path.ChangeExtension(videoPath, null) + ".groundtruth.json";
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var boxes = new List<BoxF>();
        foreach (var segment in doc.RootElement.GetProperty("segments").EnumerateArray())
        {
            if (frameIndex < segment.GetProperty("first_frame").GetInt32() || frameIndex > segment.GetProperty("last_frame").GetInt32()) continue;
            foreach (var face in segment.GetProperty("faces").EnumerateArray())
            {
                var b = face.GetProperty("box").EnumerateArray().Select(e => e.GetSingle()).ToArray();
                boxes.Add(BoxF.FromCorners(b[0], b[1], b[2], b[3]));
            }
        }
        return boxes;
    }
}
