using System.Drawing;
using CctvMask.Training.Synthesis;

namespace CctvMask.Training.Tests.Synthesis;

public sealed class HomographyTests
{
    [Fact]
    public void FitRecoversAKnownProjectiveTransform()
    {
        // A perspective map with all eight degrees of freedom in use.
        static PointF Truth(PointF p)
        {
            double w = 0.0004 * p.X - 0.0003 * p.Y + 1;
            return new PointF((float)((0.9 * p.X + 0.2 * p.Y + 15) / w), (float)((-0.1 * p.X + 1.1 * p.Y - 7) / w));
        }
        PointF[] from = [new(21, 97), new(307, 22), new(600, 99), new(25, 322), new(295, 470), new(600, 323)];
        var to = from.Select(Truth).ToArray();

        var h = Homography.Fit(from, to);

        foreach (var probe in new PointF[] { new(0, 0), new(300, 250), new(594, 496), new(120, 400) })
        {
            var expected = Truth(probe);
            var actual = h.Map(probe.X, probe.Y);
            Assert.InRange(actual.X - expected.X, -0.05f, 0.05f);
            Assert.InRange(actual.Y - expected.Y, -0.05f, 0.05f);
        }
    }

    [Fact]
    public void CollinearPointsAreRejected()
    {
        PointF[] line = [new(0, 0), new(1, 1), new(2, 2), new(3, 3)];
        Assert.Throws<ArgumentException>(() => Homography.Fit(line, line));
    }
}
