namespace CctvMask.Server.Tests.Alerts;

/// <summary>Polls a condition until it holds or a generous bound passes (then the test fails with the description).</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, TimeSpan bound, string what) where T : class
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            if (await probe() is { } value) return value;
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> probe, TimeSpan bound, string what)
    {
        var deadline = DateTime.UtcNow + bound;
        while (!await probe())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
