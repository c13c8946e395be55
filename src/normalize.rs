//! Folding of Arabic text for matching.
//!
//! Folding is applied only to the copy the matcher reads; every offset the crate reports points into the
//! caller's original text. The rules are listed in `lexicons/README.md` and in the crate documentation.

use unicode_normalization::char::decompose_compatible;

/// What one original character becomes in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Nothing: a mark, tatweel or an invisible control.
    Drop,
    /// One folded character.
    One(char),
    /// A presentation form that stands for several letters (a ligature such as ﻻ).
    Many,
}

/// Folds one character, or says it needs [`fold_many`].
#[inline]
pub(crate) fn fold_char(c: char) -> Fold {
    match FOLD_TABLE.get(c as usize) {
        Some(&DROPPED) => Fold::Drop,
        // The table holds only chars below U+0800, each of which folds to one char below U+0800.
        Some(&f) => Fold::One(char::from_u32(u32::from(f)).unwrap_or(c)),
        None => fold_char_by_rule(c),
    }
}

/// The rule behind [`fold_char`], which reads it from a table for the Latin and Arabic blocks.
const fn fold_char_by_rule(c: char) -> Fold {
    match c {
        'A'..='Z' => Fold::One(c.to_ascii_lowercase()),
        '\0'..='\u{7f}' => Fold::One(c),
        'أ' | 'إ' | 'آ' | 'ٱ' => Fold::One('ا'),
        'ى' | 'ی' => Fold::One('ي'),
        'ة' | 'ھ' | 'ہ' => Fold::One('ه'),
        'ک' => Fold::One('ك'),
        '٠'..='٩' => Fold::One((b'0' + (c as u32 - 0x0660) as u8) as char),
        '۰'..='۹' => Fold::One((b'0' + (c as u32 - 0x06F0) as u8) as char),
        _ if is_ignorable(c) => Fold::Drop,
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Fold::Many,
        _ => Fold::One(c),
    }
}

/// [`FOLD_TABLE`]'s mark for a dropped char (not a char below U+0800).
const DROPPED: u16 = u16::MAX;

/// The fold of every char below U+0800 (Latin, Arabic and its supplements): tokenizing folds each char
/// of the text, and a table lookup is cheaper than the rule's chain of ranges.
static FOLD_TABLE: [u16; 0x800] = {
    let mut table = [0u16; 0x800];
    let mut i = 0;
    while i < table.len() {
        table[i] = match char::from_u32(i as u32) {
            Some(c) => match fold_char_by_rule(c) {
                Fold::One(f) => f as u32 as u16,
                Fold::Drop | Fold::Many => DROPPED,
            },
            // Surrogates are not chars; none is below U+0800.
            None => DROPPED,
        };
        i += 1;
    }
    table
};

/// True for the characters folding removes: Arabic combining marks, tatweel, zero-width and bidi controls.
#[inline]
pub(crate) const fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'
        | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}')
}

/// Appends the folded form of a presentation-form character to `out`.
///
/// A decomposition that holds no letter (the isolated harakat forms, which decompose to a space and a mark)
/// adds nothing, so a stray isolated haraka never splits a word.
pub(crate) fn fold_many(c: char, out: &mut String) {
    let mut buf = ['\0'; 4];
    let mut n = 0;
    let mut overflow = false;
    decompose_compatible(c, |d| {
        if n < buf.len() {
            buf[n] = d;
            n += 1;
        } else {
            overflow = true;
        }
    });
    let parts = &buf[..n];
    if parts.iter().all(|&d| d == ' ' || is_ignorable(d)) && !overflow {
        return;
    }
    if overflow {
        // Long ligatures (ﷺ and friends) are phrases, not letters: decompose again without the bound.
        decompose_compatible(c, |d| push_folded(d, out));
        return;
    }
    for &d in parts {
        push_folded(d, out);
    }
}

fn push_folded(d: char, out: &mut String) {
    match fold_char(d) {
        Fold::One(f) => out.push(f),
        Fold::Drop => {}
        // A decomposition never yields another presentation form; keep it rather than recurse.
        Fold::Many => out.push(d),
    }
}

/// The fold of the char of code `code` below U+0800 when it is one char, read from the table; `None`
/// for a char that folding drops, or a code past the table. The tokenizer asks it of the letters that
/// folding changes (أ ة ى …) without the call [`push_fold`] costs.
#[inline]
pub(crate) fn fold_short(code: usize) -> Option<char> {
    match FOLD_TABLE.get(code) {
        Some(&DROPPED) | None => None,
        Some(&f) => char::from_u32(u32::from(f)),
    }
}

/// Appends the folded form of `c` to `out`.
#[inline]
pub(crate) fn push_fold(c: char, out: &mut String) {
    match fold_char(c) {
        Fold::One(f) => out.push(f),
        Fold::Drop => {}
        Fold::Many => fold_many(c, out),
    }
}

