namespace CctvMask.Grains.Zones;

/// <summary>
/// The zones of one camera: a face counts when its box centre lies inside any of them; an empty set
/// means the whole frame. Compares by value.
/// </summary>
[GenerateSerializer, Immutable, Alias("CctvMask.ZoneSet")]
public sealed class ZoneSet : IEquatable<ZoneSet>
{
    /// <summary>No zones: the whole frame counts.</summary>
    public static readonly ZoneSet Empty = new([]);

    /// <summary>Creates a set.</summary>
    public ZoneSet(ZonePolygon[] polygons)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        Polygons = polygons;
    }

    /// <summary>The polygons.</summary>
    [Id(0)] public ZonePolygon[] Polygons { get; }

    /// <summary>Number of polygons.</summary>
    public int Count => Polygons.Length;

    /// <summary>True when a point (normalised) counts: inside any polygon, or there are none.</summary>
    public bool Contains(float x, float y)
    {
        if (Polygons.Length == 0) return true;
        foreach (var polygon in Polygons)
            if (polygon.Contains(x, y)) return true;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(ZoneSet? other) =>
        other is not null && Polygons.AsSpan().SequenceEqual(other.Polygons);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ZoneSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in Polygons) hash.Add(p);
        return hash.ToHashCode();
    }
}
