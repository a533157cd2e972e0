using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Tests.FaceDetection;

public sealed class YuNetDecodingTests
{
    [Fact]
    public void DecodeStrideMatchesNaiveFormula()
    {
        const int stride = 16, cols = 7, rows = 5, cells = cols * rows;
        var rng = new Random(11);
        float R(double lo, double hi) => (float)(lo + rng.NextDouble() * (hi - lo));
        var cls = Enumerable.Range(0, cells).Select(_ => R(-0.1, 1.1)).ToArray();
        var obj = Enumerable.Range(0, cells).Select(_ => R(-0.1, 1.1)).ToArray();
        var bbox = Enumerable.Range(0, cells * 4).Select(_ => R(-1, 1)).ToArray();
        var kps = Enumerable.Range(0, cells * 10).Select(_ => R(-2, 2)).ToArray();
        var dest = new RawFace[cells];
        int n = YuNetDecoding.DecodeStride(cls, obj, bbox, kps, stride, cols, rows, 0.4f, dest);

        var expected = new List<RawFace>();
        for (int y = 0; y < rows; y++)
        for (int x = 0; x < cols; x++)
        {
            int i = y * cols + x;
            double score = Math.Sqrt(Math.Clamp(cls[i], 0, 1) * Math.Clamp(obj[i], 0, 1));
            if (score < 0.4) continue;
            double cx = (x + bbox[i * 4]) * stride, cy = (y + bbox[i * 4 + 1]) * stride;
            double w = Math.Exp(bbox[i * 4 + 2]) * stride, h = Math.Exp(bbox[i * 4 + 3]) * stride;
            var marks = default(Landmarks);
            for (int p = 0; p < 5; p++)
                marks[p] = new System.Drawing.PointF((x + kps[i * 10 + 2 * p]) * stride, (y + kps[i * 10 + 2 * p + 1]) * stride);
            expected.Add(new RawFace(new BoxF((float)(cx - w / 2), (float)(cy - h / 2), (float)w, (float)h), (float)score, marks));
        }

        Assert.True(expected.Count > 3 && expected.Count < cells, "fixture should keep some cells and drop others");
        Assert.Equal(expected.Count, n);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(expected[i].Score, dest[i].Score, 4);
            Assert.Equal(expected[i].Box.X, dest[i].Box.X, 2);
            Assert.Equal(expected[i].Box.Y, dest[i].Box.Y, 2);
            Assert.Equal(expected[i].Box.Width, dest[i].Box.Width, 2);
            Assert.Equal(expected[i].Box.Height, dest[i].Box.Height, 2);
            for (int p = 0; p < 5; p++)
            {
                Assert.Equal(expected[i].Landmarks[p].X, dest[i].Landmarks[p].X, 2);
                Assert.Equal(expected[i].Landmarks[p].Y, dest[i].Landmarks[p].Y, 2);
            }
        }
    }

    [Theory]
    [InlineData(1, 5000)]
    [InlineData(2, 40)]
    [InlineData(3, 5000)]
    public void NmsMatchesNaive(int seed, int topK)
    {
        var rng = new Random(seed);
        // Clusters of overlapping boxes so suppression actually happens.
        var faces = new RawFace[300];
        for (int i = 0; i < faces.Length; i++)
        {
            float cx = rng.Next(10) * 40 + (float)rng.NextDouble() * 12, cy = rng.Next(4) * 40 + (float)rng.NextDouble() * 12;
            float s = 20 + (float)rng.NextDouble() * 10;
            faces[i] = new RawFace(new BoxF(cx, cy, s, s), (float)rng.NextDouble(), default);
        }
        var expected = NaiveNms(faces, topK, 0.45f);

        var candidates = (RawFace[])faces.Clone();
        var results = new RawFace[faces.Length];
        int kept = YuNetDecoding.Nms(candidates, topK, 0.45f, results);

        Assert.True(expected.Count < Math.Min(topK, faces.Length), "fixture should suppress something");
        Assert.Equal(expected.Count, kept);
        for (int i = 0; i < kept; i++)
            Assert.Equal(expected[i], results[i]);
    }

    [Fact]
    public void ToFrameUndoesTheScaleAndClips()
    {
        var g = InputGeometry.Plan(400, 156, InputSizePolicy.Fixed640, 640, 640, 640);
        var marks = default(Landmarks);
        marks[2] = new System.Drawing.PointF(320, 160);
        var face = YuNetDecoding.ToFrame(new RawFace(new BoxF(160, 80, 64, 400), 0.9f, marks), g);
        Assert.Equal(100, face.Box.X, 1);
        Assert.Equal(40, face.Box.Width, 1);
        Assert.Equal(156, face.Box.Bottom, 1);   // clipped
        Assert.Equal(200, face.Landmarks.Nose.X, 1);
        Assert.Equal(160 / g.ScaleY, face.Landmarks.Nose.Y, 1);
    }

    private static List<RawFace> NaiveNms(RawFace[] faces, int topK, float threshold)
    {
        var sorted = faces.OrderByDescending(f => f.Score).Take(topK).ToList();
        var removed = new bool[sorted.Count];
        var kept = new List<RawFace>();
        for (int i = 0; i < sorted.Count; i++)
        {
            if (removed[i]) continue;
            kept.Add(sorted[i]);
            for (int j = i + 1; j < sorted.Count; j++)
            {
                var a = sorted[i].Box; var b = sorted[j].Box;
                double ix = Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.X, b.X));
                double iy = Math.Max(0, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Y, b.Y));
                double inter = ix * iy;
                if (inter / (a.Width * a.Height + b.Width * b.Height - inter) > threshold) removed[j] = true;
            }
        }
        return kept;
    }
}
