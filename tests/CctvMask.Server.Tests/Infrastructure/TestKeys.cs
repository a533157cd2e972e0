namespace CctvMask.Server.Tests.Infrastructure;

/// <summary>API keys the test servers are configured with.</summary>
public static class TestKeys
{
    public const string Admin = "test-admin-key-0123456789abcdef";
    public const string Viewer = "test-viewer-key-0123456789abcdef";
}
