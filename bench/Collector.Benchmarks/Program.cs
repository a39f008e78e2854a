using Collector.Benchmarks.Fake;
using Collector.Benchmarks.Harness;
using Collector.Benchmarks.Round;

// One executable, three roles: the harness (default), and the two child processes it starts.
return args switch
{
    ["serve"] => await FakeServer.RunAsync(),
    ["round", .. var rest] => await RoundCommand.RunAsync(rest),
    _ => await HarnessProgram.RunAsync(args),
};
