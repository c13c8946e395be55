"""The alam matching fold, exactly as specified in lexicons/README.md ("Folding").

Python 3 standard library only. `fold(text)` returns the folded form that the Rust loader
compares with a lexicon line's `fold=` attribute. Run this file to self-test it.
"""

import unicodedata

__all__ = ["fold", "collapse_ws", "strip_marks", "is_mark"]

# Step 2: dropped characters (harakat and other Arabic combining marks, tatweel,
# zero-width and bidi controls, BOM).
_DROP_RANGES = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x0640, 0x0640),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2060),
    (0x2066, 0x2069),
    (0x061C, 0x061C),
    (0xFEFF, 0xFEFF),
)
_DROP = frozenset(cp for lo, hi in _DROP_RANGES for cp in range(lo, hi + 1))

# Arabic marks only (step 2 minus tatweel and controls), used to strip harakat from display text.
_MARK_RANGES = _DROP_RANGES[:7]
_MARKS = frozenset(cp for lo, hi in _MARK_RANGES for cp in range(lo, hi + 1))

# Step 3: letters.
_LETTERS = {
    0x0623: "\u0627",  # أ
    0x0625: "\u0627",  # إ
    0x0622: "\u0627",  # آ
    0x0671: "\u0627",  # ٱ
    0x0649: "\u064A",  # ى -> ي
    0x06CC: "\u064A",  # ی -> ي
    0x06A9: "\u0643",  # ک -> ك
    0x0629: "\u0647",  # ة -> ه
    0x06BE: "\u0647",  # ھ -> ه
    0x06C1: "\u0647",  # ہ -> ه
}


def _is_presentation(cp):
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF


def _fold_plain(ch, out):
    """Steps 2-5 for one character (not a presentation form)."""
    cp = ord(ch)
    if cp in _DROP:
        return
    rep = _LETTERS.get(cp)
    if rep is not None:
        out.append(rep)
    elif 0x0660 <= cp <= 0x0669:
        out.append(chr(0x30 + cp - 0x0660))
    elif 0x06F0 <= cp <= 0x06F9:
        out.append(chr(0x30 + cp - 0x06F0))
    elif "A" <= ch <= "Z":
        out.append(ch.lower())
    else:
        out.append(ch)


def collapse_ws(text):
    """Collapse runs of whitespace to one ASCII space and trim the ends."""
    return " ".join(text.split())


def fold(text):
    """Fold `text` for matching (after collapsing whitespace)."""
    out = []
    for ch in collapse_ws(text):
        cp = ord(ch)
        if _is_presentation(cp):
            if cp == 0xFEFF:
                continue
            dec = unicodedata.normalize("NFKD", ch)
            if (
                len(dec) > 1
                and dec[0] == " "
                and all(unicodedata.combining(c) for c in dec[1:])
            ):
                continue  # isolated harakat form such as U+FE70: dropped entirely
            for c in dec:
                _fold_plain(c, out)
        else:
            _fold_plain(ch, out)
    return "".join(out)


def is_mark(ch):
    """True for the Arabic combining marks of fold step 2 (not tatweel or controls)."""
    return ord(ch) in _MARKS


def strip_marks(text):
    """Display clean-up: drop Arabic harakat/shadda and tatweel, keep letters (hamza forms) as written."""
    return collapse_ws("".join(ch for ch in text if ord(ch) not in _MARKS and ch != "\u0640"))


def _selftest():
    cases = [
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آل الشيخ", "ال الشيخ"),
        ("ٱلله", "الله"),
        ("مصطفى", "مصطفي"),
        ("فاریاب", "فارياب"),
        ("کابل", "كابل"),
        ("حضرموت  الساحل", "حضرموت الساحل"),
        ("المكلّا", "المكلا"),
        ("غسّان", "غسان"),
        ("صَنْعاء", "صنعاء"),
        ("عـــدن", "عدن"),
        ("جامعة", "جامعه"),
        ("ھ ہ", "ه ه"),
        ("٢٠٢٤ ۱۹", "2024 19"),
        ("UN Ali", "un ali"),
        ("\u200fعدن\u200e", "عدن"),
        ("\ufeffعدن", "عدن"),
        ("\ufefb", "\u0644\u0627"),  # lam-alef ligature -> لا
        ("\ufe8d\ufedf", "\u0627\u0644"),  # presentation alef, lam
        ("\ufe83", "ا"),  # alef with hamza above isolated -> أ -> ا
        ("ب\ufe70ب", "بب"),  # isolated fathatan dropped
        ("ب\ufe71ب", "بب"),  # tatweel + fathatan: both dropped
        ("\ufdf2", "\u0627\u0644\u0644\u0647"),  # ligature Allah; shadda/alef-superscript dropped
        ("آزَاْل", "ازال"),
        ("", ""),
    ]
    bad = 0
    for text, want in cases:
        got = fold(text)
        if got != want:
            bad += 1
            print("FAIL", repr(text), "->", repr(got), "want", repr(want))
    assert strip_marks("غسّان عبد الرّحيم") == "غسان عبد الرحيم"
    assert strip_marks("آزَاْل") == "آزال"
    if bad:
        raise SystemExit(1)
    print("alamfold: %d cases ok" % len(cases))


if __name__ == "__main__":
    _selftest()
