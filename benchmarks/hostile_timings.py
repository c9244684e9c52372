"""Per-file status, reason and seconds for every hostile file, through the real parse stage.

    /tmp/venv/bin/python benchmarks/hostile_timings.py [--timeout 10] [--memory-mb 2048]

Writes the files of screener_testkit.hostile into a temporary folder, then reads each one
alone with `screener.run.batch.parse_all` as `screener screen --jobs 1` does (one guarded worker:
the deadline and the memory cap apply), so each time is that file's own cost, worker start
included. Prints a Markdown table, then the whole folder as one batch on two workers.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from screener.parse.profile import ParseSettings
from screener.run.batch import parse_all
from screener.run.inputs import collect_inputs
from screener_testkit import hostile

SETTINGS = ParseSettings(as_of="2026-11-27")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--memory-mb", type=int, default=2048)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "hostile"
        files = hostile.write_all(folder)
        os.chmod(files["unreadable.txt"], 0o644)  # root reads it anyway; keep runs alike
        print("| file | status | seconds | reason |")
        print("|---|---|---:|---|")
        for name in sorted(files):
            started = time.monotonic()
            [profile] = parse_all([str(files[name])], SETTINGS, jobs=1, timeout=args.timeout,
                                  memory_mb=args.memory_mb)
            seconds = time.monotonic() - started
            doc = profile.document
            reason = doc.error or "; ".join(doc.warnings) or ""
            print(f"| `{name}` | {doc.status} | {seconds:.2f} | {reason} |")
        inputs = collect_inputs([str(folder)])
        started = time.monotonic()
        profiles = list(parse_all(inputs, SETTINGS, jobs=2, timeout=args.timeout,
                                  memory_mb=args.memory_mb))
        print(f"\nwhole folder, --jobs 2: {len(profiles)} rows for {len(files)} files "
              f"({inputs.hidden} hidden skipped) in {time.monotonic() - started:.2f} s")


if __name__ == "__main__":
    main()
