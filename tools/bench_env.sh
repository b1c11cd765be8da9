# Sourced by the tools/bench_*.sh scripts: the repository root as working directory, the thread
# count from the first argument (default: all cores), a scratch folder removed on exit.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
threads="${1:-$(nproc)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
