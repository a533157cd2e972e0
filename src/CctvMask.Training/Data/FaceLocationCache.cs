using System.Text.Json;
using CctvMask.Vision.Geometry;

namespace CctvMask.Training.Data;

/// <summary>Face locations by image content hash, persisted as JSON so detection runs once across runs.</summary>
public sealed class FaceLocationCache
{
    private readonly string? _path;
    private readonly Dictionary<string, Entry> _entries;

    public FaceLocationCache(string? path)
    {
        _path = path;
        _entries = path is not null && File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(path)) ?? []
            : [];
    }

    public bool TryGet(string key, out FaceLocation location)
    {
        if (_entries.TryGetValue(key, out var e))
        {
            location = new FaceLocation(new BoxF(e.X, e.Y, e.W, e.H), e.Source);
            return true;
        }
        location = null!;
        return false;
    }

    public void Set(string key, FaceLocation location) =>
        _entries[key] = new Entry(location.Box.X, location.Box.Y, location.Box.Width, location.Box.Height, location.Source);

    public void Save()
    {
        if (_path is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var tmp = _path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(_entries));
        File.Move(tmp, _path, true);
    }

    private sealed record Entry(float X, float Y, float W, float H, CropSource Source);
}
