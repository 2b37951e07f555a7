#!/usr/bin/env python3
"""Agreement of `savy score` with Savy's hand-labelled tone sets (Tests/Fixtures/tone/).

The sets were written and labelled blind to the implementation (see the README there). For
each language this prints, over all rows or agent rows as fitting: politeness class agreement
(polite >= 0.25, impolite <= -0.25), tone presence (>= 0.5) P/R/F1, profanity and shouting
agreement, the EPITOME levels (exact, within one, presence F1), caring elements F1, and the
share of minimal pairs that hold. Usage (after `swift build -c release`):

    python3 scripts/eval_tone.py [en fi]
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TONES = ["frustration", "anger", "sadness", "anxiety", "satisfaction", "gratitude"]
CARING = ["personalisation", "ownership", "reassurance", "blame", "dismissal", "policyRefusal"]
MECHANISMS = ["emotionalReaction", "interpretation", "exploration"]


def load(language):
    path = os.path.join(ROOT, "Tests", "Fixtures", "tone", f"{language}.tsv")
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def score(rows, language):
    savy = os.environ.get("SAVY", os.path.join(ROOT, ".build", "release", "savy"))
    lines = []
    for r in rows:
        record = {"id": r["id"], "text": r["text"], "role": r["role"]}
        if r["customerName"] != "-":
            record["customerName"] = r["customerName"]
        if r["previous"] != "-":
            record["previousCustomerTurn"] = r["previous"]
        lines.append(json.dumps(record, ensure_ascii=False))
    out = subprocess.run([savy, "score", "--format", "jsonl", "--lang", language, "--input", "-"],
                         input=("\n".join(lines) + "\n").encode(), capture_output=True, check=True).stdout.decode()
    return {rec["id"]: rec for rec in map(json.loads, out.splitlines())}


def f1(pairs):
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if p and not g)
    fn = sum(1 for g, p in pairs if g and not p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f, tp + fn


def value(rec, field):
    t, e = rec["tone"], rec["empathy"]
    if field in TONES or field == "politeness":
        return t[field]
    if field == "profanity":
        return len(t["profanity"])
    if field == "shouting":
        return t["shouting"]["score"]
    if field == "empathy":
        return e["score"]
    return float(e[field])


def report(language):
    rows = load(language)
    got = score(rows, language)
    agents = [r for r in rows if r["role"] == "agent"]
    print(f"== {language}: {len(rows)} turns ({len(agents)} agent), labelled blind")

    def politeness_class(x):
        return 1 if x >= 0.25 else -1 if x <= -0.25 else 0
    agree = sum(politeness_class(got[r["id"]]["tone"]["politeness"]) == int(r["politeness"]) for r in rows)
    polite_f1 = [f1([(int(r["politeness"]) == c, politeness_class(got[r["id"]]["tone"]["politeness"]) == c) for r in rows])[2]
                 for c in (-1, 0, 1)]
    print(f"politeness class agreement {agree / len(rows):.3f}, macro-F1 {sum(polite_f1) / 3:.3f}")

    print("tone presence    precision recall   F1   (gold n)")
    for tone in TONES:
        p, r_, f, n = f1([(tone in r["tones"].split(","), got[r["id"]]["tone"][tone] >= 0.5) for r in rows])
        print(f"  {tone:14} {p:8.3f} {r_:6.3f} {f:6.3f}   ({n})")
    for field in ["profanity", "shouting"]:
        ok = sum((value(got[r["id"]], field) >= (1 if field == "profanity" else 0.5)) == (r[field] == "1") for r in rows)
        print(f"{field} agreement {ok / len(rows):.3f}")

    print("EPITOME (agent turns)  exact  within-1  presence F1 (gold n)")
    for m in MECHANISMS:
        exact = sum(int(got[r["id"]]["empathy"][m]) == int(r[m]) for r in agents) / len(agents)
        near = sum(abs(int(got[r["id"]]["empathy"][m]) - int(r[m])) <= 1 for r in agents) / len(agents)
        p, r_, f, n = f1([(int(r[m]) > 0, got[r["id"]]["empathy"][m] > 0) for r in agents])
        print(f"  {m:20} {exact:6.3f} {near:8.3f} {f:10.3f}   ({n})")
    print("caring (agent turns)  precision recall   F1   (gold n)")
    for c in CARING:
        p, r_, f, n = f1([(c in r["caring"].split(","), bool(got[r["id"]]["empathy"][c])) for r in agents])
        print(f"  {c:18} {p:8.3f} {r_:6.3f} {f:6.3f}   ({n})")

    by_id = {r["id"]: r for r in rows}
    pairs = [(r, by_id[r["id"][:-1] + "b"]) for r in rows if r["id"].endswith("a") and r["higher"] != "-"]
    holding = sum(value(got[a["id"]], a["higher"]) > value(got[b["id"]], a["higher"]) for a, b in pairs)
    print(f"minimal pairs holding {holding}/{len(pairs)}")


if __name__ == "__main__":
    for language in sys.argv[1:] or ["en", "fi"]:
        if os.path.exists(os.path.join(ROOT, "Tests", "Fixtures", "tone", f"{language}.tsv")):
            report(language)
