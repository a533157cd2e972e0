using System.Text.Json;
using System.Text.Json.Serialization;
using CctvMask.Vision.Detection;

namespace CctvMask.Cli.Detect;

/// <summary>
/// One line of <c>cctvmask detect --json</c> (JSON Lines): one object per image, or per video frame
/// (then <see cref="Frame"/> and <see cref="TimeSeconds"/> are set).
/// </summary>
public sealed record DetectionJson(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("frame"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Frame,
    [property: JsonPropertyName("time_s"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? TimeSeconds,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("faces")] IReadOnlyList<FaceJson> Faces)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>Builds the object for one image or frame.</summary>
    public static DetectionJson Create(string source, long? frame, double? time, int width, int height, ReadOnlySpan<DetectedFace> faces)
    {
        var list = new FaceJson[faces.Length];
        for (int i = 0; i < faces.Length; i++)
            list[i] = FaceJson.From(faces[i]);
        return new DetectionJson(source, frame, time, width, height, list);
    }

    /// <summary>One compact JSON line.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, Compact);
}
