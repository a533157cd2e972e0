namespace CctvMask.Server.Tests.Infrastructure;

/// <summary>One SQLite-backed server shared by the API tests of a collection (keys configured).</summary>
public sealed class SqliteServerFixture : IDisposable
{
    public ServerFactory Factory { get; } = new();

    public void Dispose()
    {
        Factory.Dispose();
        try { Directory.Delete(Factory.DataDir, recursive: true); } catch (IOException) { }
    }
}
