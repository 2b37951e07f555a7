#!/usr/bin/env python3
"""Side-by-side accuracy of Savy and VADER on the labelled sets, in one run.

    python3 scripts/compare_vader.py [--savy PATH] [--eval-dir ../shared/eval]

Both tools score the same rows and are measured by the same code here:
- numeric gold (VADER tweets, mean ratings -4..4): Pearson r of compound, and 3-class
  macro-F1 with gold neutral when |mean| <= 0.2;
- label gold (XED): 3-class macro-F1.
Predicted labels: positive at compound >= 0.05, negative at <= -0.05 (both tools).
Needs `pip install vadersentiment`.
"""
import argparse
import csv
import json
import pathlib
import subprocess
import sys
import tempfile

from metrics import pearson

ROOT = pathlib.Path(__file__).resolve().parents[1]
CLASSES = ["positive", "neutral", "negative"]


def label(compound):
    return "positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral"


def macro_f1(gold, predicted):
    f1s = []
    for c in CLASSES:
        tp = sum(1 for g, p in zip(gold, predicted) if g == c and p == c)
        pp = sum(1 for p in predicted if p == c)
        ap = sum(1 for g in gold if g == c)
        prec = tp / pp if pp else 0.0
        rec = tp / ap if ap else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s)


def read_tsv(path, gold_column):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["text"] for r in rows], [r[gold_column] for r in rows]


def savy_compounds(savy, texts):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write("\n".join(t.replace("\n", " ") for t in texts) + "\n")
        name = f.name
    out = subprocess.run([savy, "score", "--input", name], check=True, capture_output=True, text=True).stdout
    compounds = []
    for line in out.splitlines():
        record = json.loads(line)
        compounds.append(record["sentiment"]["compound"] if "sentiment" in record else 0.0)
    pathlib.Path(name).unlink()
    assert len(compounds) == len(texts), (len(compounds), len(texts))
    return compounds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--savy", default=str(ROOT / ".build" / "release" / "savy"))
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    args = parser.parse_args()
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        sys.exit("VADER is missing: pip install vadersentiment")
    if not pathlib.Path(args.savy).exists():
        sys.exit(f"{args.savy} is missing: swift build -c release")
    vader = SentimentIntensityAnalyzer()
    eval_dir = pathlib.Path(args.eval_dir)
    sets = [
        ("VADER tweets", eval_dir / "en" / "vader_tweets.tsv", "mean_rating", "numeric"),
        ("XED English", eval_dir / "en" / "xed_en_dev.tsv", "label", "labels"),
    ]
    print(f"{'set':<14} {'measure':<10} {'Savy':>7} {'VADER':>7} {'Savy-VADER':>11}")
    for name, path, column, kind in sets:
        if not path.exists():
            print(f"{name:<14} (missing: {path})")
            continue
        texts, gold = read_tsv(path, column)
        ours = savy_compounds(args.savy, texts)
        theirs = [vader.polarity_scores(t)["compound"] for t in texts]
        rows = []
        if kind == "numeric":
            numbers = [float(g) for g in gold]
            rows.append(("Pearson r", pearson(ours, numbers), pearson(theirs, numbers)))
            gold = ["neutral" if abs(g) <= 0.2 else "positive" if g > 0 else "negative" for g in numbers]
        rows.append(("macro-F1", macro_f1(gold, [label(c) for c in ours]), macro_f1(gold, [label(c) for c in theirs])))
        for measure, a, b in rows:
            print(f"{name:<14} {measure:<10} {a:7.4f} {b:7.4f} {a - b:+11.4f}")


if __name__ == "__main__":
    main()
