using CctvMask.Vision.Detection;
using CctvMask.Vision.MaskClassification;

namespace CctvMask.Vision.Tests.MaskClassification;

public sealed class MaskClassifierMetadataTests
{
    private static Dictionary<string, string> Valid() => new()
    {
        ["cctvmask.classes"] = "without_mask, with_mask",
        ["cctvmask.input_size"] = "64",
        ["cctvmask.channel_order"] = "rgb",
        ["cctvmask.mean"] = "0.485,0.456,0.406",
        ["cctvmask.std"] = "0.229, 0.224, 0.225",
        ["cctvmask.crop_margin"] = "0.25",
        ["cctvmask.dataset"] = "mask-crops",
    };

    [Fact]
    public void ParsesContractKeys()
    {
        var meta = MaskClassifierMetadata.Parse(Valid(), "m.onnx");
        Assert.Equal(["without_mask", "with_mask"], meta.Classes);
        Assert.Equal(1, meta.WithMaskIndex);
        Assert.Equal(0, meta.WithoutMaskIndex);
        Assert.Equal(64, meta.InputSize);
        Assert.Equal(ChannelOrder.Rgb, meta.ChannelOrder);
        Assert.Equal(0.456f, meta.Mean[1]);
        Assert.Equal(0.225f, meta.Std[2]);
        Assert.Equal(0.25f, meta.CropMargin);
        Assert.Equal("mask-crops", meta.Dataset);
    }

    [Fact]
    public void ToMetadataRoundTrips()
    {
        var meta = MaskClassifierMetadata.Parse(Valid(), "m.onnx");
        var again = MaskClassifierMetadata.Parse(meta.ToMetadata(), "m.onnx");
        Assert.Equal(meta.Classes, again.Classes);
        Assert.Equal(meta.Mean, again.Mean);
        Assert.Equal(meta.Std, again.Std);
        Assert.Equal(meta.InputSize, again.InputSize);
        Assert.Equal(meta.ChannelOrder, again.ChannelOrder);
        Assert.Equal(meta.CropMargin, again.CropMargin);
        Assert.Equal("RGB", meta.ToMetadata()["cctvmask.channel_order"]);
    }

    [Theory]
    [InlineData("cctvmask.classes")]
    [InlineData("cctvmask.input_size")]
    [InlineData("cctvmask.channel_order")]
    [InlineData("cctvmask.mean")]
    [InlineData("cctvmask.std")]
    [InlineData("cctvmask.crop_margin")]
    public void MissingKeyNamesFileAndKey(string key)
    {
        var values = Valid();
        values.Remove(key);
        var ex = Assert.Throws<ModelLoadException>(() => MaskClassifierMetadata.Parse(values, "/models/x.onnx"));
        Assert.Contains("/models/x.onnx", ex.Message);
        Assert.Contains(key, ex.Message);
    }

    [Theory]
    [InlineData("cctvmask.channel_order", "YUV")]
    [InlineData("cctvmask.input_size", "big")]
    [InlineData("cctvmask.input_size", "2")]
    [InlineData("cctvmask.mean", "0.5,0.5")]
    [InlineData("cctvmask.std", "0.5,0,0.5")]
    [InlineData("cctvmask.classes", "cat,dog")]
    [InlineData("cctvmask.crop_margin", "x")]
    public void InvalidValueIsModelLoadException(string key, string value)
    {
        var values = Valid();
        values[key] = value;
        var ex = Assert.Throws<ModelLoadException>(() => MaskClassifierMetadata.Parse(values, "/models/x.onnx"));
        Assert.Contains("/models/x.onnx", ex.Message);
    }
}
