using System.Drawing;

namespace CctvMask.Vision.Geometry;

/// <summary>
/// The five facial landmarks YuNet predicts, in pixels, in the model's order:
/// right eye, left eye, nose tip, right mouth corner, left mouth corner ("right" = the subject's right).
/// </summary>
public struct Landmarks : IEquatable<Landmarks>
{
    /// <summary>Number of points.</summary>
    public const int Count = 5;

    /// <summary>The subject's right eye (index 0).</summary>
    public PointF RightEye;

    /// <summary>The subject's left eye (index 1).</summary>
    public PointF LeftEye;

    /// <summary>Nose tip (index 2).</summary>
    public PointF Nose;

    /// <summary>Right mouth corner (index 3).</summary>
    public PointF RightMouth;

    /// <summary>Left mouth corner (index 4).</summary>
    public PointF LeftMouth;

    /// <summary>Point by index 0..4 in the order above.</summary>
    public PointF this[int index]
    {
        readonly get => index switch
        {
            0 => RightEye,
            1 => LeftEye,
            2 => Nose,
            3 => RightMouth,
            4 => LeftMouth,
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Landmark index is 0..4."),
        };
        set
        {
            switch (index)
            {
                case 0: RightEye = value; break;
                case 1: LeftEye = value; break;
                case 2: Nose = value; break;
                case 3: RightMouth = value; break;
                case 4: LeftMouth = value; break;
                default: throw new ArgumentOutOfRangeException(nameof(index), index, "Landmark index is 0..4.");
            }
        }
    }

    /// <summary>All points scaled by a factor about the origin.</summary>
    public readonly Landmarks Scale(float factor)
    {
        var result = default(Landmarks);
        for (int i = 0; i < Count; i++)
        {
            var p = this[i];
            result[i] = new PointF(p.X * factor, p.Y * factor);
        }
        return result;
    }

    /// <inheritdoc />
    public readonly bool Equals(Landmarks other) =>
        RightEye == other.RightEye && LeftEye == other.LeftEye && Nose == other.Nose
        && RightMouth == other.RightMouth && LeftMouth == other.LeftMouth;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is Landmarks other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(RightEye, LeftEye, Nose, RightMouth, LeftMouth);

    /// <summary>Equality.</summary>
    public static bool operator ==(Landmarks left, Landmarks right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Landmarks left, Landmarks right) => !left.Equals(right);
}
