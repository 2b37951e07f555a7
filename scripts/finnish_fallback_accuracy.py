#!/usr/bin/env python3
"""How well Finnish words are read without Voikko, against Savy's reading with Voikko.

    swift build -c release
    python3 scripts/finnish_fallback_accuracy.py [--input ../shared/eval/fi/xed_fi_dev.tsv]

Every distinct word form of the input's texts is scored alone, with Voikko and with
--no-voikko. A form the lexicon has as written is left out (both read it the same); for the
rest, the lexicon term each reading lands on is compared, counted by the form's occurrences:
    found      the fallback lands on the term Voikko's reading does
    same sign  on another term of the same sign ("vihaan": viha, not vihata)
    wrong      on a term of the other sign, or on one where Voikko's reading lands on none
    missed     Voikko's reading lands on a term, the fallback on none
Needs Voikko installed (the reference), and libstemmer for the Snowball step.
"""
import argparse
import collections
import csv
import ctypes
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAVY = os.path.join(ROOT, ".build", "release", "savy")
READINGS = {"lexicon", "inflection", "compoundHead", "compoundModifier"}


def terms(words, voikko):
    """Each word's reading alone: the lexicon term it lands on (None if none), its sign, and
    whether it is the word as written."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(words) + "\n")
        path = f.name
    args = [SAVY, "score", "--lang", "fi", "--explain", "--progress", "never", "--input", path]
    if not voikko:
        args.append("--no-voikko")
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout.splitlines()
    os.unlink(path)
    result = []
    for line in out:
        row = json.loads(line)
        hits = [e for e in row.get("evidence", []) if e["kind"] in READINGS and e.get("term")]
        if not hits:
            result.append((None, 0, False))
        else:
            h = hits[0]
            result.append((h["term"], 1 if h["effect"] > 0 else -1, h["kind"] == "lexicon" and h["term"] == h["text"].lower()))
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", default=os.path.join(ROOT, "..", "shared", "eval", "fi", "xed_fi_dev.tsv"))
    parser.add_argument("--show", type=int, default=0, help="print this many of the commonest wrong readings")
    options = parser.parse_args()
    if not os.path.exists(SAVY):
        sys.exit("build first: swift build -c release")
    try:  # the reference reading needs Voikko, which Savy loads the same way
        ctypes.CDLL("libvoikko.so.1")
    except OSError:
        sys.exit("Voikko is not installed (libvoikko1, voikko-fi): there is no reference to compare with")
    counts = collections.Counter()
    with open(options.input, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            counts.update(w.lower() for w in re.findall(r"[a-zåäöA-ZÅÄÖ]+", row["text"]))
    words = [w for w in counts if len(w) >= 2]
    with_voikko = terms(words, True)
    without = terms(words, False)
    found = same_sign = wrong = missed = reference = 0
    mistakes = collections.Counter()
    for word, (v, v_sign, as_written), (n, n_sign, _) in zip(words, with_voikko, without):
        if as_written:
            continue
        c = counts[word]
        reference += c if v else 0
        if n and n == v:
            found += c
        elif n and v and n_sign == v_sign:
            same_sign += c
        elif n:
            wrong += c
            mistakes[(word, n, v)] += c
        elif v:
            missed += c
    print(f"{options.input}: {len(words)} word forms; {reference} tokens that Voikko's reading finds in the lexicon")
    print(f"found {found} ({found / reference:.3f}), another term of the same sign {same_sign}, missed {missed}; "
          f"wrong {wrong} (of which {sum(c for (w, n, v), c in mistakes.items() if not v)} where Voikko's reading finds none)")
    for (word, n, v), c in mistakes.most_common(options.show):
        print(f"  {c:4d}  {word} -> {n} (Voikko: {v})")


if __name__ == "__main__":
    main()
