#!/usr/bin/python3
"""Prints the lookup key Savy uses for a Finnish word or phrase as typed: each word's Voikko
base form (the negation verb's forms read as "ei"), words joined by spaces. Used when writing
Finnish phrase entries; needs Debian's python3-libvoikko and voikko-fi (only the keys go into
the lexicons, nothing of Voikko's dictionary).

    /usr/bin/python3 lexicons/tools/fi_keys.py "olen todella pahoillani" "ei hätää"
"""
import sys

import libvoikko

voikko = libvoikko.Voikko("fi")


def key(word):
    analyses = voikko.analyze(word)
    if not analyses:
        return word.lower()
    if any(a.get("CLASS") == "kieltosana" for a in analyses):
        return "ei"
    return analyses[0].get("BASEFORM", word).lower()


def phrase_key(text):
    return " ".join(key(w) for w in text.split())


if __name__ == "__main__":
    for text in sys.argv[1:]:
        print(f"{text}\t{phrase_key(text)}")
