using System.Text.Json.Serialization;
using CctvMask.Vision.Detection;

namespace CctvMask.Cli.Detect;

/// <summary>One face in <c>cctvmask detect --json</c> output.</summary>
public sealed record FaceJson(
    [property: JsonPropertyName("box")] BoxJson Box,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("mask_probability")] double? MaskProbability,
    [property: JsonPropertyName("landmarks")] double[][] Landmarks,
    [property: JsonPropertyName("incorrect_probability"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? IncorrectProbability = null)
{
    /// <summary>Converts a detected face (coordinates rounded to 0.1 px, probabilities to 4 decimals).</summary>
    public static FaceJson From(in DetectedFace face)
    {
        var marks = new double[Vision.Geometry.Landmarks.Count][];
        for (int i = 0; i < marks.Length; i++)
            marks[i] = [Math.Round(face.Landmarks[i].X, 1), Math.Round(face.Landmarks[i].Y, 1)];
        return new FaceJson(
            new BoxJson(Math.Round(face.Box.X, 1), Math.Round(face.Box.Y, 1), Math.Round(face.Box.Width, 1), Math.Round(face.Box.Height, 1)),
            Math.Round(face.Score, 4),
            face.Label.ToName(),
            float.IsFinite(face.MaskProbability) ? Math.Round(face.MaskProbability, 4) : null,
            marks,
            float.IsFinite(face.IncorrectProbability) ? Math.Round(face.IncorrectProbability, 4) : null);
    }
}

/// <summary>A box in pixels, top-left origin.</summary>
public sealed record BoxJson(
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("width")] double Width,
    [property: JsonPropertyName("height")] double Height);
