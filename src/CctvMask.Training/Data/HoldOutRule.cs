using System.Security.Cryptography;
using System.Text;

namespace CctvMask.Training.Data;

/// <summary>
/// Which annotated photos the classifier never sees: SHA-256 of the UTF-8 file stem (name without
/// extension), first byte modulo <c>modulus</c> == 0. Deterministic and independent of folder order.
/// </summary>
public static class HoldOutRule
{
    public static bool IsHeldOut(string fileName, int modulus)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(modulus, 2);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return SHA256.HashData(Encoding.UTF8.GetBytes(stem))[0] % modulus == 0;
    }
}
