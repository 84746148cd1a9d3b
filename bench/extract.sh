#!/bin/sh
# Measures our PDF extractor against pdftotext on the shared corpora and writes bench/RESULTS.md
# (project issue #3). Run from anywhere: ./bench/extract.sh
#
# Builds `casebook` in release mode, then runs bench/extract_fidelity.py on
# ../shared/pdf-corpus/domain/ and ../shared/pdf-corpus/mixed/: fidelity and process-per-file
# timing against `pdftotext FILE -`, in-process timing with the hidden `casebook extract --time 3`,
# and pages per second with one worker per core.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
corpora=${CORPORA:-$root/../shared/pdf-corpus}
out=$root/bench/RESULTS.md
exe=$root/target/release/casebook
workers=$(nproc)

cd "$root"
cargo build --release -p casebook-web

if ! command -v pdftotext >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -q && $sudo apt-get install -y -q poppler-utils
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mem_kib=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
{
    echo "# Extractor benchmark results"
    echo
    echo "Written by \`bench/extract.sh\` (project issue #3); do not edit by hand."
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $(nproc) cores ($cpu), $((mem_kib / 1024 / 1024)) GiB memory, $(uname -sr)"
    echo "- Load average at start (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg); timings are"
    echo "  only comparable when it is well under $(nproc)."
    echo "- Reference: $(pdftotext -v 2>&1 | head -n 1)"
    echo "- Ours: \`target/release/casebook extract FILE\` (release build); in-process timing with"
    echo "  \`casebook extract FILE --time 3\` (best of 3, file already in memory, one thread)."
    echo "- pdftotext timing: one process per file, spawn included. Pages/s: ours, one process per"
    echo "  file, $workers workers."
    echo "- Method: NFKC, lower-cased \`\\w+\` tokens; recall = multiset intersection / pdftotext's"
    echo "  words, precision = intersection / our words; split and joined words as in"
    echo "  \`bench/extract_fidelity.py\`. Page counts are compared file by file (form feeds)."
    echo
    echo "Targets: domain/ recall and precision >= 0.999, < 200 split words, equal page counts,"
    echo ">= 3x faster per page than pdftotext; mixed/ recall and precision >= 0.99."
    echo
} > "$tmp/RESULTS.md"

for corpus in domain mixed; do
    echo "== $corpus" >&2
    python3 "$root/bench/extract_fidelity.py" "$corpora/$corpus" \
        --cmd "$exe extract {file}" \
        --time-cmd "$exe extract {file} --time 3" \
        --workers "$workers" --timeout 30 \
        --json "$tmp/$corpus.json" \
        --markdown "$tmp/RESULTS.md" --title "$corpus/" --worst 10 \
        > "$tmp/$corpus.txt"
    tail -n 12 "$tmp/$corpus.txt" >&2
done

cp "$tmp/RESULTS.md" "$out"
echo "wrote $out" >&2
