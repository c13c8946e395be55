//! Splitting text into segments and tokens, folding each token once.
//!
//! A token keeps its original byte and char range and the range of its folded form in a shared buffer;
//! later stages read folded forms and report original ranges. Clitics are not split here: they are read
//! at match time (see `clitic`).

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::normalize::{is_ignorable, push_fold};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (and maybe digits): a word.
    Word,
    /// Digits only.
    Number,
    /// One punctuation or symbol character.
    Punct(char),
}

/// One token of a segment.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Byte range in the original text, without leading marks or trailing invisible controls.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Char offsets matching `start` and `end`.
    pub(crate) char_start: usize,
    pub(crate) char_end: usize,
    /// Range of the folded form in [`Tokens::folded`].
    fold: Range<u32>,
    pub(crate) kind: TokenKind,
    /// A line break stands between this token and the previous one: rules do not chain across it.
    pub(crate) newline_before: bool,
}

/// The tokens of one segment, with their folded forms in one buffer (reused across segments).
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    folded: String,
    pub(crate) list: Vec<Token>,
}

impl Tokens {
    /// The folded form of token `i`.
    #[inline]
    pub(crate) fn folded(&self, i: usize) -> &str {
        let r = &self.list[i].fold;
        &self.folded[r.start as usize..r.end as usize]
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    fn clear(&mut self) {
        self.folded.clear();
        self.list.clear();
    }
}

/// Invisible controls that never belong at the edge of a span.
#[inline]
fn is_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}')
}

/// True for the chars a word token is made of; every other char that is not whitespace is a token alone.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_ignorable(c) || is_combining_mark(c)
}

/// Tokenizes `segment`, which starts at byte `base` and char `char_base` of the original text.
///
/// Returns the number of chars in the segment, so the caller can keep a running char offset without a
/// second pass.
pub(crate) fn tokenize(segment: &str, base: usize, char_base: usize, out: &mut Tokens) -> usize {
    out.clear();
    let mut chars = 0usize;
    let mut word: Option<WordState> = None;
    let mut newline = false;
    for (i, c) in segment.char_indices() {
        let at = base + i;
        let ci = char_base + chars;
        chars += 1;
        if is_word_char(c) {
            let w = word.get_or_insert_with(|| {
                WordState::new(out.folded.len(), std::mem::take(&mut newline))
            });
            w.push(c, at, ci, &mut out.folded);
            continue;
        }
        if let Some(w) = word.take() {
            w.finish(out);
        }
        if c == '\n' {
            newline = true;
        } else if !c.is_whitespace() {
            let start = out.folded.len() as u32;
            push_fold(c, &mut out.folded);
            out.list.push(Token {
                start: at,
                end: at + c.len_utf8(),
                char_start: ci,
                char_end: ci + 1,
                fold: start..out.folded.len() as u32,
                kind: TokenKind::Punct(c),
                newline_before: std::mem::take(&mut newline),
            });
        }
    }
    if let Some(w) = word.take() {
        w.finish(out);
    }
    chars
}

/// A word being read: where its visible part starts and ends.
struct WordState {
    fold_start: usize,
    /// Byte and char offset of the first char that is neither a mark nor a control.
    start: Option<(usize, usize)>,
    /// Byte and char offset just past the last char that is not an invisible control.
    end: (usize, usize),
    has_letter: bool,
    newline_before: bool,
}

impl WordState {
    fn new(fold_start: usize, newline_before: bool) -> Self {
        WordState {
            fold_start,
            newline_before,
            start: None,
            end: (0, 0),
            has_letter: false,
        }
    }

    #[inline]
    fn push(&mut self, c: char, at: usize, ci: usize, folded: &mut String) {
        let marks_only = is_ignorable(c) || is_combining_mark(c);
        if self.start.is_none() {
            if marks_only {
                // Leading marks belong to no letter of this word: keep them out of the span and the fold.
                return;
            }
            self.start = Some((at, ci));
        }
        if !is_control(c) {
            self.end = (at + c.len_utf8(), ci + 1);
        }
        if c.is_alphabetic() {
            self.has_letter = true;
        }
        push_fold(c, folded);
    }

