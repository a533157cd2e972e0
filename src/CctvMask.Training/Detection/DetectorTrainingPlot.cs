using CctvMask.Training.Reporting;
using ScottPlot;

namespace CctvMask.Training.Detection;

/// <summary>plot.png of a detector run: training losses (left) and validation face AP50 (right, epoch 0 = base model).</summary>
public static class DetectorTrainingPlot
{
    public static void Save(IReadOnlyList<DetectorEpochMetrics> history, string path)
    {
        ArgumentNullException.ThrowIfNull(history);
        var trained = history.Where(h => h.Epoch > 0).ToList();
        double[] epochs = [.. trained.Select(h => (double)h.Epoch)];
        var loss = new Plot();
        PlotPanels.AddLine(loss, epochs, trained.Select(h => h.Loss), "total", Colors.Black);
        PlotPanels.AddLine(loss, epochs, trained.Select(h => h.Objectness), "objectness", Colors.Blue);
        PlotPanels.AddLine(loss, epochs, trained.Select(h => h.Class), "class", Colors.Green);
        PlotPanels.AddLine(loss, epochs, trained.Select(h => h.Box), "box (EIoU)", Colors.OrangeRed);
        PlotPanels.AddLine(loss, epochs, trained.Select(h => h.Landmarks), "landmarks", Colors.Purple);
        loss.Title("Training loss (per positive prior, weighted)");
        loss.XLabel("epoch");
        loss.ShowLegend(Alignment.UpperRight);

        var ap = new Plot();
        PlotPanels.AddLine(ap, [.. history.Select(h => (double)h.Epoch)], history.Select(h => h.ValidationAp50 * 100), "validation face AP50", Colors.OrangeRed);
        ap.Title("Validation face AP50 (epoch 0 = published model)");
        ap.XLabel("epoch");
        ap.YLabel("AP50 (%)");
        ap.ShowLegend(Alignment.LowerRight);

        PlotPanels.SaveSideBySide(loss, ap, path);
    }
}
