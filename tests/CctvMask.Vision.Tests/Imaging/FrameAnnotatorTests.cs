using CctvMask.Vision.Detection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Vision.Tests.Imaging;

public sealed class FrameAnnotatorTests
{
    [Fact]
    public void DrawsBoxesInLabelColoursAndLeavesTheRestAlone()
    {
        using var image = BgrImage.Create(300, 200);
        DetectedFace[] faces =
        [
            new(new BoxF(20, 60, 50, 50), 0.9f, default, FaceLabel.WithMask, 0.95f),
            new(new BoxF(120, 60, 50, 50), 0.9f, default, FaceLabel.WithoutMask, 0.05f),
            new(new BoxF(220, 60, 50, 50), 0.9f, default, FaceLabel.Unknown, float.NaN),
        ];
        FrameAnnotator.Draw(image, faces);

        (byte B, byte G, byte R) Px(int x, int y)
        {
            int i = (y * image.Width + x) * 3;
            return (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]);
        }
        // Left edge of each box, mid-height.
        var green = Px(20, 90);
        Assert.True(green.G > 150 && green.R < 50 && green.B < 50, $"with_mask edge {green}");
        var red = Px(120, 90);
        Assert.True(red.R > 150 && red.G < 50 && red.B < 50, $"without_mask edge {red}");
        var grey = Px(220, 90);
        Assert.True(grey.R > 100 && Math.Abs(grey.R - grey.G) < 10 && Math.Abs(grey.R - grey.B) < 10, $"unknown edge {grey}");
        // Inside a box and far corners stay black.
        Assert.Equal((0, 0, 0), Px(45, 90));
        Assert.Equal((0, 0, 0), Px(299, 199));
        // The tag above the first box is filled with its colour.
        Assert.True(Px(22, 55).G > 150);
    }

    [Fact]
    public void LabelTextCarriesTheProbability()
    {
        Assert.Equal("without_mask 0.88", FrameAnnotator.LabelText(new DetectedFace(default, 1, default, FaceLabel.WithoutMask, 0.123f)));
        Assert.Equal("with_mask 0.91", FrameAnnotator.LabelText(new DetectedFace(default, 1, default, FaceLabel.WithMask, 0.91f)));
        Assert.Equal("unknown", FrameAnnotator.LabelText(new DetectedFace(default, 1, default, FaceLabel.Unknown, 0.55f)));
        Assert.Equal("unknown", FrameAnnotator.LabelText(new DetectedFace(default, 1, default, FaceLabel.Unknown, float.NaN)));
    }

    [Fact]
    public void Lines_are_at_least_two_pixels_wide_on_a_small_frame()
    {
        using var image = BgrImage.Create(320, 180);
        FrameAnnotator.Draw(image, [new DetectedFace(new BoxF(100, 60, 60, 60), 0.9f, default, FaceLabel.WithoutMask, 0.05f)]);
        int Red(int x, int y) => image.Pixels[(y * image.Width + x) * 3 + 2];
        // The stroke is centred on the box edge (x = 100), so it covers the pixels either side of it; count the
        // red pixels across the edge rather than assuming which side they fall on.
        int redAcrossEdge = Enumerable.Range(90, 21).Count(x => Red(x, 100) > 150);
        Assert.True(redAcrossEdge >= 2, $"the left edge is {redAcrossEdge} pixel(s) wide");
    }

    [Fact]
    public void Tags_of_neighbouring_faces_do_not_overlap()
    {
        var placed = new List<SkiaSharp.SKRect>();
        SkiaSharp.SKRect[] boxes = [new(100, 100, 130, 130), new(120, 102, 150, 132), new(110, 98, 140, 128)];
        foreach (var box in boxes)
        {
            var tag = FrameAnnotator.PlaceTag(box, 110, 19, 640, 360, placed);
            Assert.All(placed, other => Assert.False(other.IntersectsWith(tag), $"{tag} overlaps {other}"));
            Assert.True(tag.Left >= 0 && tag.Right <= 640 && tag.Top >= 0 && tag.Bottom <= 360);
            placed.Add(tag);
        }
        // The first tag sits right above its box.
        Assert.Equal(100 - 19, placed[0].Top);
    }

    [Fact]
    public void A_tag_near_the_right_edge_stays_inside_the_image()
    {
        var tag = FrameAnnotator.PlaceTag(new SkiaSharp.SKRect(600, 100, 630, 130), 110, 19, 640, 360, []);
        Assert.Equal(640 - 110, tag.Left);
    }

    [Fact]
    public void EncodeJpeg_draws_like_Draw_and_leaves_the_image_alone()
    {
        using var image = BgrImage.Create(320, 180);
        var rng = new Random(7);
        rng.NextBytes(image.Pixels);
        var before = image.Pixels.ToArray();
        DetectedFace[] faces =
        [
            new(new BoxF(40, 50, 60, 60), 0.9f, default, FaceLabel.WithMask, 0.95f),
            new(new BoxF(180, 60, 60, 60), 0.9f, default, FaceLabel.WithoutMask, 0.05f),
        ];
        List<float[]> zones = [[0.1f, 0.1f, 0.9f, 0.1f, 0.9f, 0.9f]];

        foreach (int violator in new[] { -1, 1 })
        {
            var jpeg = FrameAnnotator.EncodeJpeg(image, faces, violator, zones, 95);
            Assert.Equal(before, image.Pixels.ToArray());

            // The same drawing in place, encoded the usual way: both JPEGs decode to (nearly) the same picture.
            using var drawn = BgrImage.CopyFrom(image.AsFrame());
            if (violator < 0) FrameAnnotator.Draw(drawn, faces, zones);
            else FrameAnnotator.DrawEvidence(drawn, faces, violator, zones);
            using var a = ImageCodec.Decode(jpeg);
            using var b = ImageCodec.Decode(ImageCodec.EncodeJpeg(drawn.AsFrame(), 95));
            Assert.Equal((320, 180), (a.Width, a.Height));
            long diff = 0;
            for (int i = 0; i < a.Length; i++) diff += Math.Abs(a.Pixels[i] - b.Pixels[i]);
            Assert.True(diff / (double)a.Length < 1.0, $"mean difference {diff / (double)a.Length:0.00} per channel (violator {violator})");
            // A violator's box is drawn magenta: the annotated JPEG differs from the plain picture near its edge.
            int edge = (90 * 320 + 180) * 3;
            Assert.True(Math.Abs(a.Pixels[edge + 2] - before[edge + 2]) + Math.Abs(a.Pixels[edge + 1] - before[edge + 1]) > 60,
                "the box edge is drawn");
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameAnnotator.EncodeJpeg(image, faces, 2, null, 90));
    }
}
