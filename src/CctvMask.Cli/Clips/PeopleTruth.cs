using System.Text.Json.Serialization;
using CctvMask.Vision.Evaluation;

namespace CctvMask.Cli.Clips;

/// <summary>
/// Who a clip really shows, in the product's terms: unique people, masked, unmasked (from the ground truth's
/// segments, or from what the caller states for a clip without one).
/// </summary>
/// <param name="Source">Where the truth comes from (the ground-truth file, or "stated").</param>
/// <param name="People">Unique people.</param>
/// <param name="Masked">Masked people.</param>
/// <param name="Unmasked">Unmasked people.</param>
/// <param name="Incorrect">People wearing a mask incorrectly (not assessable; the product has no such class).</param>
/// <param name="Segments">Per segment (empty for a stated truth).</param>
public sealed record PeopleTruth(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("people")] int People,
    [property: JsonPropertyName("masked")] int Masked,
    [property: JsonPropertyName("unmasked")] int Unmasked,
    [property: JsonPropertyName("incorrect")] int Incorrect,
    [property: JsonPropertyName("segments")] IReadOnlyList<SegmentTruth> Segments)
{
    /// <summary>Masked ÷ (masked + unmasked); null when nobody is assessable.</summary>
    [JsonPropertyName("masked_share")]
    public double? MaskedShare => Masked + Unmasked == 0 ? null : (double)Masked / (Masked + Unmasked);

    /// <summary>
    /// The people of every segment that starts at or before <paramref name="lastClipFrame"/> (the last clip
    /// frame analysed); each segment is one image, so its faces are its own people.
    /// </summary>
    public static PeopleTruth From(VideoGroundTruth truth, string source, long lastClipFrame)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var segments = new List<SegmentTruth>();
        foreach (var s in truth.Segments)
        {
            if (s.FirstFrame > lastClipFrame) continue;
            int masked = 0, unmasked = 0, incorrect = 0;
            foreach (var face in s.Faces)
            {
                switch (face.Class)
                {
                    case GroundTruthClass.WithMask: masked++; break;
                    case GroundTruthClass.WithoutMask: unmasked++; break;
                    default: incorrect++; break;
                }
            }
            segments.Add(new SegmentTruth(s.FirstFrame, s.LastFrame, s.Faces.Count, masked, unmasked, incorrect));
        }
        return new PeopleTruth(source, segments.Sum(s => s.People), segments.Sum(s => s.Masked), segments.Sum(s => s.Unmasked),
            segments.Sum(s => s.Incorrect), segments);
    }

    /// <summary>A clip without ground truth: the caller states how many people it shows and how many are masked.</summary>
    public static PeopleTruth Stated(int people, int masked) => new("stated", people, masked, people - masked, 0, []);
}
