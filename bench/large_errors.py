"""How long a large events.yaml takes to validate when it has one error, next to when it has none.

    python bench/large_errors.py                 # 100,000 events (about 33 MB)
    python bench/large_errors.py --events 150000

Writes a synthetic timeline (bench/build_speed.py's generator), then the same file with
one impossible date in the middle, and runs `timeline validate` on each in a fresh
process, reporting wall time and peak memory. The valid file is the baseline of the
same run: reporting the one error should cost about the same (the file is read once
without positions, then only the positions the message needs are found).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speed import synthetic_yaml


def one_bad_date(text: str) -> str:
    lines = text.split("\n")
    dated = [i for i, line in enumerate(lines) if line.strip().startswith("date: ")]
    middle = dated[len(dated) // 2]
    lines[middle] = lines[middle].split("date:")[0] + "date: 2020-02-30"
    return "\n".join(lines)


# The child reports its own peak memory as it exits (after click's sys.exit).
CHILD = """
import atexit, resource, sys
atexit.register(lambda: sys.stderr.write(
    "\\nPEAK %d\\n" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
sys.argv = ["timeline", "validate", sys.argv[1]]
from timeline.cli import main
main()
"""


def validate(path: Path) -> tuple[float, float, int, str]:
    """Seconds, peak MB and exit code of `timeline validate PATH` in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run(  # run from the file's folder: '' on sys.path must not be the repo
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=path.parent,
    )
    seconds = time.perf_counter() - started
    peak = int(done.stderr.rsplit("PEAK ", 1)[1]) / 1024
    first = (done.stdout or done.stderr).splitlines()[0].replace(str(path.parent) + "/", "")
    return seconds, peak, done.returncode, first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    text = synthetic_yaml(args.events)
    with tempfile.TemporaryDirectory() as folder:
        good, bad = Path(folder) / "valid.yaml", Path(folder) / "one-error.yaml"
        good.write_text(text, encoding="utf-8")
        bad.write_text(one_bad_date(text), encoding="utf-8")
        print(f"{args.events:,} events, {len(text.encode()) / 1e6:.1f} MB\n")
        print("| file | seconds | peak MB | exit | first line |")
        print("|---|---:|---:|---:|---|")
        results = {}
        for name, path in (("valid", good), ("one bad date", bad)):
            seconds, peak, code, first = validate(path)
            results[name] = seconds
            print(f"| {name} | {seconds:.1f} | {peak:.0f} | {code} | `{first[:90]}` |", flush=True)
        print(f"\nratio (one bad date / valid): {results['one bad date'] / results['valid']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
