# collector worker image. Build and run: README "Running as a service" (container).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The platform being built for (BuildKit sets it: amd64, arm64); `dotnet -a` takes these names.
ARG TARGETARCH=amd64
WORKDIR /src

# Restore first, from the project files alone, so editing code does not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props .editorconfig ./
COPY eng/ eng/
COPY src/Collector.Core/Collector.Core.csproj src/Collector.Core/
COPY src/Collector.Platforms/Collector.Platforms.csproj src/Collector.Platforms/
COPY src/Collector.Storage/Collector.Storage.csproj src/Collector.Storage/
COPY src/Collector.Worker/Collector.Worker.csproj src/Collector.Worker/
RUN dotnet restore src/Collector.Worker/Collector.Worker.csproj -a "$TARGETARCH" -p:PublishReadyToRun=true

COPY src/ src/
# ReadyToRun: the code is compiled ahead of time, so one-off commands in the container (`collector status`) start
# without JIT-compiling the product and its libraries first (docs/benchmarks.md, item 10).
RUN dotnet publish src/Collector.Worker/Collector.Worker.csproj --no-restore -c Release -a "$TARGETARCH" --self-contained false \
        -p:PublishReadyToRun=true -o /app -p:UseAppHost=false

# ASP.NET Core runtime: the worker serves /healthz and /metrics with Kestrel.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# The working directory is / so that the default relative paths are the volumes: config/appsettings.json is
# /config/appsettings.json (optional), data/collector.db is /data/collector.db. They are also set explicitly below.
WORKDIR /
COPY --from=build /app /app
COPY config/watchlist.yaml config/appsettings.json /config/
RUN mkdir -p /data && chown "$APP_UID" /data

ENV COLLECTOR_STORAGE__PATH=/data/collector.db \
    COLLECTOR_WATCHLIST__PATH=/config/watchlist.yaml \
    COLLECTOR_HTTP__URLS=http://0.0.0.0:9464 \
    DOTNET_NOLOGO=1

# The database lives in /data; mount the watchlist (and settings) over /config, read-only is fine.
VOLUME ["/data"]
EXPOSE 9464

# The image's non-root user (uid 1654, "app"); it owns /data and nothing else.
USER $APP_UID

# `collector health` asks /healthz on Http:Urls, so the image needs no curl.
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 \
    CMD ["dotnet", "/app/collector.dll", "health"]

# SIGTERM (docker stop): rounds are cancelled and the process exits in about 6 s, inside Docker's default 10 s
# grace (docker run --stop-timeout, compose stop_grace_period). Exec form, so the signal reaches dotnet directly.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/collector.dll"]
CMD ["run"]
