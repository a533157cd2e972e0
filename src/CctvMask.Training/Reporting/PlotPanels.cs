using ScottPlot;

namespace CctvMask.Training.Reporting;

/// <summary>What every training plot.png shares: per-epoch lines and two panels side by side.</summary>
public static class PlotPanels
{
    public const int Width = 1200;
    public const int Height = 450;

    /// <summary>One per-epoch line with markers and a legend entry.</summary>
    public static void AddLine(Plot plot, double[] xs, IEnumerable<double> ys, string label, Color color)
    {
        var line = plot.Add.Scatter(xs, ys.ToArray());
        line.LegendText = label;
        line.Color = color;
        line.MarkerSize = 4;
    }

    /// <summary>Saves <paramref name="left"/> and <paramref name="right"/> side by side as one PNG.</summary>
    public static void SaveSideBySide(Plot left, Plot right, string path)
    {
        // Multiplot() starts with an empty subplot of its own; seed it with the first plot instead.
        var multi = new Multiplot(left);
        multi.AddPlot(right);
        multi.Layout = new ScottPlot.MultiplotLayouts.Columns();
        multi.SavePng(path, Width, Height);
    }
}
