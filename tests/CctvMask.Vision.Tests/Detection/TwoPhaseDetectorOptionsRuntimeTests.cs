using CctvMask.Vision.Detection;
using CctvMask.Vision.Models;

namespace CctvMask.Vision.Tests.Detection;

/// <summary>The ONNX Runtime settings of the detector options reach both sessions' options.</summary>
public sealed class TwoPhaseDetectorOptionsRuntimeTests
{
    [Fact]
    public void SpinningIsOffUnlessAskedFor()
    {
        Assert.False(new TwoPhaseDetectorOptions().Runtime().AllowSpinning);
        Assert.False(new OnnxRuntimeOptions().AllowSpinning);
    }

    [Fact]
    public void EveryRuntimeSettingIsPassedOn()
    {
        var runtime = new TwoPhaseDetectorOptions
        {
            AllowSpinning = true,
            IntraOpThreads = 3,
            InterOpThreads = 2,
            ExecutionProvider = ExecutionProviderKind.Auto,
        }.Runtime();
        Assert.Equal((true, 3, 2, ExecutionProviderKind.Auto),
            (runtime.AllowSpinning, runtime.IntraOpThreads, runtime.InterOpThreads, runtime.ExecutionProvider));
    }
}
