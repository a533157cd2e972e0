// Each collection hosts its own in-process server (Serilog, OpenTelemetry, Orleans silo); running them
// one at a time keeps one host's start-up or shutdown from racing another's captured logs and meters.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
