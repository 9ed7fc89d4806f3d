#!/usr/bin/env bash
# Runs every benchmark in order: the training-speed benchmarks of tests/Dashboard.Benchmarks, then the
# dashboard-side suite of tests/Dashboard.Web.Benchmarks where that project exists. Benchmarks are
# measurements, not tests, and never run in CI. Each benchmark prints its tables and writes them as JSON
# and Markdown into the results folder; the console output is kept there as console.log.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: tests/run-benchmarks.sh [--quick] [--out DIR]

  --quick    fewer repeats and epochs, to check that every benchmark runs; figures need a full run
  --out DIR  folder for the JSON and Markdown results (default: /tmp/dashboard-benchmarks/UTC-TIMESTAMP)

Timings are only comparable on an otherwise idle machine: other processes that use the cores slow
libtorch's threads far more than their share of the CPU.
EOF
}

quick=()
out=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=(--quick); shift ;;
        --out)
            if [[ $# -lt 2 ]]; then
                echo "--out needs a folder." >&2
                exit 2
            fi
            out="$2"
            shift 2
            ;;
        -h | --help) usage; exit 0 ;;
        *) echo "Unknown option $1." >&2; usage >&2; exit 2 ;;
    esac
done

repository="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repository"
out="${out:-/tmp/dashboard-benchmarks/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
exec > >(tee -a "$out/console.log") 2>&1

# The reference side of the step-time comparison is Debian's PyTorch build, not a pip one.
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    echo "/usr/bin/python3 cannot import torch. Install Debian's PyTorch with: sudo apt-get install python3-torch" >&2
    exit 1
fi

echo "Results folder: $out"
echo "Load before the run: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5 and 15 minute averages) on $(nproc) logical CPUs"
dotnet build tests/Dashboard.Benchmarks -c Release --nologo -v quiet
console=tests/Dashboard.Benchmarks/bin/Release/net10.0/linux-x64/Dashboard.Benchmarks

failed=()
run() {
    echo
    echo "### $*"
    if ! "$@"; then
        failed+=("$*")
    fi
}

run /usr/bin/python3 tests/Dashboard.Benchmarks/python/step_time_compare.py "${quick[@]}" --worker "$console" --out "$out"
run "$console" trainer-overhead "${quick[@]}" --out "$out"
run "$console" epoch-profile "${quick[@]}" --out "$out"
run "$console" memory "${quick[@]}" --out "$out"
run "$console" throughput "${quick[@]}" --out "$out"

if [[ -d tests/Dashboard.Web.Benchmarks ]]; then
    run dotnet run -c Release --project tests/Dashboard.Web.Benchmarks -- all "${quick[@]}" --out "$out/dashboard"
else
    echo
    echo "tests/Dashboard.Web.Benchmarks does not exist; the dashboard-side benchmarks are skipped."
fi

echo
echo "Load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Results folder: $out"
if [[ ${#failed[@]} -gt 0 ]]; then
    printf 'Failed: %s\n' "${failed[@]}" >&2
    exit 1
fi
