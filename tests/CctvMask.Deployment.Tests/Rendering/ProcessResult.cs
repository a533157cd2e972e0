namespace CctvMask.Deployment.Tests.Rendering;

/// <summary>Exit code and captured output of one tool run.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
