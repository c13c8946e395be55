//! Clitic readings of a word: the ways a folded word can be read as proclitics plus a stem.
//!
//! Arabic writes the conjunctions و ف and the prepositions ب ل ك joined to the next word, and ل + ال is
//! written لل. Rather than split words (which mis-splits names such as وليد or بدر), the matcher tries the
//! readings of a word in a fixed order — the whole word first — and takes the first that the lexicon knows.
//! The mention's span then starts after the clitic.

use crate::normalize::{fold_char, fold_many, Fold};

/// A stem shorter than this many chars is never read out of a longer word.
const MIN_STEM_CHARS: usize = 2;

/// One reading of a folded word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reading {
    /// Folded chars taken by the clitics (each clitic letter here is one char).
    pub(crate) clitic_chars: u8,
    /// Whether the clitics include the conjunction و or ف.
    pub(crate) conj: bool,
    /// Whether the stem is ال + the rest, restored from a written لل.
    pub(crate) restored_article: bool,
}

impl Reading {
    pub(crate) const WHOLE: Reading = Reading {
        clitic_chars: 0,
        conj: false,
        restored_article: false,
    };
}

fn is_conj(c: char) -> bool {
    matches!(c, 'و' | 'ف')
}

fn is_prep(c: char) -> bool {
    matches!(c, 'ب' | 'ل' | 'ك')
}

/// Calls `try_stem` with each reading of `word` and its stem, whole word first, until it returns true.
///
/// The order: the whole word; و/ف + stem; ب/ل/ك + stem; ل + ال restored from لل (also before a stem that
/// starts with ل: للواء = ل + اللواء); then the conjunction
/// followed by a preposition, the same way. `buf` is scratch space for restored stems.
pub(crate) fn for_each_reading(
    word: &str,
    buf: &mut String,
    mut try_stem: impl FnMut(Reading, &str) -> bool,
) -> Option<Reading> {
    if try_stem(Reading::WHOLE, word) {
        return Some(Reading::WHOLE);
    }
    let mut it = word.chars();
    let first = it.next()?;
    let rest = it.as_str();
    if is_conj(first) {
        let r = Reading {
            clitic_chars: 1,
            conj: true,
            restored_article: false,
        };
        if long_enough(rest) && try_stem(r, rest) {
            return Some(r);
        }
        if let Some(r) = prep_readings(rest, 1, true, buf, &mut try_stem) {
            return Some(r);
        }
        return None;
    }
    prep_readings(word, 0, false, buf, &mut try_stem)
}

/// The readings of `word` as ب/ل/ك + stem, after `before` clitic chars already read.
fn prep_readings(
    word: &str,
    before: u8,
    conj: bool,
    buf: &mut String,
    try_stem: &mut impl FnMut(Reading, &str) -> bool,
) -> Option<Reading> {
    let mut it = word.chars();
    let first = it.next()?;
    if !is_prep(first) {
        return None;
    }
    let rest = it.as_str();
    let plain = Reading {
        clitic_chars: before + 1,
        conj,
        restored_article: false,
    };
    if long_enough(rest) && try_stem(plain, rest) {
        return Some(plain);
    }
    if first == 'ل' && rest.starts_with('ل') && long_enough(&rest['ل'.len_utf8()..]) {
        buf.clear();
        buf.push('ا');
        buf.push_str(rest);
        let r = Reading {
            restored_article: true,
            ..plain
        };
        if try_stem(r, buf) {
            return Some(r);
        }
        // ل + ال + a word that starts with ل is written with two lams too (للواء = ل + اللواء).
        buf.clear();
        buf.push_str("ال");
        buf.push_str(rest);
        if try_stem(r, buf) {
            return Some(r);
        }
    }
    None
}

fn long_enough(stem: &str) -> bool {
    stem.chars().nth(MIN_STEM_CHARS - 1).is_some()
}

/// The byte and char offset, within `original` (a token's original text), where the folded char number
/// `folded_chars` starts: where the stem begins once the clitics are left out.
///
/// When that folded char comes out of the middle of one original char (a ligature), the offset of that
/// char is returned, so the span stays on a char boundary.
pub(crate) fn stem_offset(original: &str, folded_chars: u8) -> (usize, usize) {
    let want = folded_chars as usize;
    let mut seen = 0usize;
    let mut scratch = String::new();
    for (n, (i, c)) in original.char_indices().enumerate() {
        let produced = match fold_char(c) {
            Fold::Drop => 0,
            Fold::One(_) => 1,
            Fold::Many => {
                scratch.clear();
                fold_many(c, &mut scratch);
                scratch.chars().count()
            }
        };
        if produced > 0 && seen + produced > want {
            return (i, n);
        }
        seen += produced;
    }
    (original.len(), original.chars().count())
}

