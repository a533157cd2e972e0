namespace CctvMask.Training.Detection;

/// <summary>
/// YuNet's priors for an input size: one per cell per stride, at the cell's top-left corner (x·s, y·s), strides
/// ascending and cells row-major within each — the order of the concatenated cls/obj/bbox/kps outputs.
/// </summary>
public sealed class PriorGrid
{
    public PriorGrid(int width, int height, IReadOnlyList<int> strides)
    {
        ArgumentNullException.ThrowIfNull(strides);
        Width = width;
        Height = height;
        int count = strides.Sum(s => (width / s) * (height / s));
        Column = new float[count];
        Row = new float[count];
        Stride = new float[count];
        int p = 0;
        foreach (var s in strides)
        {
            int cols = width / s, rows = height / s;
            for (int y = 0; y < rows; y++)
            {
                for (int x = 0; x < cols; x++, p++)
                {
                    Column[p] = x;
                    Row[p] = y;
                    Stride[p] = s;
                }
            }
        }
    }

    public int Width { get; }
    public int Height { get; }
    public int Count => Stride.Length;

    /// <summary>Cell column of each prior (the prior's x is Column·Stride).</summary>
    public float[] Column { get; }

    /// <summary>Cell row of each prior.</summary>
    public float[] Row { get; }

    /// <summary>Stride of each prior, pixels.</summary>
    public float[] Stride { get; }

    public float X(int p) => Column[p] * Stride[p];
    public float Y(int p) => Row[p] * Stride[p];
}
