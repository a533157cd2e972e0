using System.Globalization;
using CctvMask.Vision.Evaluation;
using Spectre.Console;

namespace CctvMask.Cli.Eval;

/// <summary>Renders an <see cref="EvaluationReport"/> as Spectre tables.</summary>
public static class EvalTable
{
    /// <summary>Writes the summary and the recall-by-size tables.</summary>
    public static void Write(IAnsiConsole console, EvaluationReport r, string detector)
    {
        var table = new Table().Title(Markup.Escape($"eval: {r.Images} images, {r.GroundTruthFaces} faces ({r.IgnoredFaces} ignored) — {detector}"));
        table.AddColumns("metric", "value");
        table.AddRow("face AP50", Pct(r.FaceAp50));
        table.AddRow("mAP50 (with / without)", $"{Pct(r.Map50)}  ({Pct(r.Ap50.WithMask)} / {Pct(r.Ap50.WithoutMask)})");
        if (r.Map50Three is not null)
            table.AddRow("mAP50_3 (3 classes) / AP50 mask_incorrect", $"{Pct(r.Map50Three)} / {Pct(r.Ap50.Incorrect)}");
        table.AddRow("mask accuracy (matched)", Pct(r.MaskAccuracy));
        table.AddRow("classifier recall with / without", $"{Pct(r.Classifier.WithMaskRecall)} / {Pct(r.Classifier.WithoutMaskRecall)}");
        table.AddRow("unknown share (matched)", Pct(r.Classifier.UnknownShare));
        if (r.Classifier.IncorrectRecall is not null)
            table.AddRow("classifier recall mask_incorrect (ignored boxes)", Pct(r.Classifier.IncorrectRecall));
        table.AddRow("face recall IoU 0.5 / 0.3", $"{Pct(r.FaceRecallIou50)} / {Pct(r.FaceRecallIou30)}");
        table.AddRow("face precision IoU 0.5", Pct(r.FacePrecisionIou50));
        table.AddRow("ms / image", r.MsPerImage.ToString("0.0", CultureInfo.InvariantCulture));
        console.Write(table);

        var sizes = new Table().Title("recall by face size (sqrt area, px), IoU 0.3, score ≥ 0.5");
        sizes.AddColumns("size", "faces", "found", "recall");
        foreach (var (bin, s) in r.RecallBySize)
            sizes.AddRow(Markup.Escape(bin), Int(s.GroundTruth), Int(s.Found), Pct(s.Recall));
        console.Write(sizes);

        var confusion = new Table().Title("classifier confusion on matched faces (rows: truth)");
        confusion.AddColumns("truth \\ predicted", "with_mask", "without_mask", "mask_incorrect", "unknown");
        foreach (var (truth, row) in r.Classifier.Confusion)
            confusion.AddRow(truth, Int(row["with_mask"]), Int(row["without_mask"]), Int(row["mask_incorrect"]), Int(row["unknown"]));
        console.Write(confusion);
    }

    private static string Pct(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
