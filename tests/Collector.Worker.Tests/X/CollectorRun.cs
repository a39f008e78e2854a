namespace Collector.Worker.Tests.X;

/// <summary>What a <c>collector</c> run left behind: its exit code and everything it printed.</summary>
internal sealed record CollectorRun(int ExitCode, string Output, string Error)
{
    public string Everything => Output + "\n" + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
