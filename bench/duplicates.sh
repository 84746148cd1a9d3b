#!/usr/bin/env bash
# One review, counted once (#18), at national scale: 3,000 generated reviews with 5% of them
# published a second time (half as copies under another name, half as executive summaries),
# indexed in full and then incrementally after one more copy. Writes bench/DUPLICATES.md.
#
#   bench/duplicates.sh                          # 3,000 reviews, generated once into target/
#   CASEBOOK_BENCH_FILES=300 bench/duplicates.sh # a smaller run, to try the script
#
# The cost of grouping is read from the indexer's and the reader's own log lines (the same
# run's total time is the reference), so the ratios do not depend on how fast this machine is.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
files=${CASEBOOK_BENCH_FILES:-3000}
cache=${CASEBOOK_BENCH_CACHE:-$top/target/bench-duplicates}
corpus=$cache/corpus
mkdir -p "$cache"

if [ ! -f "$corpus/.complete-$files" ]; then
  rm -rf "$corpus"
  python3 bench/national/generate.py --out "$corpus" --files "$files" --publish-twice 0.05 \
    | tee "$cache/generate.out"
  touch "$corpus/.complete-$files"
fi
find "$corpus" -name 'added-copy-*' -delete
n_pdfs=$(find "$corpus" -name '*.pdf' | wc -l)
planted=$(find "$corpus" \( -name '*-copy.pdf' -o -name '*-executive-summary.pdf' \) | wc -l)

cargo build --release -p casebook-web
bin=$top/target/release/casebook
index=$cache/index
rm -rf "$index"

# field NAME LOGFILE: the value of NAME= on the last log line that has it.
field() { sed 's/\x1b\[[0-9;]*m//g' "$2" | grep -o "$1=[0-9]*" | tail -1 | cut -d= -f2; }

CASEBOOK_LOG=info "$bin" index "$corpus" --index "$index" --full >"$cache/full.out" 2>&1
full_ms=$(field elapsed_ms <(grep "index committed" "$cache/full.out"))
full_group_ms=$(field elapsed_ms <(grep "published twice grouped" "$cache/full.out"))
found=$(field n_duplicates <(grep "published twice grouped" "$cache/full.out"))

# One more copy of a review, under another name: an incremental run.
first=$(find "$corpus" -name '*.pdf' ! -name '*-copy.pdf' ! -name '*-executive-summary.pdf' | sort | sed -n 1p)
cp "$first" "$(dirname "$first")/added-copy-$(basename "$first")"
CASEBOOK_LOG=info "$bin" index "$corpus" --index "$index" >"$cache/incremental.out" 2>&1
inc_ms=$(field elapsed_ms <(grep "index committed" "$cache/incremental.out"))
inc_group_ms=$(field elapsed_ms <(grep "published twice grouped" "$cache/incremental.out"))
inc_found=$(field n_duplicates <(grep "published twice grouped" "$cache/incremental.out"))

# The reader groups once per index generation, when a page first needs it.
CASEBOOK_LOG=info "$bin" themes --index "$index" >"$cache/themes.out" 2>&1
read_ms=$(field elapsed_ms <(grep "published twice grouped" "$cache/themes.out"))
read_found=$(field n_duplicates <(grep "published twice grouped" "$cache/themes.out"))
themes_reviews=$(grep -m1 "reviews$" "$cache/themes.out" | cut -d' ' -f1)

ratio() { python3 -c "print(f'{$1 / max($2, 1) * 100:.1f}%')"; }
cat >bench/DUPLICATES.md <<EOF
# One review, counted once, at national scale

Written by \`bench/duplicates.sh\` (issue #18); do not edit by hand.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores
- Corpus: $n_pdfs PDFs (\`bench/national/generate.py --files $files --publish-twice 0.05\`):
  $planted of them a second version of a review (half copies under another name, half
  executive summaries: the cover and three pages).

| run | grouping | whole run | share |
|---|---|---|---|
| full index | $full_group_ms ms | $full_ms ms | $(ratio "$full_group_ms" "$full_ms") |
| incremental, one more copy | $inc_group_ms ms | $inc_ms ms | $(ratio "$inc_group_ms" "$inc_ms") |
| reader, once per index generation | $read_ms ms | – | – |

- Second versions found: $found of $planted planted after the full run; $inc_found after the
  incremental one (one more planted); the reader finds $read_found.
- \`casebook themes\` counts $themes_reviews reviews ($n_pdfs files + 1 copy, less the second versions).
- Targets: grouping under 10% of a full index, under 1 s of an incremental one.
EOF
cat bench/DUPLICATES.md