/// Folds `text` for matching: the form in which lexicon entries are stored and compared.
///
/// Harakat, tatweel and invisible controls are dropped; hamza-carrying alifs become ا, ى becomes ي, ة
/// becomes ه, Persian and Urdu letter forms and presentation forms become the base letters, Arabic-Indic
/// digits become ASCII digits, ASCII letters are lower-cased, and every run of whitespace becomes one space
/// (leading and trailing whitespace is removed).
///
/// ```
/// assert_eq!(alam::fold("الأُسْتَاذَة"), "الاستاذه");
/// assert_eq!(alam::fold("مـــحمد  ٢٠٢٤"), "محمد 2024");
/// assert_eq!(alam::fold("ﻻ"), "لا");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Where the current word's separator and its first folded char went, while in a word.
    let mut word: Option<(usize, usize)> = None;
    // Where the chars of the word that fold to themselves (most chars) start, not yet copied: copied
    // as one slice rather than pushed one by one.
    let mut same: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            copy_same(&mut out, text, &mut same, i);
            end_word(&mut out, word.take());
            continue;
        }
        if word.is_none() {
            let before = out.len();
            if before > 0 {
                out.push(' ');
            }
            word = Some((before, out.len()));
        }
        if fold_char(c) == Fold::One(c) {
            same.get_or_insert(i);
        } else {
            copy_same(&mut out, text, &mut same, i);
            push_fold(c, &mut out);
        }
    }
    copy_same(&mut out, text, &mut same, text.len());
    end_word(&mut out, word);
    out
}

/// Copies the chars of `text` from `same` up to byte `upto`, which fold to themselves, to `out`.
fn copy_same(out: &mut String, text: &str, same: &mut Option<usize>, upto: usize) {
    if let Some(from) = same.take() {
        out.push_str(&text[from..upto]);
    }
}

/// Ends a word of [`fold`] that started at `word`.
fn end_word(out: &mut String, word: Option<(usize, usize)>) {
    if let Some((before, start)) = word {
        if out.len() == start {
            // A word of only marks folds to nothing; do not leave a dangling space.
            out.truncate(before);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hamza_alifs_fold_to_bare_alif() {
        assert_eq!(fold("أإآٱ"), "اااا");
    }

    #[test]
    fn ya_and_ta_marbuta() {
        assert_eq!(fold("مستشفى الحديدة"), "مستشفي الحديده");
    }

    #[test]
    fn harakat_tatweel_and_controls_drop() {
        assert_eq!(fold("مُحَمّـــد\u{200F}\u{200C}"), "محمد");
        assert_eq!(fold("\u{FEFF}عدن"), "عدن");
    }

    #[test]
    fn persian_and_urdu_forms() {
        assert_eq!(fold("کی"), "كي");
        assert_eq!(fold("ھہ"), "هه");
    }

    #[test]
    fn presentation_forms() {
        // ﻣﺤﻤﺪ in initial/medial/final forms.
        assert_eq!(fold("\u{FEE3}\u{FEA4}\u{FEE4}\u{FEAA}"), "محمد");
        assert_eq!(fold("\u{FEFB}"), "لا");
        // An isolated fathatan form vanishes.
        assert_eq!(fold("ب\u{FE70}ب"), "بب");
    }

    #[test]
    fn digits_and_latin() {
        assert_eq!(fold("٠١٢٣٤٥٦٧٨٩ ۱۲ ABC"), "0123456789 12 abc");
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(fold("  الولايات \t\n المتحدة "), "الولايات المتحده");
        assert_eq!(fold("a \u{064B} b"), "a b");
    }

    #[test]
    fn table_agrees_with_the_rule() {
        for c in (0..0x800).filter_map(char::from_u32) {
            assert_eq!(fold_char(c), fold_char_by_rule(c), "{c:?}");
        }
    }

    /// [`fold`] as it was written before it copied the chars that fold to themselves as slices: each
    /// char folded and pushed alone.
    fn fold_char_by_char(text: &str) -> String {
        let mut out = String::new();
        let mut word: Option<(usize, usize)> = None;
        for c in text.chars() {
            if c.is_whitespace() {
                end_word(&mut out, word.take());
                continue;
            }
            if word.is_none() {
                let before = out.len();
                if before > 0 {
                    out.push(' ');
                }
                word = Some((before, out.len()));
            }
            push_fold(c, &mut out);
        }
        end_word(&mut out, word);
        out
    }

    #[test]
    fn runs_that_fold_to_themselves_are_copied_whole() {
        for text in [
            "",
            " ",
            "ب",
            "مقرطة الأنزف",
            "  قثب\u{0651}\u{064E} \u{064B}  زغد\t\nوطثخ ABC٣ ",
            "\u{FEFB}ب\u{FE70}ب\u{FDFA}x",
            "ـــ ـ طثخ",
            "a\u{200F}b \u{200F} c\u{00A0}d\u{2003}",
            "Été ΣΑΣ ﻣﺤﻤﺪ",
        ] {
            assert_eq!(fold(text), fold_char_by_char(text), "{text:?}");
        }
    }

    #[test]
    fn long_ligature_is_spelled_out() {
        assert!(fold("\u{FDFA}").chars().count() > 4);
    }
}
