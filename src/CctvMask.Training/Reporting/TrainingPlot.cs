using CctvMask.Training.Trainer;
using ScottPlot;

namespace CctvMask.Training.Reporting;

/// <summary>plot.png: training vs validation accuracy (left) and loss (right) per epoch.</summary>
public static class TrainingPlot
{
    public const int Width = 1200;
    public const int Height = 450;

    public static void Save(IReadOnlyList<EpochMetrics> history, string path)
    {
        ArgumentNullException.ThrowIfNull(history);
        double[] epochs = [.. history.Select(h => (double)h.Epoch)];

        var accuracy = new Plot();
        AddLine(accuracy, epochs, history.Select(h => h.TrainAccuracy), "train", Colors.Blue);
        AddLine(accuracy, epochs, history.Select(h => h.ValidationAccuracy), "validation", Colors.OrangeRed);
        accuracy.Title("Accuracy");
        accuracy.XLabel("epoch");
        accuracy.YLabel("accuracy");
        accuracy.ShowLegend(Alignment.LowerRight);

        var loss = new Plot();
        AddLine(loss, epochs, history.Select(h => h.TrainLoss), "train", Colors.Blue);
        AddLine(loss, epochs, history.Select(h => h.ValidationLoss), "validation", Colors.OrangeRed);
        loss.Title("Loss");
        loss.XLabel("epoch");
        loss.YLabel("cross-entropy");
        loss.ShowLegend(Alignment.UpperRight);

        // Multiplot() starts with an empty subplot of its own; seed it with the first plot instead.
        var multi = new Multiplot(accuracy);
        multi.AddPlot(loss);
        multi.Layout = new ScottPlot.MultiplotLayouts.Columns();
        multi.SavePng(path, Width, Height);
    }

    private static void AddLine(Plot plot, double[] xs, IEnumerable<double> ys, string label, Color color)
    {
        var line = plot.Add.Scatter(xs, ys.ToArray());
        line.LegendText = label;
        line.Color = color;
        line.MarkerSize = 4;
    }
}
