namespace Collector.Core.Analytics;

/// <summary>Told of each account event the analysis stored (the worker counts band crossings in its metrics).</summary>
public interface IAccountEventObserver
{
    void Stored(string platform, string kind);
}
