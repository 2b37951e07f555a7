#!/usr/bin/env python3
"""Savy against VADER on the same generated chat corpus, in one run: lines/s, MB/s, ratio.

    swift build -c release && (cd Benchmarks && swift build -c release)
    pip install vadersentiment
    python3 scripts/compare_speed.py [--lines 20000] [--language en] [--runs 5] [--callgrind]

Savy runs end to end as `savy score` (text in, JSONL with sentiment, tone and empathy out),
once on one worker thread and once on one per core; VADER runs in-process
(`polarity_scores` per line, nothing written, one core: Python). Times are the median of
--runs runs; the ratios compare one core with one core, and Savy's cores with VADER's one. With --callgrind, valgrind also counts instructions for both on a
smaller corpus (Swift binaries are copied and stripped with `objcopy --strip-debug` first,
which valgrind needs); instruction counts do not depend on the machine's load.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAVY = os.path.join(ROOT, ".build", "release", "savy")
CORPUS = os.path.join(ROOT, "Benchmarks", ".build", "release", "chat-corpus")

VADER_RUN = """
import sys
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
analyzer = SentimentIntensityAnalyzer()
for line in open(sys.argv[1], encoding="utf-8"):
    analyzer.polarity_scores(line.rstrip("\\n"))
"""


def corpus(path, language, lines):
    with open(path, "wb") as f:
        subprocess.run([CORPUS, language, str(lines), "1"], stdout=f, check=True)
    with open(path, "rb") as f:
        data = f.read()
    return data.count(b"\n"), len(data)


def time_savy(path, language, runs, threads):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([SAVY, "score", "--lang", language, "--threads", str(threads), "--progress", "never",
                        "--input", path], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_startup(runs):
    """A whole `savy score hello`: start-up (building the lexicons) dominates it."""
    times = []
    for _ in range(max(runs, 11)):
        start = time.perf_counter()
        subprocess.run([SAVY, "score", "hello"], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_vader(path, runs):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    lines = [line.rstrip("\n") for line in open(path, encoding="utf-8")]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for line in lines:
            analyzer.polarity_scores(line)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def callgrind(command):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + command,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
        for line in result.stderr.splitlines():
            if "Collected" in line:
                return int(line.split(":")[-1].strip().replace(",", ""))
    raise RuntimeError("no instruction count from callgrind")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--language", default="en", choices=["en", "fi", "mixed"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--callgrind", action="store_true")
    args = parser.parse_args()
    for tool in (SAVY, CORPUS):
        if not os.path.exists(tool):
            sys.exit(f"missing {tool}: build first (see the docstring)")
    lang = "auto" if args.language == "mixed" else args.language
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "corpus.txt")
        lines, size = corpus(path, args.language, args.lines)
        cores = os.cpu_count() or 1
        savy1 = time_savy(path, lang, args.runs, 1)
        savy_n = time_savy(path, lang, args.runs, cores)
        vader = time_vader(path, args.runs)
        print(f"corpus: {lines} {args.language} chat lines, {size / 1e6:.2f} MB (chat-corpus, seed 1); median of {args.runs} runs")
        print(f"{'tool':34} {'seconds':>8} {'lines/s':>10} {'MB/s':>8}")
        for name, seconds in [("savy score, 1 thread", savy1), (f"savy score, {cores} threads", savy_n),
                              ("VADER 3.3.2 (in-process, 1 core)", vader)]:
            print(f"{name:34} {seconds:8.3f} {lines / seconds:10.0f} {size / seconds / 1e6:8.2f}")
        print(f"ratio, one core each (VADER time / Savy time): {vader / savy1:.1f}x")
        print(f"ratio, Savy on {cores} cores: {vader / savy_n:.1f}x; scaling 1 -> {cores} threads: {savy1 / savy_n:.2f}x")
        print(f"savy start-up (a whole `savy score hello`): {time_startup(args.runs) * 1000:.1f} ms")
        if args.callgrind:
            small = os.path.join(tmp, "small.txt")
            small_lines, small_size = corpus(small, args.language, max(1000, args.lines // 10))
            stripped = os.path.join(tmp, "savy")
            shutil.copy(SAVY, stripped)
            subprocess.run(["objcopy", "--strip-debug", stripped], check=True)
            script = os.path.join(tmp, "vader_run.py")
            with open(script, "w") as f:
                f.write(VADER_RUN)
            savy_i = callgrind([stripped, "score", "--lang", lang, "--threads", "1", "--input", small])
            vader_i = callgrind([sys.executable, script, small])
            print(f"callgrind on {small_lines} lines ({small_size} bytes), whole process including start-up:")
            print(f"  savy  {savy_i:,} instructions ({savy_i / small_size:.0f}/byte)")
            print(f"  VADER {vader_i:,} instructions ({vader_i / small_size:.0f}/byte)")
            print(f"  ratio {vader_i / savy_i:.1f}x")


if __name__ == "__main__":
    main()
