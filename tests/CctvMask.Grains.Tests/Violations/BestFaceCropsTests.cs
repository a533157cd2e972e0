using CctvMask.Grains.Tests.Support;
using CctvMask.Grains.Violations;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Tests.Violations;

public sealed class BestFaceCropsTests
{
    [Fact]
    public void Keeps_the_crop_of_the_highest_score_times_area_face()
    {
        // Left half blue, right half red (BGR).
        using var image = BgrImage.Create(200, 100);
        var px = image.Pixels;
        for (int y = 0; y < 100; y++)
            for (int x = 0; x < 200; x++)
                px[(y * 200 + x) * 3 + (x < 100 ? 0 : 2)] = 255;
        using var crops = new BestFaceCrops(new ViolationOptions { FaceCropSize = 16, FaceCropMargin = 0 });

        Assert.True(crops.Offer(1, Faces.At(30, 30, size: 20, score: 0.9f), image.AsFrame()));   // blue, 360
        Assert.False(crops.Offer(1, Faces.At(130, 30, size: 10, score: 0.9f), image.AsFrame())); // red, 90: worse
        Assert.True(crops.TryGet(1, out var crop, out var face));
        Assert.Equal(255, crop.Span[0]);
        Assert.Equal(30, face.Box.X);

        Assert.True(crops.Offer(1, Faces.At(130, 30, size: 30, score: 0.9f), image.AsFrame()));  // red, 810: better
        Assert.True(crops.TryGet(1, out crop, out face));
        Assert.Equal(0, crop.Span[0]);
        Assert.Equal(255, crop.Span[2]);
        Assert.Equal(16, crop.Width);

        crops.Remove(1);
        Assert.False(crops.TryGet(1, out _, out _));
        Assert.Equal(0, crops.Count);
    }
}
