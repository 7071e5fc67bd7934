#!/usr/bin/env bash
# Smoke run on Python 3.13: a fresh venv, a NON-editable `pip install .`, then the installed console script
# on samples/ — every line is a dispatchtui/2 record, the seed has 19 paragraphs and a quote, and the
# wheel ships the Textual styles. Exits non-zero on any failure.
#
#   bash .ci/smoke_py313.sh                # ~/.pyenv/versions/3.13.0/bin/python, else python3.13 on PATH
#   bash .ci/smoke_py313.sh /path/to/python   # any other interpreter (e.g. 3.12 by hand)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"

PY="${1:-}"
if [[ -z "$PY" ]]; then
    if [[ -x "$HOME/.pyenv/versions/3.13.0/bin/python" ]]; then
        PY="$HOME/.pyenv/versions/3.13.0/bin/python"
    elif command -v python3.13 >/dev/null 2>&1; then
        PY="$(command -v python3.13)"
    else
        echo "smoke: no Python 3.13 found (~/.pyenv/versions/3.13.0/bin/python or python3.13)" >&2
        exit 1
    fi
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/dispatchtui-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
export DISPATCHTUI_CACHE_DIR="$WORK/cache" DISPATCHTUI_CONFIG_DIR="$WORK/config"
unset DISPATCHTUI_NO_CACHE DISPATCHTUI_MAX_BYTES PYTHONPATH

echo "smoke: $("$PY" --version 2>&1) at $PY"
"$PY" -m venv "$WORK/venv"
# Non-editable: build the wheel from a copy of the sources, so what is tested is what would ship.
"$WORK/venv/bin/pip" install -q "$REPO"

# Run from outside the repo so nothing can be imported from the working tree by accident.
cd "$WORK"
"$WORK/venv/bin/dispatchtui" --version
status=0
"$WORK/venv/bin/dispatchtui" extract "$REPO/samples/" --format jsonl >"$WORK/out.jsonl" 2>"$WORK/err.txt" || status=$?
if [[ $status -ne 0 ]]; then
    echo "smoke: 'dispatchtui extract samples/' exited $status" >&2
    cat "$WORK/err.txt" >&2
    exit 1
fi
if grep -q "Traceback" "$WORK/err.txt"; then
    echo "smoke: traceback on stderr" >&2
    cat "$WORK/err.txt" >&2
    exit 1
fi

"$WORK/venv/bin/python" - "$WORK/out.jsonl" "$REPO" <<'PY'
import json, pathlib, sys

out, repo = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
lines = out.read_text(encoding="utf-8").splitlines()
problems = []
records = []
for i, line in enumerate(lines, 1):
    try:
        o = json.loads(line)
    except ValueError as exc:
        problems.append(f"line {i} is not JSON: {exc}")
        continue
    if o.get("schema") != "dispatchtui/2":
        problems.append(f"line {i}: schema {o.get('schema')!r}")
    records.append(o)
expected = sorted((repo / "samples").glob("*.txt"))
sources = {pathlib.Path(o.get("source", "")).name for o in records}
for p in expected:
    if p.name not in sources:
        problems.append(f"no record for {p.name}")
seed = [o for o in records if str(o.get("source", "")).endswith("01_kaztoday_kosherbaev-v-dushanbe.txt")]
if len(seed) != 1:
    problems.append(f"expected one seed record, got {len(seed)}")
else:
    s = seed[0]
    if len(s.get("paragraphs", [])) != 19:
        problems.append(f"seed has {len(s.get('paragraphs', []))} paragraphs, not 19")
    if len(s.get("quotes", [])) < 1:
        problems.append("seed has no quote")

import dispatchtui

pkg = pathlib.Path(dispatchtui.__file__).resolve().parent
if "site-packages" not in pkg.parts:
    problems.append(f"dispatchtui imported from {pkg}, not from the installed wheel")
styles = pkg / "styles"
if not styles.is_dir():
    problems.append(f"the wheel has no styles folder ({styles})")
elif not list(styles.glob("*.tcss")):
    problems.append(f"the wheel's styles folder has no *.tcss ({styles})")

if problems:
    print("smoke: FAILED", *problems, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"smoke: {len(records)} records OK; seed 19 paragraphs, {len(seed[0]['quotes'])} quote(s); "
      f"styles: {', '.join(sorted(p.name for p in styles.glob('*.tcss')))}")
PY
echo "smoke: passed"
