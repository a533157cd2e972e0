using System.Text.Json.Serialization;

namespace CctvMask.Cli.Clips;

/// <summary>
/// Track-level accuracy person by person: each counted person matched to the ground-truth face they are
/// (<see cref="PersonMatcher"/>) and their verdict checked against its class. Unlike the masked share, a wrong verdict
/// cannot hide behind another wrong one the other way.
/// </summary>
/// <param name="Right">People whose verdict is their face's class.</param>
/// <param name="Wrong">People with another verdict.</param>
/// <param name="NoVerdict">Matched people counted without a verdict.</param>
/// <param name="NoTruthFace">Counted people matching no ground-truth face.</param>
/// <param name="TruthPeopleFound">Ground-truth faces matched by at least one counted person.</param>
/// <param name="CountedTwice">Counted people matching a face another counted person already matched (a track broken in two).</param>
public sealed record PeopleAccuracy(
    [property: JsonPropertyName("right")] int Right,
    [property: JsonPropertyName("wrong")] int Wrong,
    [property: JsonPropertyName("no_verdict")] int NoVerdict,
    [property: JsonPropertyName("no_truth_face")] int NoTruthFace,
    [property: JsonPropertyName("truth_people_found")] int TruthPeopleFound,
    [property: JsonPropertyName("counted_twice")] int CountedTwice)
{
    /// <summary>Scores every counted person of one run.</summary>
    public static PeopleAccuracy Of(IReadOnlyList<TrackedPerson> people, PersonMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(matcher);
        int right = 0, wrong = 0, noVerdict = 0, noTruth = 0;
        var found = new HashSet<(int, int)>();
        foreach (var person in people)
        {
            var match = matcher.Match(person);
            if (match is { } m) found.Add((m.Segment, m.Face));
            switch (PersonMatcher.OutcomeOf(person, match))
            {
                case PersonOutcome.Right: right++; break;
                case PersonOutcome.Wrong: wrong++; break;
                case PersonOutcome.NoVerdict: noVerdict++; break;
                default: noTruth++; break;
            }
        }
        return new PeopleAccuracy(right, wrong, noVerdict, noTruth, found.Count, people.Count - noTruth - found.Count);
    }
}
