#!/usr/bin/env bash
# Mirrors the container image where no container engine runs: publishes as the Dockerfile's build stage does, lays
# out the image's /app, /config and /data under a temporary root, runs the published app with the Dockerfile's ENV
# (paths moved under that root, a free port instead of 9464) as a non-root user (uid 1654, the image's "app"), and
# checks that the HEALTHCHECK command, `collector health`, succeeds; then stops it with SIGTERM as `docker stop`
# does and checks that it exits 0 well within Docker's 10 s.
# Bluesky is pointed at a closed local port: a smoke test must not reach the real platforms.
set -euo pipefail
cd "$(dirname "$0")/.."

app_uid=1654
root="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$root"
}
trap cleanup EXIT

echo "image smoke: publishing to $root/app"
case "$(uname -m)" in aarch64 | arm64) arch=arm64 ;; *) arch=x64 ;; esac
dotnet publish src/Collector.Worker/Collector.Worker.csproj -c Release -a "$arch" --self-contained false \
  -p:PublishReadyToRun=true -o "$root/app" -p:UseAppHost=false --nologo -v quiet
mkdir -p "$root/config" "$root/data"
cp config/watchlist.yaml config/appsettings.json "$root/config/"

port=$(( 20000 + RANDOM % 20000 ))

# The final stage's ENV, continuation lines joined, with /data, /config and the port mapped into the mirror.
mapfile -t image_env < <(
  awk '/^FROM /{stage=""} {stage=stage $0 "\n"} END{printf "%s", stage}' Dockerfile \
    | sed -n '/^ENV /,/[^\\]$/p' | sed 's/^ENV //; s/\\$//' | tr -s ' \t' '\n' | grep '=' \
    | sed "s#=/data#=$root/data#; s#=/config#=$root/config#; s#:9464#:$port#")
env_args=(PATH="$PATH" HOME="$root" "${image_env[@]}" COLLECTOR_PLATFORMS__BLUESKY__BASEURL=http://127.0.0.1:9/)
printf 'image smoke: env %s\n' "${image_env[@]}"

run_as=()
if [ "$(id -u)" = 0 ]; then
  chmod 755 "$root"
  chown "$app_uid" "$root/data"
  run_as=(setpriv --reuid="$app_uid" --regid="$app_uid" --clear-groups --)
else
  echo "image smoke: not root; running as $(id -un) (already non-root)"
fi

cd "$root"   # the image's WORKDIR is /
env -i "${env_args[@]}" "${run_as[@]}" dotnet app/collector.dll run >"$root/run.log" 2>&1 &
pid=$!

healthy=""
for _ in $(seq 1 60); do
  if env -i "${env_args[@]}" "${run_as[@]}" dotnet app/collector.dll health >"$root/health.json" 2>"$root/health.err"; then
    healthy=yes
    break
  fi
  sleep 0.5
done
if [ -z "$healthy" ]; then
  echo "image smoke: FAILED: collector health never succeeded" >&2
  cat "$root/health.err" "$root/run.log" >&2
  exit 1
fi
echo "image smoke: collector health OK on port $port"

owner=$(stat -c %u "$root/data/collector.db")
if [ "$(id -u)" = 0 ] && [ "$owner" != "$app_uid" ]; then
  echo "image smoke: FAILED: the database is owned by uid $owner, not $app_uid" >&2
  exit 1
fi

started=$(date +%s%N)
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
if [ "$status" -ne 0 ] || [ "$elapsed_ms" -ge 10000 ]; then
  echo "image smoke: FAILED: SIGTERM exit code $status after ${elapsed_ms} ms" >&2
  cat "$root/run.log" >&2
  exit 1
fi
echo "image smoke: stopped by SIGTERM in ${elapsed_ms} ms, exit code 0"
