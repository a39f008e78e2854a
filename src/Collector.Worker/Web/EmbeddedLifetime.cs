using Microsoft.Extensions.Hosting;

namespace Collector.Worker.Web;

/// <summary>
/// The lifetime of the Kestrel app inside the worker: the worker's host owns signals and start/stop, so this one
/// must not register its own SIGTERM handler (the default console lifetime would) or print lifecycle banners.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
