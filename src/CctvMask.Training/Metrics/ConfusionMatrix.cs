namespace CctvMask.Training.Metrics;

/// <summary>Counts of (true class, predicted class) pairs; rows are true classes.</summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;

    public ConfusionMatrix(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        _counts = new long[classCount, classCount];
    }

    public int ClassCount => _counts.GetLength(0);

    public long this[int actual, int predicted] => _counts[actual, predicted];

    public long Total { get; private set; }

    public void Add(int actual, int predicted)
    {
        _counts[actual, predicted]++;
        Total++;
    }

    public long Correct
    {
        get
        {
            long sum = 0;
            for (int i = 0; i < ClassCount; i++) sum += _counts[i, i];
            return sum;
        }
    }

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>Rows as jagged arrays (JSON friendly).</summary>
    public long[][] ToRows()
    {
        var rows = new long[ClassCount][];
        for (int i = 0; i < ClassCount; i++)
        {
            rows[i] = new long[ClassCount];
            for (int j = 0; j < ClassCount; j++) rows[i][j] = _counts[i, j];
        }
        return rows;
    }
}
