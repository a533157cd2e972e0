using System.Drawing;

namespace CctvMask.Training.Synthesis;

/// <summary>3×3 projective transform fitted by least squares (normalised DLT with h33 = 1).</summary>
internal readonly struct Homography
{
    private readonly double[] _h;

    private Homography(double[] h) => _h = h;

    public PointF Map(float x, float y)
    {
        double w = _h[6] * x + _h[7] * y + _h[8];
        return new PointF((float)((_h[0] * x + _h[1] * y + _h[2]) / w), (float)((_h[3] * x + _h[4] * y + _h[5]) / w));
    }

    /// <summary>Fits the transform mapping <paramref name="from"/>[i] to <paramref name="to"/>[i] (at least 4 points).</summary>
    public static Homography Fit(IReadOnlyList<PointF> from, IReadOnlyList<PointF> to)
    {
        if (from.Count != to.Count || from.Count < 4) throw new ArgumentException("Need at least 4 point pairs.");
        var (t1, n1) = Normalise(from);
        var (t2, n2) = Normalise(to);
        var ata = new double[8, 8];
        var atb = new double[8];
        Span<double> row = stackalloc double[8];
        for (int i = 0; i < n1.Length; i++)
        {
            double x = n1[i].X, y = n1[i].Y, u = n2[i].X, v = n2[i].Y;
            Accumulate([x, y, 1, 0, 0, 0, -x * u, -y * u], u, ata, atb);
            Accumulate([0, 0, 0, x, y, 1, -x * v, -y * v], v, ata, atb);
        }
        var h = Solve(ata, atb);
        double[] hn = [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1];
        // H = T2⁻¹ · Hn · T1
        var result = Multiply(Inverse(t2), Multiply(hn, t1));
        return new Homography(result);
    }

    private static void Accumulate(ReadOnlySpan<double> a, double b, double[,] ata, double[] atb)
    {
        for (int r = 0; r < 8; r++)
        {
            atb[r] += a[r] * b;
            for (int c = 0; c < 8; c++) ata[r, c] += a[r] * a[c];
        }
    }

    private static double[] Solve(double[,] m, double[] rhs)
    {
        int n = rhs.Length;
        var a = (double[,])m.Clone();
        var b = (double[])rhs.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            if (Math.Abs(a[pivot, col]) < 1e-12) throw new ArgumentException("Degenerate point configuration.");
            for (int c = 0; c < n; c++) (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (int r = 0; r < n; r++)
            {
                if (r == col) continue;
                double f = a[r, col] / a[col, col];
                for (int c = col; c < n; c++) a[r, c] -= f * a[col, c];
                b[r] -= f * b[col];
            }
        }
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = b[i] / a[i, i];
        return x;
    }

    /// <summary>Hartley normalisation: centroid to the origin, mean distance √2.</summary>
    private static (double[] T, PointF[] Points) Normalise(IReadOnlyList<PointF> p)
    {
        double cx = p.Average(q => q.X), cy = p.Average(q => q.Y);
        double mean = p.Average(q => Math.Sqrt((q.X - cx) * (q.X - cx) + (q.Y - cy) * (q.Y - cy)));
        double s = mean > 1e-9 ? Math.Sqrt(2) / mean : 1;
        var points = p.Select(q => new PointF((float)((q.X - cx) * s), (float)((q.Y - cy) * s))).ToArray();
        return ([s, 0, -s * cx, 0, s, -s * cy, 0, 0, 1], points);
    }

    private static double[] Multiply(double[] a, double[] b)
    {
        var r = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                r[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
        return r;
    }

    private static double[] Inverse(double[] t) =>
        // Similarity normalisation [s 0 tx; 0 s ty; 0 0 1] inverts in closed form.
        [1 / t[0], 0, -t[2] / t[0], 0, 1 / t[4], -t[5] / t[4], 0, 0, 1];
}
