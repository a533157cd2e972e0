using System.Globalization;
using CctvMask.Cli.Clips;
using Spectre.Console;

namespace CctvMask.Cli.Eval;

/// <summary>Renders a <see cref="TrackReport"/>: truth, track-aware and per-frame side by side.</summary>
public static class TrackTable
{
    /// <summary>Writes the table.</summary>
    public static void Write(IAnsiConsole console, TrackReport r)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(r);
        var table = new Table().Title(Markup.Escape($"track-level: {r.Clip} — {r.Detector}"));
        table.AddColumns("figure", $"truth ({r.Truth.Source})", "track-aware", "per-frame");
        var t = r.Truth;
        table.AddRow("people", Int(t.People), Int(r.TrackAware.People), Int(r.PerFrame.People));
        table.AddRow("masked", Int(t.Masked), Int(r.TrackAware.Masked), Int(r.PerFrame.Masked));
        table.AddRow("unmasked", Int(t.Unmasked), Int(r.TrackAware.Unmasked), Int(r.PerFrame.Unmasked));
        table.AddRow("no verdict (truth: mask worn incorrectly)", Int(t.Incorrect), Int(r.TrackAware.Unknown), Int(r.PerFrame.Unknown));
        table.AddRow("masked share (masked ÷ assessable)", Share(t.MaskedShare), Share(r.TrackAware.MaskedShare), Share(r.PerFrame.MaskedShare));
        table.AddRow("violations raised", "-", Int(r.TrackAware.Violations), Int(r.PerFrame.Violations));
        table.AddRow("frames analysed", "-", Int(r.TrackAware.Frames), Int(r.PerFrame.Frames));
        table.AddRow("faces (phase 1)", "-", Int(r.TrackAware.Faces), Int(r.PerFrame.Faces));
        table.AddRow("phase-2 crops", "-", Int(r.TrackAware.Crops), Int(r.PerFrame.Crops));
        table.AddRow("phase-2 crops per analysed frame", "-", Dec(r.TrackAware.CropsPerFrame), Dec(r.PerFrame.CropsPerFrame));
        if (r.TrackAwarePeople is { } a && r.PerFramePeople is { } p)
        {
            table.AddRow("people judged right (matched to their truth face)", "-", Int(a.Right), Int(p.Right));
            table.AddRow("people judged wrong", "-", Int(a.Wrong), Int(p.Wrong));
            table.AddRow("people matched, no verdict", "-", Int(a.NoVerdict), Int(p.NoVerdict));
            table.AddRow("people matching no truth face", "-", Int(a.NoTruthFace), Int(p.NoTruthFace));
            table.AddRow("truth people found / counted twice", Int(t.People), $"{Int(a.TruthPeopleFound)} / {Int(a.CountedTwice)}",
                $"{Int(p.TruthPeopleFound)} / {Int(p.CountedTwice)}");
        }
        console.Write(table);
        WriteDifferences(console, r.Differences);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per-frame ÷ track-aware crops: {(r.CropsRatio is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")}"));
        if (t.Segments.Count > 0)
        {
            var segments = new Table().Title("truth per segment (one image each: its faces are its people)");
            segments.AddColumns("frames", "people", "masked", "unmasked", "incorrect");
            foreach (var s in t.Segments)
                segments.AddRow($"{Int(s.FirstFrame)}–{Int(s.LastFrame)}", Int(s.People), Int(s.Masked), Int(s.Unmasked), Int(s.Incorrect));
            console.Write(segments);
        }
    }

    // The people the modes disagree on, with the votes (with / without / incorrect / undecided) behind each verdict.
    private static void WriteDifferences(IAnsiConsole console, IReadOnlyList<PersonDifference> differences)
    {
        if (differences.Count == 0)
        {
            console.WriteLine("track-aware and per-frame gave every person the same verdict");
            return;
        }
        var table = new Table().Title("people the two modes judged differently (votes: with / without / incorrect / undecided)");
        table.AddColumns("track", "analysed frames", "truth", "track-aware", "per-frame");
        foreach (var d in differences.Take(MaxDifferenceRows))
            table.AddRow(Int(d.Track), $"{Int(d.TrackAware.FirstFrame)}–{Int(d.TrackAware.LastFrame)}", d.Truth ?? "-", Votes(d.TrackAware), Votes(d.PerFrame));
        console.Write(table);
        if (differences.Count > MaxDifferenceRows)
            console.WriteLine($"… and {Int(differences.Count - MaxDifferenceRows)} more (all in --json)");
    }

    private const int MaxDifferenceRows = 20;

    private static string Votes(TrackedPerson p) =>
        $"{p.Verdict} ({Int(p.Masked)} / {Int(p.Unmasked)} / {Int(p.Incorrect)} / {Int(p.Undecided)})";

    private static string Share(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Dec(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
