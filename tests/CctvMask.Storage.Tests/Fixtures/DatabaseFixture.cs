using CctvMask.Storage.Hosting;

namespace CctvMask.Storage.Tests.Fixtures;

/// <summary>One database per provider per test class (created on first use, dropped after the class).</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<StorageProvider, TestDatabase> _databases = [];

    public async Task<TestDatabase> GetAsync(StorageProvider provider)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_databases.TryGetValue(provider, out var db))
                _databases[provider] = db = await TestDatabase.CreateAsync(provider);
            return db;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _databases.Values) await db.DisposeAsync();
        _gate.Dispose();
    }
}
