#!/usr/bin/env python3
"""Accuracy of Savy's language detection on the XED development sets.

    python3 scripts/language_accuracy.py [--savy PATH] [--eval-dir ../shared/eval]

Every line of xed_en_dev.tsv is English and every line of xed_fi_dev.tsv Finnish. Reports
accuracy for texts of five words or more, and for shorter ones, where "und" counts as wrong.
"""
import argparse
import collections
import json
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--savy", default=str(ROOT / ".build" / "release" / "savy"))
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--show", type=int, default=0, help="print this many misdetected long texts")
    args = parser.parse_args()
    counts = collections.Counter()
    wrong_long = []
    for expected, path in (("en", "en/xed_en_dev.tsv"), ("fi", "fi/xed_fi_dev.tsv")):
        lines = (pathlib.Path(args.eval_dir) / path).read_text(encoding="utf-8").splitlines()[1:]
        texts = [line.split("\t")[0] for line in lines]
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", delete=False) as f:
            f.write("\n".join(texts) + "\n")
        out = subprocess.run([args.savy, "score", "--input", f.name], check=True, capture_output=True, text=True).stdout
        pathlib.Path(f.name).unlink()
        for text, line in zip(texts, out.splitlines()):
            record = json.loads(line)
            words = sum(1 for w in text.split() if any(c.isalpha() for c in w))
            bucket = "5+ words" if words >= 5 else "1-4 words"
            ok = record.get("language") == expected
            counts[(expected, bucket, ok)] += 1
            if not ok and words >= 5:
                wrong_long.append((expected, record.get("language"), text))
    print(f"{'set':<4} {'texts':<10} {'n':>6} {'accuracy':>9}")
    for bucket in ("5+ words", "1-4 words"):
        total_ok = total = 0
        for lang in ("en", "fi"):
            ok, bad = counts[(lang, bucket, True)], counts[(lang, bucket, False)]
            total_ok += ok
            total += ok + bad
            print(f"{lang:<4} {bucket:<10} {ok + bad:>6} {ok / max(ok + bad, 1):>9.4f}")
        print(f"{'both':<4} {bucket:<10} {total:>6} {total_ok / max(total, 1):>9.4f}")
    for expected, got, text in wrong_long[: args.show]:
        print(f"  {expected} -> {got}: {text[:100]}")


if __name__ == "__main__":
    main()
