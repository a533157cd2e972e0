using CctvMask.Training.Trainer;
using ScottPlot;

namespace CctvMask.Training.Reporting;

/// <summary>plot.png: training vs validation accuracy (left) and loss (right) per epoch.</summary>
public static class TrainingPlot
{
    public static void Save(IReadOnlyList<EpochMetrics> history, string path)
    {
        ArgumentNullException.ThrowIfNull(history);
        double[] epochs = [.. history.Select(h => (double)h.Epoch)];

        var accuracy = new Plot();
        PlotPanels.AddLine(accuracy, epochs, history.Select(h => h.TrainAccuracy), "train", Colors.Blue);
        PlotPanels.AddLine(accuracy, epochs, history.Select(h => h.ValidationAccuracy), "validation", Colors.OrangeRed);
        accuracy.Title("Accuracy");
        accuracy.XLabel("epoch");
        accuracy.YLabel("accuracy");
        accuracy.ShowLegend(Alignment.LowerRight);

        var loss = new Plot();
        PlotPanels.AddLine(loss, epochs, history.Select(h => h.TrainLoss), "train", Colors.Blue);
        PlotPanels.AddLine(loss, epochs, history.Select(h => h.ValidationLoss), "validation", Colors.OrangeRed);
        loss.Title("Loss");
        loss.XLabel("epoch");
        loss.YLabel("cross-entropy");
        loss.ShowLegend(Alignment.UpperRight);

        PlotPanels.SaveSideBySide(accuracy, loss, path);
    }
}
