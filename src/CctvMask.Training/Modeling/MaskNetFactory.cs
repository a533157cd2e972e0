using TorchSharp;
using static TorchSharp.torch;

namespace CctvMask.Training.Modeling;

/// <summary>Builds the classifier network: TorchVision MobileNetV2, randomly initialised (no pretrained weights).</summary>
public static class MaskNetFactory
{
    public static nn.Module<Tensor, Tensor> Create(int numClasses, double widthMultiplier, double dropout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(widthMultiplier);
        return torchvision.models.mobilenet_v2(num_classes: numClasses, width_mult: widthMultiplier, dropout: dropout);
    }
}
