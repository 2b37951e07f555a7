#!/usr/bin/env python3
"""Politeness accuracy of `savy score` on the Stanford Politeness Corpus (Wikipedia requests).

Measures what ../shared/eval/README.md names: ROC AUC of tone.politeness for polite
(binary = 1) against impolite (binary = -1) rows, and Spearman's rho against
normalized_score over all rows. Usage (after `swift build -c release`):

    python3 scripts/eval_politeness.py [../shared/eval/politeness/wikipedia.csv]
"""
import csv
import json
import os
import subprocess
import sys

from metrics import auc, spearman

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "eval", "politeness", "wikipedia.csv")
    savy = os.environ.get("SAVY", os.path.join(ROOT, ".build", "release", "savy"))
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = "".join(" ".join(r["text"].split()) + "\n" for r in rows)
    out = subprocess.run([savy, "score", "--lang", "en", "--input", "-"], input=texts.encode(),
                         capture_output=True, check=True).stdout.decode()
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(rows), (len(records), len(rows))
    scores = [rec["tone"]["politeness"] for rec in records]
    gold = [float(r["normalized_score"]) for r in rows]
    polite = [s for s, r in zip(scores, rows) if r["binary"] == "1"]
    impolite = [s for s, r in zip(scores, rows) if r["binary"] == "-1"]
    rho = spearman(scores, gold)
    print(f"rows {len(rows)}  polite {len(polite)}  impolite {len(impolite)}")
    print(f"AUC (polite vs impolite) {auc(polite, impolite):.4f}")
    print(f"Spearman rho vs normalized_score {rho:.4f}")


if __name__ == "__main__":
    main()