/// True when `stem` reads as a definite noun or adjective: ال and at least two more letters, and no
/// attached pronoun (a definite noun cannot take one, so القاها or التقاهم are verbs).
pub(crate) fn is_definite(stem: &str) -> bool {
    const PRONOUNS: [&str; 5] = ["ها", "هم", "هما", "هن", "كم"];
    stem.strip_prefix("ال").is_some_and(long_enough) && !PRONOUNS.iter().any(|p| stem.ends_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readings(word: &str) -> Vec<(u8, bool, bool, String)> {
        let mut out = Vec::new();
        let mut buf = String::new();
        for_each_reading(word, &mut buf, |r, s| {
            out.push((r.clitic_chars, r.conj, r.restored_article, s.to_string()));
            false
        });
        out
    }

    #[test]
    fn whole_word_first() {
        assert_eq!(readings("وليد")[0], (0, false, false, "وليد".to_string()));
    }

    #[test]
    fn every_clitic_combination() {
        let stems = |w: &str| readings(w).into_iter().map(|r| r.3).collect::<Vec<_>>();
        assert_eq!(stems("والاستاذه"), ["والاستاذه", "الاستاذه"]);
        assert_eq!(stems("فالمكلا"), ["فالمكلا", "المكلا"]);
        assert_eq!(stems("بالمكلا"), ["بالمكلا", "المكلا"]);
        assert_eq!(stems("كالمكلا"), ["كالمكلا", "المكلا"]);
        assert_eq!(
            stems("للاستاذه"),
            ["للاستاذه", "لاستاذه", "الاستاذه", "اللاستاذه"]
        );
        assert_eq!(stems("للواء"), ["للواء", "لواء", "الواء", "اللواء"]);
        assert_eq!(stems("وبالمكلا"), ["وبالمكلا", "بالمكلا", "المكلا"]);
        assert_eq!(
            stems("وللتنميه"),
            ["وللتنميه", "للتنميه", "لتنميه", "التنميه", "اللتنميه"]
        );
        assert_eq!(stems("فبصنعاء"), ["فبصنعاء", "بصنعاء", "صنعاء"]);
        assert_eq!(stems("ولمؤتمر"), ["ولمؤتمر", "لمؤتمر", "مؤتمر"]);
        assert_eq!(stems("وكمحمد"), ["وكمحمد", "كمحمد", "محمد"]);
    }

    #[test]
    fn restored_article_is_marked() {
        let r = readings("للتنميه");
        assert_eq!(r[2], (1, false, true, "التنميه".to_string()));
        let r = readings("وللتنميه");
        assert_eq!(r[3], (2, true, true, "التنميه".to_string()));
        // ل + ال + a stem that starts with ل: للواء = ل + اللواء
        let r = readings("للواء");
        assert_eq!(r.last().unwrap(), &(1, false, true, "اللواء".to_string()));
    }

    #[test]
    fn short_stems_are_not_read() {
        assert_eq!(readings("وب").len(), 1);
        assert_eq!(readings("لل").len(), 1);
    }

    #[test]
    fn first_accepted_reading_is_returned() {
        let mut buf = String::new();
        let r = for_each_reading("والاستاذه", &mut buf, |_, s| s == "الاستاذه").unwrap();
        assert_eq!((r.clitic_chars, r.conj), (1, true));
        assert!(for_each_reading("عدن", &mut buf, |_, _| false).is_none());
    }

    #[test]
    fn stem_offsets_skip_marks() {
        assert_eq!(stem_offset("وَمُحَمَّد", 1), ("وَ".len(), 2));
        assert_eq!(stem_offset("للأستاذة", 1), ("ل".len(), 1));
        assert_eq!(stem_offset("عدن", 0), (0, 0));
    }

    #[test]
    fn definite() {
        assert!(is_definite("الشباب"));
        assert!(!is_definite("الي"));
        assert!(!is_definite("مؤتمر"));
        assert!(!is_definite("القاها"));
    }
}