    fn finish(self, out: &mut Tokens) {
        let Some((start, char_start)) = self.start else {
            return;
        };
        if out.folded.len() == self.fold_start {
            return;
        }
        let kind = if self.has_letter {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        out.list.push(Token {
            start,
            end: self.end.0,
            char_start,
            char_end: self.end.1,
            fold: self.fold_start as u32..out.folded.len() as u32,
            kind,
            newline_before: self.newline_before,
        });
    }
}

/// The longest segment the extractor tokenizes at once, so memory stays bounded on any input. A longer
/// text is cut at a line break, else at a sentence end, else at whitespace, else anywhere on a char boundary.
pub(crate) const MAX_SEGMENT: usize = 1 << 16;

/// Splits `text` into consecutive segments of at most [`MAX_SEGMENT`] bytes that cover it exactly.
///
/// Yields each segment with its byte offset.
pub(crate) fn segments(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let rest = &text[pos..];
        let len = if rest.len() <= MAX_SEGMENT {
            rest.len()
        } else {
            cut_point(rest)
        };
        let start = pos;
        pos += len;
        Some((start, &rest[..len]))
    })
}

/// Where to cut a text longer than [`MAX_SEGMENT`]: after the last line break in the second half of the
/// window, else after a sentence end there, else after whitespace, else at the last char boundary.
fn cut_point(text: &str) -> usize {
    let mut window = MAX_SEGMENT;
    while !text.is_char_boundary(window) {
        window -= 1;
    }
    let head = &text[..window];
    let half = window / 2;
    let after = |i: Option<usize>| i.filter(|&i| i >= half).map(|i| i + 1);
    after(head.rfind('\n'))
        .or_else(|| {
            head.char_indices()
                .rev()
                .take_while(|&(i, _)| i >= half)
                .find(|&(_, c)| matches!(c, '.' | '؟' | '?' | '!' | '؛'))
                .map(|(i, c)| i + c.len_utf8())
        })
        .or_else(|| {
            head.rfind(char::is_whitespace)
                .filter(|&i| i > 0)
                .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
        })
        .unwrap_or(window.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, String)> {
        let mut t = Tokens::default();
        tokenize(text, 0, 0, &mut t);
        (0..t.len())
            .map(|i| {
                (
                    text[t.list[i].start..t.list[i].end].to_string(),
                    t.folded(i).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn words_punctuation_and_numbers() {
        let t = toks("قال، «محمد» 2024!");
        let surf: Vec<_> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(surf, ["قال", "،", "«", "محمد", "»", "2024", "!"]);
    }

    #[test]
    fn marks_and_tatweel_stay_in_words() {
        let t = toks("مُحَمَّـــد الأُسْتَاذ");
        assert_eq!(t[0], ("مُحَمَّـــد".to_string(), "محمد".to_string()));
        assert_eq!(t[1].1, "الاستاذ");
    }

    #[test]
    fn controls_and_leading_marks_stay_outside_spans() {
        let t = toks("\u{200F}عدن\u{200E} \u{064E}صنعاء");
        assert_eq!(t[0].0, "عدن");
        assert_eq!(t[1].0, "صنعاء");
    }

    #[test]
    fn lone_marks_make_no_token() {
        assert!(toks(" \u{064B} \u{200F} ").is_empty());
    }

    #[test]
    fn char_offsets_count_scalars() {
        let mut t = Tokens::default();
        let n = tokenize("أَ ب", 10, 5, &mut t);
        assert_eq!(n, 4);
        assert_eq!((t.list[1].start, t.list[1].char_start), (15, 8));
    }

    #[test]
    fn short_text_is_one_segment() {
        let segs: Vec<_> = segments("a\nb\n\nc").collect();
        assert_eq!(segs, [(0, "a\nb\n\nc")]);
    }

    #[test]
    fn newlines_are_marked() {
        let mut t = Tokens::default();
        tokenize("أ ب\n ج", 0, 0, &mut t);
        let nl: Vec<_> = t.list.iter().map(|t| t.newline_before).collect();
        assert_eq!(nl, [false, false, true]);
    }

    #[test]
    fn long_lines_are_cut_on_boundaries() {
        let line = "كلمة ".repeat(MAX_SEGMENT / 4);
        let segs: Vec<_> = segments(&line).collect();
        assert!(segs.len() > 1);
        assert_eq!(segs.iter().map(|(_, s)| s.len()).sum::<usize>(), line.len());
        let word = "ب".repeat(MAX_SEGMENT);
        let segs: Vec<_> = segments(&word).collect();
        assert_eq!(segs.iter().map(|(_, s)| s.len()).sum::<usize>(), word.len());
    }
}
