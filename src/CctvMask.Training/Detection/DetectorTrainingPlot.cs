using ScottPlot;

namespace CctvMask.Training.Detection;

/// <summary>plot.png of a detector run: training losses (left) and validation face AP50 (right, epoch 0 = base model).</summary>
public static class DetectorTrainingPlot
{
    public const int Width = 1200;
    public const int Height = 450;

    public static void Save(IReadOnlyList<DetectorEpochMetrics> history, string path)
    {
        ArgumentNullException.ThrowIfNull(history);
        var trained = history.Where(h => h.Epoch > 0).ToList();
        double[] epochs = [.. trained.Select(h => (double)h.Epoch)];
        var loss = new Plot();
        AddLine(loss, epochs, trained.Select(h => h.Loss), "total", Colors.Black);
        AddLine(loss, epochs, trained.Select(h => h.Objectness), "objectness", Colors.Blue);
        AddLine(loss, epochs, trained.Select(h => h.Class), "class", Colors.Green);
        AddLine(loss, epochs, trained.Select(h => h.Box), "box (EIoU)", Colors.OrangeRed);
        AddLine(loss, epochs, trained.Select(h => h.Landmarks), "landmarks", Colors.Purple);
        loss.Title("Training loss (per positive prior, weighted)");
        loss.XLabel("epoch");
        loss.ShowLegend(Alignment.UpperRight);

        var ap = new Plot();
        AddLine(ap, [.. history.Select(h => (double)h.Epoch)], history.Select(h => h.ValidationAp50 * 100), "validation face AP50", Colors.OrangeRed);
        ap.Title("Validation face AP50 (epoch 0 = published model)");
        ap.XLabel("epoch");
        ap.YLabel("AP50 (%)");
        ap.ShowLegend(Alignment.LowerRight);

        // Multiplot() starts with an empty subplot of its own; seed it with the first plot instead.
        var multi = new Multiplot(loss);
        multi.AddPlot(ap);
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
