using CctvMask.Storage.Tests.Journal;

namespace CctvMask.Storage.Tests;

/// <summary>
/// The test assembly doubles as the child host of the kill tests (<see cref="JournalHost"/>);
/// test runners never call this entry point.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) =>
        args.Length > 0 && args[0] == JournalHost.Command
            ? JournalHost.RunAsync(args)
            : Task.FromResult(2);
}
