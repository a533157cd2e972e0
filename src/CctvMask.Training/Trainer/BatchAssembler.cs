using CctvMask.Training.Augmentation;
using CctvMask.Training.Data;
using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.MaskClassification;

namespace CctvMask.Training.Trainer;

/// <summary>Builds normalised NCHW float batches: augmented for training, plain for validation.</summary>
internal sealed class BatchAssembler(FaceAugmenter augmenter, MaskClassifierMetadata meta, int seed)
{
    private readonly int _size = meta.InputSize;

    public int SampleLength => 3 * _size * _size;

    public void Augmented(FaceSampleSet set, ReadOnlySpan<int> indices, int epoch, float[] dest, long[] labels)
    {
        var idx = indices.ToArray();
        Parallel.For(0, idx.Length, i =>
        {
            // One generator per (seed, epoch, sample): the same run gives the same pixels on any thread count.
            var rng = new Random(Mix(seed, epoch, idx[i]));
            var crop = new byte[_size * _size * 3];
            augmenter.Augment(set.Crop(idx[i]), set.CropSize, crop, _size, rng);
            FaceCropper.ToTensor(crop, _size, meta, dest.AsSpan(i * SampleLength, SampleLength));
            labels[i] = set.Labels[idx[i]];
        });
    }

    public void Plain(FaceSampleSet set, int start, int count, float[] dest, long[] labels)
    {
        if (set.CropSize != _size) throw new InvalidOperationException("Validation crops must be input-size crops.");
        Parallel.For(0, count, i =>
        {
            FaceCropper.ToTensor(set.Crop(start + i), _size, meta, dest.AsSpan(i * SampleLength, SampleLength));
            labels[i] = set.Labels[start + i];
        });
    }

    internal static int Mix(int seed, int epoch, int index)
    {
        ulong z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)epoch * 0xBF58476D1CE4E5B9UL ^ (ulong)(uint)index * 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }
}
