#!/usr/bin/python3
"""Makes a DRAFT of lexicons/fi/10-afinn.tsv from AFINN-fi 165 (Finn Årup Nielsen,
Apache-2.0), the machine-translated AFINN in ../shared/lexicon-sources/afinn/.

Run from the repository root with the system Python (it needs libvoikko + voikko-fi):
    /usr/bin/python3 lexicons/tools/import_afinn_fi.py [--out /tmp/afinn-fi-draft.tsv]

What it does:
- drops English rows (words Voikko cannot analyse that are in VADER's English lexicon or
  look English); Finnish-looking words Voikko does not know are kept, flagged for review;
- lemmatises every surface form to its Voikko BASEFORM (lower-case; phrases word by word);
  when analyses disagree it prefers the baseform whose word class fits a sentiment
  reading (adjective > noun/adjective > verb > noun > adverb > ...), and reports the case;
- rescales AFINN's -5..+5 to Savy's -4..+4 (x 0.8) and merges rows that fall on the same
  lemma (mean score), reporting merges whose signs disagree.
The draft goes to stdout (or --out), never over the committed file: lexicons/fi/10-afinn.tsv
is the result of reviewing this draft entry by entry (notes there say what was changed).
Review reports go to stderr.
"""
import argparse
import pathlib
import re
import sys

import libvoikko

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = ROOT.parent / "shared" / "lexicon-sources"
AFINN_FI = SOURCES / "afinn" / "AFINN-fi-165.txt"
VADER = SOURCES / "vader" / "vader_lexicon.txt"

# Sentiment-bearing word classes first; proper names last.
CLASS_RANK = {
    "laatusana": 0, "nimisana_laatusana": 1, "teonsana": 2, "nimisana": 3,
    "seikkasana": 4, "huudahdussana": 5,
    "etunimi": 9, "sukunimi": 9, "paikannimi": 9, "nimi": 9,
}
# Spelling that Finnish words (native or established loans) do not have.
ENGLISH_SHAPE = re.compile(
    r"(ing|ed|ly|ness|ful|less|ity|ism|ize|ise|izes|ized|ous|ive|ion|ions|er|ers|s)$"
    r"|[cqwxz]|sh|th|ph|ck|oo|ee|ea|ou|[bdfghjkmpvw]$")


def english_words() -> set:
    words = set()
    if VADER.exists():
        for line in VADER.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words.add(line.split("\t")[0].lower())
    return words


def looks_english(word: str, vader: set) -> bool:
    if not word.isascii():
        return False
    return word in vader or bool(ENGLISH_SHAPE.search(word))


def lemma_of(v, word: str, report: list):
    """Voikko baseform of one word, or None if Voikko has no analysis."""
    analyses = v.analyze(word)
    if not analyses:
        return None
    options = {}
    for a in analyses:
        base = a.get("BASEFORM", "").lower()
        rank = CLASS_RANK.get(a.get("CLASS", ""), 6)
        if base and (base not in options or rank < options[base][0]):
            options[base] = (rank, a.get("CLASS", ""))
    best = min(options, key=lambda b: (options[b][0], b != word, b))
    if len(options) > 1:
        report.append(f"ambiguous\t{word}\t-> {best}\t(" + ", ".join(
            f"{b}:{c}" for b, (_, c) in sorted(options.items())) + ")")
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="write the draft here instead of stdout")
    args = ap.parse_args()

    v = libvoikko.Voikko("fi")
    vader = english_words()
    report, english = [], []
    merged = {}  # lemma -> list of (surface, afinn score, flags)
    for line in AFINN_FI.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        surface, score = line.split("\t")
        surface = " ".join(surface.lower().split())
        score = int(score)
        words = surface.split(" ")
        lemmas, unknown = [], []
        for w in words:
            lem = lemma_of(v, w, report)
            if lem is None:
                unknown.append(w)
                lem = w
            lemmas.append(lem)
        if unknown and any(looks_english(w, vader) for w in unknown):
            english.append(surface)
            continue
        flags = []
        if unknown:
            flags.append("not in Voikko: " + " ".join(unknown))
            report.append(f"unknown\t{surface}\t(kept as Finnish-looking; review)")
        if len(words) > 1:
            flags.append("phrase")
            report.append(f"phrase\t{surface}\t-> {' '.join(lemmas)}")
        if score == 0:
            report.append(f"zero\t{surface}\t(AFINN score 0)")
        merged.setdefault(" ".join(lemmas), []).append((surface, score, flags))

    out = ["term\tvalence\tnote"]
    for lemma, rows in merged.items():
        scores = [s for _, s, _ in rows]
        mean = sum(scores) / len(scores) * 0.8
        if any(s > 0 for s in scores) and any(s < 0 for s in scores):
            report.append(f"conflict\t{lemma}\t" + ", ".join(f"{s}={n}" for s, n, _ in rows))
        flags = sorted({f for _, _, fl in rows for f in fl})
        note = "from " + ", ".join(f"{s} {n:+d}" for s, n, _ in rows)
        if flags:
            note += "; " + "; ".join(flags)
        out.append(f"{lemma}\t{round(mean, 2):g}\t{note}")
    text = "\n".join(out) + "\n"
    if args.out:
        pathlib.Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)

    for r in report:
        print(r, file=sys.stderr)
    print(f"english dropped\t{len(english)}\t" + ", ".join(english), file=sys.stderr)
    print(f"draft entries\t{len(merged)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
