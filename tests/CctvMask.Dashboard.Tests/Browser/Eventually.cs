namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>Waits for a condition the browser or server reaches asynchronously; fails with a message when it never does.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition()) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Gave up waiting: {what}.");
            await Task.Delay(250);
        }
    }
}
