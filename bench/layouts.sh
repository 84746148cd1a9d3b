#!/bin/sh
# Scores how Casebook reads reviews in layouts it was not written against (project issue #15)
# and writes bench/LAYOUTS.md. Run from anywhere: ./bench/layouts.sh
#
# Builds `casebook` in release mode and runs ../shared/review-layouts/score.py on it: the PDFs
# alone (no sidecars, no listing pages) are indexed, and findings, recommendations, addressees,
# themes and risk factors, type and year are scored against the gold files. Then it times
# `casebook inspect` on each file, and counts the recommendation units read from the real
# Ofsted and board reports in ../shared/pdf-corpus/domain/ (which hold few of their own).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
layouts=$shared/review-layouts
out=$root/bench/LAYOUTS.md
exe=$root/target/release/casebook

cd "$root"
cargo build --release -p casebook-web

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$layouts/score.py" "$exe" "$layouts" > "$tmp/score.txt"

# How long `casebook inspect` takes on each file: the slowest and the total.
python3 - "$exe" "$layouts"/pdf/*.pdf > "$tmp/inspect.txt" <<'PY'
import os, subprocess, sys, time
exe, pdfs = sys.argv[1], sys.argv[2:]
times = []
for pdf in pdfs:
    start = time.perf_counter()
    subprocess.run([exe, "inspect", "--json", pdf], check=True, stdout=subprocess.DEVNULL)
    times.append((time.perf_counter() - start, os.path.basename(pdf)))
slowest, name = max(times)
print(f"slowest {slowest:.3f} s ({name}), all {len(times)} files {sum(t for t, _ in times):.2f} s")
PY

domain=$shared/pdf-corpus/domain
"$exe" index "$domain" --index "$tmp/domain-index" > "$tmp/domain-index.txt" 2>&1 || true
n_domain_recs=$("$exe" search --index "$tmp/domain-index" --kind recommendation --json --limit 1 \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')
n_domain_findings=$("$exe" search --index "$tmp/domain-index" --kind finding --json --limit 1 \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])')

{
    echo "# Reading reviews in unseen layouts"
    echo
    echo "Written by \`bench/layouts.sh\` (project issue #15); do not edit by hand."
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')"
    echo "- Set: \`../shared/review-layouts/\` (14 fictional reviews, gold files, \`score.py\`)"
    echo
    echo "Targets: recommendations F1 >= 0.95, findings F1 >= 0.90, addressees exact >= 0.90 of"
    echo "matched recommendations, themes + risk factors P >= 0.90 and R >= 0.85, every type right;"
    echo "\`casebook inspect\` under a second a file."
    echo
    echo '```'
    cat "$tmp/score.txt"
    echo '```'
    echo
    echo "\`casebook inspect --json\` on each file: $(cat "$tmp/inspect.txt")."
    echo
    echo "\`../shared/pdf-corpus/domain/\` (real inspection and board reports, not case reviews):"
    echo "$n_domain_recs recommendation units and $n_domain_findings findings read."
} > "$out"
echo "wrote $out"
