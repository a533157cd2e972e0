namespace CctvMask.Storage.Tests.Fixtures;

/// <summary>Bounded waits for asynchronous effects: the bound only stops a broken test from hanging.</summary>
public static class Wait
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var cts = new CancellationTokenSource(Bound);
        while (!condition())
        {
            if (cts.IsCancellationRequested) throw new TimeoutException($"Gave up waiting for: {what}");
            await Task.Delay(10);
        }
    }

    public static CancellationToken Token() => new CancellationTokenSource(Bound).Token;
}
