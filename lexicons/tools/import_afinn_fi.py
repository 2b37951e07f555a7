#!/usr/bin/python3
"""Makes a DRAFT of lexicons/fi/10-afinn.tsv from AFINN-fi 165 (Finn Årup Nielsen,
Apache-2.0), the machine-translated AFINN in ../shared/lexicon-sources/afinn/.

Run from the repository root with the system Python (it needs libvoikko + voikko-fi):
    /usr/bin/python3 lexicons/tools/import_afinn_fi.py [--out /tmp/afinn-fi-draft.tsv]

What it does:
- drops English rows (words Voikko cannot analyse that are in VADER's English lexicon or
  look English); Finnish-looking words Voikko does not know are kept, flagged for review
  (English words Voikko happens to analyse, e.g. "stop", are left to the review too);
- lemmatises every surface form to its Voikko BASEFORM (lower-case; phrases word by word);
  when analyses disagree it prefers the form itself if it is a baseform, then the word
  class that fits a sentiment reading (adjective > noun/adjective > verb > noun > adverb),
  then the lemma other rows share (hylätä over hyljätä), and reports the case;
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
# Spelling typical of English and rare in Finnish words ...
ENGLISH_SHAPE = re.compile(
    r"(ing|ed|ly|ness|ful|less|ity|ism|ize|ise|izes|ized|ous|ive|ion|ions|er|ers|s)$"
    r"|(ble|ment|ile|le|se|ge|pt|nt|st|ll|y)$|^(un|over|mal|in[ef])"
    r"|^[bcdfghjklmnpqrstvwxz]{2}|ea|[bdfghjkmpvw]$")
# Letters and digraphs that no Finnish word (nor a Finnish-looking loan) has.
ENGLISH_STRONG = re.compile(r"[cqwxz]|sh|th|ph|ck|lo+l")
# ... unless the word ends like a Finnish (loan) word: Finnish-looking words that Voikko
# does not know are kept for review rather than dropped.
FINNISH_SHAPE = re.compile(
    r"(inen|isesti|sesti|oida|oitu|oi|ointi|aatti|aatit|aatio|ssi|ja|tu|ut|nut|ia|ttu|ta)$")
# English words the shape test misses (they could pass for Finnish spelling).
ENGLISH_EXTRA = {"deport", "fagot", "vomit"}
FINNISH_LETTERS = re.compile(r"^[a-zåäö-]+$")
# Laughter is not English: Finnish chat writes "haha", "hehe" too. Kept, flagged.
LAUGH = re.compile(r"^(?:(?:ha){2,}h?|(?:he){2,})$")


def english_words() -> set:
    words = set()
    if VADER.exists():
        for line in VADER.read_text(encoding="utf-8").splitlines():
            if line.strip():
                words.add(line.split("\t")[0].lower())
    return words


def looks_english(word: str, vader: set) -> bool:
    if LAUGH.match(word):
        return False
    if not FINNISH_LETTERS.match(word):
        return True
    if not word.isascii():
        return False
    if word in vader or word in ENGLISH_EXTRA or ENGLISH_STRONG.search(word):
        return True
    return bool(ENGLISH_SHAPE.search(word)) and not FINNISH_SHAPE.search(word)


def options_of(v, word: str) -> dict:
    """{baseform: (class rank, class)} of one word; empty if Voikko has no analysis.
    A present participle ("arvostava" of "arvostavat", which is mostly the verb form
    'they appreciate') ranks after its verb: the verb lemma is what most inflected forms
    of the word reduce to. Past participles ("motivoitu") keep their adjective rank."""
    options = {}
    analyses = v.analyze(word)
    has_verb = any(a.get("CLASS") == "teonsana" for a in analyses)
    for a in analyses:
        base = a.get("BASEFORM", "").lower()
        cls = a.get("CLASS", "")
        rank = CLASS_RANK.get(cls, 6)
        if cls == "laatusana" and a.get("PARTICIPLE") == "present_active" and has_verb:
            rank = 2.5
        if base and (base not in options or rank < options[base][0]):
            options[base] = (rank, cls)
    return options


def choose(word: str, options: dict, support: dict, report: list) -> str:
    """Picks one baseform: the word itself if it is one (the translator gave a dictionary
    form), else the best-ranked class, else the lemma more rows of the list reduce to."""
    best = min(options, key=lambda b: (
        b != word or options[b][0] >= 9, options[b][0], -support.get(b, 0), b))
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
    rows = []
    for line in AFINN_FI.read_text(encoding="utf-8").splitlines():
        if line.strip():
            surface, score = line.split("\t")
            words = surface.lower().split()
            rows.append((" ".join(words), int(score), [options_of(v, w) for w in words]))
    # How many rows could reduce to each lemma: breaks ties such as hylätä/hyljätä.
    support = {}
    for _, _, opts in rows:
        for o in opts:
            for base in o:
                support[base] = support.get(base, 0) + 1
    for surface, score, opts in rows:
        words = surface.split(" ")
        lemmas, unknown = [], []
        for w, o in zip(words, opts):
            if o:
                lemmas.append(choose(w, o, support, report))
            else:
                unknown.append(w)
                lemmas.append(w)
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
