#!/usr/bin/env bash
# National-scale benchmark (issue #8): Casebook against Recoll and pdftotext on the same files,
# in one run. Writes bench/NATIONAL.md; the raw figures stay in the cache folder.
#
#   bench/national/run.sh            # generates the corpus once into target/bench-national/
#   CASEBOOK_BENCH_FILES=300 bench/national/run.sh    # a smaller run, to try the script
#
# Needs: python3, pdftotext (poppler-utils), recollindex/recollq (recollcmd), wrk, GNU time.
# The missing ones are installed with apt-get when it is there.
set -euo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
files=${CASEBOOK_BENCH_FILES:-3000}
cache=${CASEBOOK_BENCH_CACHE:-$top/target/bench-national}
corpus=$cache/corpus
out=$cache/run
mkdir -p "$out"

missing=()
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v recollindex >/dev/null || missing+=(recollcmd)
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f "$corpus/.complete-$files" ]; then
  rm -rf "$corpus"
  python3 bench/national/generate.py --out "$corpus" --files "$files"
  touch "$corpus/.complete-$files"
fi
n_pdfs=$(find "$corpus" -name '*.pdf' | wc -l)
echo "corpus: $n_pdfs PDFs in $corpus"

cargo build --release -p casebook-web
bin=$top/target/release/casebook
timed() { # timed NAME COMMAND…: wall time and peak memory of one command
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err" || {
    echo "$name failed:"; tail -5 "$out/$name.err"; return 1; }
  echo "$name: $(cat "$out/$name.time") (s, KiB)"
}

# 1. Extraction alone, the floor: pdftotext over every file, two at a time (two cores).
timed pdftotext bash -c "find '$corpus' -name '*.pdf' -print0 | xargs -0 -P 2 -n 25 sh -c 'for f; do pdftotext -q \"\$f\" - ; done' _ >/dev/null"

# 2. Casebook: a full index, the same again (nothing changed), then 1% of the files rewritten.
rm -rf "$out/index"
timed casebook-full "$bin" index "$corpus" --index "$out/index" --full
timed casebook-unchanged "$bin" index "$corpus" --index "$out/index"
# A revision number of its own each run, so that the rewritten files always get new text.
python3 bench/national/generate.py --out "$corpus" --files "$files" --revise $((files / 100)) --revision "$(date +%s)" >"$out/revise.out"
timed casebook-incremental "$bin" index "$corpus" --index "$out/index"
rm -f "$corpus/.complete-$files"   # the revised files are new text: generate afresh next time
du -sk "$out/index" | cut -f1 >"$out/casebook-index.kib"

# 3. Recoll on the same folder (PDFs only, through its pdftotext filter).
rm -rf "$out/recoll"; mkdir -p "$out/recoll"
cat >"$out/recoll/recoll.conf" <<EOF
topdirs = $corpus
indexedmimetypes = application/pdf
loglevel = 1
EOF
timed recollindex recollindex -c "$out/recoll" -z
du -sk "$out/recoll/xapiandb" | cut -f1 >"$out/recoll-index.kib"

# 4. Query latency: the 50 queries against `casebook serve` with wrk, at 1 and 64 connections,
#    and the same words through recollq (one process per query, as a user runs it).
port=$((20000 + RANDOM % 20000))
"$bin" serve --index "$out/index" --data "$out/data" --addr "127.0.0.1:$port" >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/static/casebook.css" && break; sleep 0.2; done
export CASEBOOK_QUERIES=$top/bench/national/queries.txt
wrk -t 1 -c 1 -d 20s --latency -s bench/national/queries.lua "http://127.0.0.1:$port" >"$out/wrk-1.out"
wrk -t 2 -c 64 -d 30s --latency -s bench/national/queries.lua "http://127.0.0.1:$port" >"$out/wrk-64.out"
# The themes dashboard (issue #7) over the whole national index, and narrowed by words. The
# first request of an index generation reads every review's profile (once per generation):
# one request each first, so that wrk measures the dashboard as it is served.
curl -s -o /dev/null "http://127.0.0.1:$port/themes"
curl -s -o /dev/null "http://127.0.0.1:$port/themes?q=assessment&split=board"
wrk -t 1 -c 1 -d 10s --latency "http://127.0.0.1:$port/themes" >"$out/wrk-themes.out"
wrk -t 1 -c 1 -d 10s --latency "http://127.0.0.1:$port/themes?q=assessment&split=board" >"$out/wrk-themes-q.out"
ps -o rss= -p $server >"$out/serve-rss.kib"
kill $server; wait $server 2>/dev/null || true
# The same queries with the cache of recent answers off: every request is searched afresh.
"$bin" serve --index "$out/index" --data "$out/data" --addr "127.0.0.1:$port" --result-cache 0 >"$out/serve-nocache.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/static/casebook.css" && break; sleep 0.2; done
wrk -t 1 -c 1 -d 20s --latency -s bench/national/queries.lua "http://127.0.0.1:$port" >"$out/wrk-1-nocache.out"
wrk -t 2 -c 64 -d 20s --latency -s bench/national/queries.lua "http://127.0.0.1:$port" >"$out/wrk-64-nocache.out"
kill $server; wait $server 2>/dev/null || true; trap - EXIT
python3 - "$out" "$top/bench/national/queries.txt" <<'EOF'
import subprocess, sys, time
out, queries = sys.argv[1], sys.argv[2]
times = []
for line in open(queries, encoding="utf-8"):
    words = line.strip().split("&")[0]
    started = time.perf_counter()
    subprocess.run(["recollq", "-c", f"{out}/recoll", "-n", "0-9", "-q", words],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    times.append((time.perf_counter() - started) * 1000)
open(f"{out}/recollq.ms", "w").write("\n".join(f"{t:.2f}" for t in times) + "\n")
EOF

# The figures this run replaces, set beside the new ones.
if [ -f bench/NATIONAL.md ]; then cp bench/NATIONAL.md "$out/previous.md"; else rm -f "$out/previous.md"; fi
python3 bench/national/report.py "$out" "$n_pdfs" >"$out/NATIONAL.md"
cp "$out/NATIONAL.md" bench/NATIONAL.md
echo "wrote bench/NATIONAL.md"
