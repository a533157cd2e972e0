using System.Security.Cryptography;
using System.Text;
using CctvMask.Training.Data;

namespace CctvMask.Training.Tests.Data;

public sealed class HoldOutRuleTests
{
    [Fact]
    public void RuleDependsOnlyOnTheFileStem()
    {
        foreach (var stem in new[] { "maksssksksss1", "maksssksksss105", "photo" })
        {
            bool expected = SHA256.HashData(Encoding.UTF8.GetBytes(stem))[0] % 3 == 0;
            Assert.Equal(expected, HoldOutRule.IsHeldOut(stem + ".jpg", 3));
            Assert.Equal(expected, HoldOutRule.IsHeldOut(Path.Combine("/x/images", stem + ".png"), 3));
        }
    }

    [Fact]
    public void RoughlyOneInModulusIsHeldOut()
    {
        int held = Enumerable.Range(0, 3000).Count(i => HoldOutRule.IsHeldOut($"img{i}.jpg", 3));
        Assert.InRange(held, 850, 1150);
    }
}
