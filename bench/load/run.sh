#!/usr/bin/env bash
# Load test: the release `casebook serve` on the sample corpus under wrk, 64 connections for
# 60 s, with a mix of searches (HTML and JSON, with and without filters), review pages, the
# themes dashboard, pack pages and static files. Writes bench/LOAD.md.
#
#   bench/load/run.sh                 # 60 s a run
#   DURATION=10s bench/load/run.sh    # a quicker look
#
# Two runs: as served (answers to recent searches cached), and with that cache off
# (`--result-cache 0`), so that every search runs. Any error, any answer other than 2xx or
# 3xx, and any time-out is counted and reported; the script fails when there is one.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${DURATION:-60s}"
out=target/bench-load
mkdir -p "$out"

command -v wrk >/dev/null || {
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
}
cargo build --release -q -p casebook-web
bin=target/release/casebook
rm -rf "$out/index" "$out/data"
$bin index --index "$out/index" corpus 2>"$out/index.log"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

serve() {
  $bin serve --addr "127.0.0.1:$port" --index "$out/index" --data "$out/data" "$@" 2>"$out/serve.log" &
  server=$!
  for _ in $(seq 100); do curl -fs "$base/api/taxonomy" >/dev/null && return; sleep 0.1; done
  echo "bench/load: the server did not start" >&2; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; }

# The paths: the national bench's 50 queries as search pages and JSON, every review page, and
# the other pages, each as often as a reader might open it.
serve
python3 - "$base" >"$out/paths.txt" <<'PY'
import json, sys, urllib.parse, urllib.request
base = sys.argv[1]
paths = []
for line in open("bench/national/queries.txt"):
    words, _, filters = line.rstrip("\n").partition("&")
    q = urllib.parse.quote(words)
    tail = "&" + filters if filters else ""
    paths += [f"/?q={q}{tail}", f"/api/search?q={q}{tail}"]
reviews = json.load(urllib.request.urlopen(f"{base}/api/search?q=&kind=review&per_page=100"))
for hit in reviews["hits"]:
    paths.append(f"/reviews/{hit['review']['id']}")
paths += ["/", "/themes", "/themes?q=assessment&split=board", "/packs", "/api/taxonomy",
          "/static/casebook.css", "/static/casebook.js", "/?q=neglect&page=2"]
print("\n".join(paths))
PY
stop
n_paths=$(wc -l <"$out/paths.txt")

run() {
  local name=$1; shift
  serve "$@"
  # Warm up, so that both runs start from a loaded index.
  CASEBOOK_PATHS="$out/paths.txt" wrk -t 2 -c 8 -d 3s -s bench/load/mixed.lua "$base" >/dev/null
  CASEBOOK_PATHS="$out/paths.txt" wrk -t 2 -c 64 -d "$duration" --timeout 10s --latency \
    -s bench/load/mixed.lua "$base" >"$out/wrk-$name.out"
  rss=$(ps -o rss= -p "$server" | tr -d ' ')
  stop
  echo "$(grep '^FIGURES' "$out/wrk-$name.out") rss_kib=$rss"
}
cached=$(run cached)
uncached=$(run uncached --result-cache 0)

python3 - "$duration" "$n_paths" "$cached" "$uncached" >bench/LOAD.md <<'PY'
import platform, subprocess, sys
duration, n_paths, *runs = sys.argv[1:]
def parse(line):
    return {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
cached, uncached = parse(runs[0]), parse(runs[1])
cpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
print("# Load test: 64 connections against `casebook serve`\n")
print(f"`bench/load/run.sh` on {cpu} cores ({platform.machine()}): the release binary on the sample "
      f"corpus, wrk with 2 threads and 64 connections for {duration}, cycling through {n_paths} paths: "
      "the 50 queries of `bench/national/queries.txt` as search pages and as JSON, every review page, "
      "the themes dashboard (with and without a search), the packs page, the taxonomy, static files, "
      "and a second results page.\n")
print("| run | requests | throughput | p50 | p99 | max | socket errors | 4xx | 5xx | server memory |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for name, r in [("as served (recent answers cached)", cached), ("cache off (`--result-cache 0`)", uncached)]:
    errors = int(r["connect"] + r["read"] + r["write"] + r["timeout"])
    print(f"| {name} | {int(r['requests']):,} | {r['requests'] / r['seconds']:,.0f} req/s | "
          f"{r['p50_ms']:.2f} ms | {r['p99_ms']:.2f} ms | {r['max_ms']:.1f} ms | {errors} | "
          f"{int(r['s4xx'])} | {int(r['s5xx'])} | {r['rss_kib'] / 1024:.0f} MiB |")
print("\nSocket errors are wrk's connect, read, write and time-out errors (with a 10 s time-out); "
      "4xx and 5xx are counted by the script from each answer's status. Every path in the mix "
      "exists, so each of the three should be 0.\n")
PY
cat bench/LOAD.md
[ "$(grep -c "| 0 | 0 | 0 |" bench/LOAD.md)" -eq 2 ] || { echo "bench/load: errors; see $out" >&2; exit 1; }
