namespace CctvMask.Grains.Zones;

/// <summary>
/// A named polygon in normalised frame coordinates (0..1 on both axes): <see cref="Points"/> holds
/// x0, y0, x1, y1, … for at least 3 vertices. Compares by value (camera configs are compared to
/// decide on restarts).
/// </summary>
[GenerateSerializer, Immutable, Alias("CctvMask.ZonePolygon")]
public sealed class ZonePolygon : IEquatable<ZonePolygon>
{
    /// <summary>Creates a polygon; throws when it has fewer than 3 vertices or a coordinate outside 0..1.</summary>
    public ZonePolygon(string name, float[] points)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Length < 6 || points.Length % 2 != 0)
            throw new ArgumentException($"Zone '{name}' needs at least 3 vertices (x, y pairs).", nameof(points));
        foreach (var p in points)
            if (!(p >= 0f && p <= 1f)) throw new ArgumentException($"Zone '{name}' has a coordinate outside 0..1.", nameof(points));
        Name = name;
        Points = points;
    }

    /// <summary>Display name.</summary>
    [Id(0)] public string Name { get; }

    /// <summary>Interleaved normalised vertices.</summary>
    [Id(1)] public float[] Points { get; }

    /// <summary>Vertex count.</summary>
    public int VertexCount => Points.Length / 2;

    /// <summary>Even–odd rule: true when (x, y) (normalised) lies inside.</summary>
    public bool Contains(float x, float y)
    {
        var p = Points;
        bool inside = false;
        for (int i = 0, j = p.Length - 2; i < p.Length; j = i, i += 2)
        {
            float xi = p[i], yi = p[i + 1], xj = p[j], yj = p[j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                inside = !inside;
        }
        return inside;
    }

    /// <inheritdoc />
    public bool Equals(ZonePolygon? other) =>
        other is not null && Name == other.Name && Points.AsSpan().SequenceEqual(other.Points);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ZonePolygon);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        foreach (var p in Points) hash.Add(p);
        return hash.ToHashCode();
    }
}
