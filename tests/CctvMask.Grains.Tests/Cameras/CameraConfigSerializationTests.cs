using CctvMask.Abstractions.Privacy;
using CctvMask.Grains.Cameras;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CctvMask.Grains.Tests.Cameras;

public sealed class CameraConfigSerializationTests
{
    [Theory]
    [InlineData(PrivacyMode.Evidence)]
    [InlineData(PrivacyMode.Blurred)]
    [InlineData(PrivacyMode.Statistics)]
    public void The_privacy_mode_crosses_the_wire_between_silos(PrivacyMode mode)
    {
        using var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(CameraConfig).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var config = new CameraConfig("door", "rtsp://10.0.0.1/s", Privacy: mode);

        var back = serializer.Deserialize<CameraConfig>(serializer.SerializeToArray(config));

        Assert.Equal(config, back);
        Assert.Equal(mode, back!.Privacy);
    }
}
