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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1  # ties share their mean rank
        i = j + 1
    return result


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / (sxx * syy) ** 0.5


def auc(positives, negatives):
    """Probability that a polite row outscores an impolite one (ties count half)."""
    r = ranks(positives + negatives)
    n1, n0 = len(positives), len(negatives)
    return (sum(r[:n1]) - n1 * (n1 + 1) / 2) / (n1 * n0)


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
    rho = pearson(ranks(scores), ranks(gold))
    print(f"rows {len(rows)}  polite {len(polite)}  impolite {len(impolite)}")
    print(f"AUC (polite vs impolite) {auc(polite, impolite):.4f}")
    print(f"Spearman rho vs normalized_score {rho:.4f}")


if __name__ == "__main__":
    main()
