using System.Globalization;
using System.Text;

namespace CctvMask.Training.Metrics;

/// <summary>
/// The seed project's classification report (scikit-learn layout): per-class precision, recall, F1 and
/// support, accuracy, macro and weighted averages.
/// </summary>
public sealed class ClassificationReport
{
    private ClassificationReport(IReadOnlyList<ClassMetrics> classes, double accuracy, long total,
        ClassMetrics macro, ClassMetrics weighted, long[][] confusion)
    {
        Classes = classes;
        Accuracy = accuracy;
        Total = total;
        MacroAverage = macro;
        WeightedAverage = weighted;
        Confusion = confusion;
    }

    public IReadOnlyList<ClassMetrics> Classes { get; }
    public double Accuracy { get; }
    public long Total { get; }
    public ClassMetrics MacroAverage { get; }
    public ClassMetrics WeightedAverage { get; }

    /// <summary>Confusion matrix rows (true class) × columns (predicted class).</summary>
    public long[][] Confusion { get; }

    public static ClassificationReport From(ConfusionMatrix matrix, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count != matrix.ClassCount)
            throw new ArgumentException($"{classNames.Count} class names for a {matrix.ClassCount}-class matrix.", nameof(classNames));

        var perClass = new List<ClassMetrics>();
        for (int c = 0; c < matrix.ClassCount; c++)
        {
            long tp = matrix[c, c], predicted = 0, actual = 0;
            for (int k = 0; k < matrix.ClassCount; k++)
            {
                predicted += matrix[k, c];
                actual += matrix[c, k];
            }
            double precision = predicted == 0 ? 0 : (double)tp / predicted;
            double recall = actual == 0 ? 0 : (double)tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(classNames[c], precision, recall, f1, actual));
        }
        long total = matrix.Total;
        var macro = new ClassMetrics("macro avg", perClass.Average(m => m.Precision), perClass.Average(m => m.Recall),
            perClass.Average(m => m.F1), total);
        double W(Func<ClassMetrics, double> f) => total == 0 ? 0 : perClass.Sum(m => f(m) * m.Support) / total;
        var weighted = new ClassMetrics("weighted avg", W(m => m.Precision), W(m => m.Recall), W(m => m.F1), total);
        return new ClassificationReport(perClass, matrix.Accuracy, total, macro, weighted, matrix.ToRows());
    }

    public ClassMetrics this[string className] =>
        Classes.FirstOrDefault(c => c.Name == className) ?? throw new KeyNotFoundException(className);

    /// <summary>Text table as scikit-learn prints it.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        int width = Math.Max(12, Classes.Max(c => c.Name.Length));
        var sb = new StringBuilder();
        sb.Append(' ', width).AppendLine("  precision    recall  f1-score   support").AppendLine();
        void Row(ClassMetrics m) => sb.Append(m.Name.PadLeft(width))
            .Append(inv, $"{m.Precision,11:F2}{m.Recall,10:F2}{m.F1,10:F2}{m.Support,10}").AppendLine();
        foreach (var c in Classes) Row(c);
        sb.AppendLine();
        sb.Append("accuracy".PadLeft(width)).Append(inv, $"{"",11}{"",10}{Accuracy,10:F2}{Total,10}").AppendLine();
        Row(MacroAverage);
        Row(WeightedAverage);
        return sb.ToString();
    }
}
