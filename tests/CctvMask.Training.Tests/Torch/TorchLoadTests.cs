using TorchSharp;

namespace CctvMask.Training.Tests.Torch;

public sealed class TorchLoadTests
{
    [Fact]
    public void NativeLibTorchLoadsAndComputes()
    {
        // Fails with a DllNotFound/GLIBCXX error when the post-build patch did not run on this output copy.
        using var t = torch.ones(2);
        Assert.Equal(2f, t.sum().item<float>());
    }
}
