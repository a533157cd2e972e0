using CctvMask.Dashboard.Session;

namespace CctvMask.Dashboard.Tests.Session;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/cameras/front-door", "/cameras/front-door")]
    [InlineData("/violations?cameraId=a", "/violations?cameraId=a")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("cameras", "/")]
    [InlineData("/login?returnUrl=/x", "/")]
    [InlineData("/a\r\nSet-Cookie: x", "/")]
    public void Only_local_paths_are_kept(string? input, string expected) =>
        Assert.Equal(expected, ReturnUrl.Sanitize(input));
}
