#!/usr/bin/env bash
# Proves that a refactoring kept every output byte-identical: runs scripts/outputs.py in a checkout of
# BASE (default HEAD) and in the work tree, with the same Python environment, and compares the folders.
# Usage: scripts/same-outputs.sh [BASE]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-HEAD}
py=${PYTHON:-$top/.venv/bin/python}
tmp=$(mktemp -d)
trap 'git -C "$top" worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git -C "$top" worktree add --detach "$tmp/base" "$base" >/dev/null
cp "$top/scripts/outputs.py" "$tmp/outputs.py"
cp "$tmp/outputs.py" "$tmp/base/scripts/outputs.py"
# Both sides at once: one core each.
(cd "$tmp/base" && PYTHONPATH="$tmp/base" "$py" scripts/outputs.py "$tmp/before") & before=$!
(cd "$top" && PYTHONPATH="$top" "$py" scripts/outputs.py "$tmp/after")
wait "$before"
# A diff names the files it read by their absolute paths: the checkout's folder is the one difference that
# says nothing about the outputs.
grep -rlF "$tmp/base/" "$tmp/before" | while read -r f; do sed -i "s#$tmp/base/#$top/#g" "$f"; done
if diff -r "$tmp/before" "$tmp/after" >"$tmp/diff.txt"; then
  echo "same: $(find "$tmp/after" -type f | wc -l) output files byte-identical to $base"
else
  head -40 "$tmp/diff.txt"
  echo "DIFFERENT from $base (first lines above)" >&2
  exit 1
fi
