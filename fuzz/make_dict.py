#!/usr/bin/env python3
"""Writes fuzz/alam.dict, the libFuzzer dictionary of fuzz_targets/extract.rs and lexicon.rs.

Run from the repository root: python3 fuzz/make_dict.py. It takes the first words of the bundled lexicons
(titles, roles, heads, place nouns, particles, names, places) and adds clitics, separators, harakat,
tatweel, invisible controls, presentation forms and digits, each written as escaped UTF-8 bytes.
"""

FILES = [
    ("titles.tsv", 40), ("roles.tsv", 20), ("org_heads.tsv", 30), ("place_nouns.tsv", 20),
    ("particles.tsv", 12), ("speech_verbs.tsv", 10), ("nationalities.tsv", 10),
    ("given_names.tsv", 15), ("family_names.tsv", 10), ("places_countries.tsv", 10),
    ("organizations.tsv", 5), ("function_words.tsv", 15),
]
CLITICS = ["و", "ف", "ب", "ل", "ك", "لل", "ال", "وال", "بال", "ولل"]
SEPARATORS = [" ", "\n", "\r\n", "\t", "،", "؛", "؟", ".", "«", "»"]
LEXICON_SYNTAX = ["\tplace\tsub=city", "\ttitle\tgender=female", "\torg-head", "\tgiven\tgender=male",
                  "\tfold=", "\tcountry=YE", "# ", "\ufeff"]
CHARS = [0x64B, 0x64C, 0x64D, 0x64E, 0x64F, 0x650, 0x651, 0x652, 0x670, 0x640, 0x200B, 0x200C,
         0x200D, 0x200E, 0x200F, 0x202B, 0x202C, 0x2066, 0x2069, 0x61C, 0xFEFF, 0xFE70, 0xFEFB,
         0xFEFC, 0xFDF2, 0xFDFA, 0xFEDF, 0xFEE0, 0xFEED, 0x660, 0x669, 0x6F0, 0x301, 0xA0, 0x2028]


def first_column(name, n):
    out = []
    with open("lexicons/" + name, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            out.append(line.split("\t")[0])
            if len(out) >= n:
                break
    return out


def main():
    words = [w for name, n in FILES for w in first_column(name, n)]
    words += CLITICS + SEPARATORS + LEXICON_SYNTAX + [chr(c) for c in CHARS]
    lines = ["# libFuzzer dictionary for fuzz/fuzz_targets: written by fuzz/make_dict.py, do not edit."]
    seen = set()
    for w in words:
        if w not in seen:
            seen.add(w)
            lines.append('"' + "".join("\\x%02x" % b for b in w.encode("utf-8")) + '"')
    with open("fuzz/alam.dict", "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")
    print(f"fuzz/alam.dict: {len(seen)} tokens")


if __name__ == "__main__":
    main()
