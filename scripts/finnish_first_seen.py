#!/usr/bin/env python3
"""The cost of a Finnish word Savy has not seen before (Voikko's analysis, then cached).

    swift build -c release
    python3 scripts/finnish_first_seen.py [--input ../shared/eval/fi/xed_fi_dev.tsv] [--runs 5]

Times `savy score --lang fi --threads 1` on a file F, on F ten times over (every copy after
the first is warm), and on one line (start-up). With T(x) the median time:
    warm time of F       = (T(10 F) - T(F)) / 9
    first sight of F's words = T(F) - T(one line) - warm time of F
the latter divided by the number of distinct word forms in F.
"""
import argparse
import os
import re
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAVY = os.path.join(ROOT, ".build", "release", "savy")


def median_time(path, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([SAVY, "score", "--lang", "fi", "--threads", "1", "--progress", "never", "--input", path],
                       stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", default=os.path.join(ROOT, "..", "shared", "eval", "fi", "xed_fi_dev.tsv"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    lines = [line.split("\t")[0] for line in open(args.input, encoding="utf-8") if line.strip()]
    text = "".join(line + "\n" for line in lines)
    words = {w for w in re.findall(r"\w+", text.lower()) if not w.isdigit()}
    size = len(text.encode())
    with tempfile.TemporaryDirectory() as tmp:
        once, ten, one = (os.path.join(tmp, name) for name in ("once", "ten", "one"))
        open(once, "w").write(text)
        open(ten, "w").write(text * 10)
        open(one, "w").write(lines[0] + "\n")
        t1, t10, t0 = median_time(once, args.runs), median_time(ten, args.runs), median_time(one, args.runs)
    warm = (t10 - t1) / 9
    cold = t1 - t0 - warm
    print(f"{len(lines)} lines, {size / 1e6:.2f} MB, {len(words)} distinct word forms; median of {args.runs} runs, one thread")
    print(f"start-up {t0 * 1e3:.0f} ms; warm scoring {warm * 1e3:.0f} ms = {size / warm / 1e6:.1f} MB/s")
    print(f"first sight of its words {cold * 1e3:.0f} ms = {cold / len(words) * 1e6:.1f} µs per distinct word form")


if __name__ == "__main__":
    main()
