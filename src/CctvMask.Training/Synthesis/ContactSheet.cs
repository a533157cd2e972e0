using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Synthesis;

/// <summary>A grid of face crops saved as one PNG, for looking at synthesized samples.</summary>
public sealed class ContactSheet(int columns, int tileSize)
{
    private const float TileMargin = 0.3f;
    private readonly List<byte[]> _tiles = [];

    public int Count => _tiles.Count;

    public void Add(BgrImage image, BoxF face)
    {
        var tile = new byte[tileSize * tileSize * 3];
        FaceCropper.CropSquare(image.AsFrame(), face, TileMargin, tileSize, tile);
        _tiles.Add(tile);
    }

    public void Save(string path)
    {
        if (_tiles.Count == 0) throw new InvalidOperationException("The contact sheet has no samples.");
        int rows = (_tiles.Count + columns - 1) / columns;
        using var sheet = BgrImage.Create(columns * tileSize, rows * tileSize);
        sheet.Pixels.Clear();
        for (int i = 0; i < _tiles.Count; i++)
        {
            int ox = i % columns * tileSize, oy = i / columns * tileSize;
            for (int y = 0; y < tileSize; y++)
                _tiles[i].AsSpan(y * tileSize * 3, tileSize * 3).CopyTo(sheet.Pixels.Slice((oy + y) * sheet.Stride + ox * 3));
        }
        ImageCodec.SavePng(sheet.AsFrame(), path);
    }
}
