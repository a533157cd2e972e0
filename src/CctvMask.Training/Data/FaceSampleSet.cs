namespace CctvMask.Training.Data;

/// <summary>Square BGR face crops of one side length with their class indices, held in memory.</summary>
public sealed class FaceSampleSet(int cropSize)
{
    private readonly List<byte[]> _crops = [];
    private readonly List<int> _labels = [];

    public int CropSize { get; } = cropSize;
    public int Count => _crops.Count;
    public IReadOnlyList<int> Labels => _labels;

    public ReadOnlySpan<byte> Crop(int index) => _crops[index];

    public void Add(byte[] crop, int label)
    {
        if (crop.Length != CropSize * CropSize * 3)
            throw new ArgumentException($"Crop must be {CropSize}x{CropSize} BGR.", nameof(crop));
        _crops.Add(crop);
        _labels.Add(label);
    }

    public int CountOf(int label) => _labels.Count(l => l == label);
}
