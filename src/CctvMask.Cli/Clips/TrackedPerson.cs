using System.Text.Json.Serialization;
using CctvMask.Grains.Tracking;
using CctvMask.Vision.Geometry;

namespace CctvMask.Cli.Clips;

/// <summary>
/// One person a clip run counted (a confirmed track once it ended): where it was last seen and the votes its verdict
/// rests on, so a clip evaluation can match it to the ground truth and compare the two judgement modes person by person.
/// </summary>
/// <param name="Id">Track id (the same person has the same id in both modes: tracking does not depend on phase 2).</param>
/// <param name="FirstFrame">First analysed frame it was detected in.</param>
/// <param name="LastFrame">Last analysed frame it was detected in.</param>
/// <param name="LastBox">Its box there (analysed-frame pixels).</param>
/// <param name="Masked">Judgements voting with_mask.</param>
/// <param name="Unmasked">Judgements voting without_mask.</param>
/// <param name="Incorrect">Judgements voting mask_incorrect.</param>
/// <param name="Undecided">Judgements the classifier could not decide.</param>
/// <param name="Verdict">The verdict counted.</param>
public readonly record struct TrackedPerson(
    [property: JsonPropertyName("track")] long Id,
    [property: JsonPropertyName("first_frame")] long FirstFrame,
    [property: JsonPropertyName("last_frame")] long LastFrame,
    [property: JsonIgnore] BoxF LastBox,
    [property: JsonPropertyName("masked_votes")] int Masked,
    [property: JsonPropertyName("unmasked_votes")] int Unmasked,
    [property: JsonPropertyName("incorrect_votes")] int Incorrect,
    [property: JsonPropertyName("undecided_votes")] int Undecided,
    [property: JsonPropertyName("verdict"), JsonConverter(typeof(JsonStringEnumConverter<MaskVerdict>))] MaskVerdict Verdict)
{
    /// <summary>The person as the track ended.</summary>
    public static TrackedPerson Of(FaceTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        return new TrackedPerson(track.Id, track.FirstFrame, track.LastSeenFrame, track.Box, track.MaskedVotes, track.UnmaskedVotes,
            track.IncorrectVotes, track.UnknownVotes, track.Verdict);
    }
}
