//! Splitting text into segments and tokens, folding each token once.
//!
//! A token keeps its original byte and char range and the range of its folded form in a shared buffer;
//! later stages read folded forms and report original ranges. Clitics are not split here: they are read
//! at match time (see `clitic`).

use std::ops::Range;

use once_cell::sync::Lazy;
use unicode_normalization::char::is_combining_mark;

use crate::clitic::stem_offset;
use crate::mention::Span;
use crate::normalize::{fold_char, fold_short, is_ignorable, push_fold, Fold};

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

/// One token of a segment, in 32 bytes: every stage reads the tokens of a segment again, so they are
/// kept small (offsets are in the segment, which is at most [`MAX_SEGMENT`] bytes long; [`Tokens`] gives
/// them in the text).
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Byte range in the segment, without leading marks or trailing invisible controls.
    start: u32,
    end: u32,
    /// Char offsets in the segment matching `start` and `end`.
    char_start: u32,
    char_end: u32,
    /// Range of the folded form in [`Tokens::folded`].
    fold: Range<u32>,
    pub(crate) kind: TokenKind,
    /// A line break stands between this token and the previous one: rules do not chain across it.
    pub(crate) newline_before: bool,
}

const _: () = assert!(std::mem::size_of::<Token>() == 32);
const _: () = assert!(MAX_SEGMENT <= u32::MAX as usize);

/// The tokens of one segment, with their folded forms in one buffer (reused across segments).
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    folded: String,
    pub(crate) list: Vec<Token>,
    /// Byte and char offsets of the segment in the text.
    base: usize,
    char_base: usize,
}

impl Tokens {
    /// The byte range of token `i` in the text.
    #[inline]
    pub(crate) fn bytes(&self, i: usize) -> Range<usize> {
        let t = &self.list[i];
        self.base + t.start as usize..self.base + t.end as usize
    }

    /// Each token's folded form and whether it is a word: what a summary of the segment keeps of it,
    /// read in one walk. The folded forms are read as bytes, without checking for char boundaries.
    pub(crate) fn in_segment(&self) -> impl ExactSizeIterator<Item = (&[u8], bool)> + Clone {
        self.list.iter().map(|t| {
            (
                &self.folded.as_bytes()[t.fold.start as usize..t.fold.end as usize],
                t.kind == TokenKind::Word,
            )
        })
    }

    /// The byte and char offsets in the segment of tokens 0, `every`, 2 × `every`…: the tokens passed
    /// over are not read.
    pub(crate) fn offsets_every(&self, every: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.list
            .iter()
            .step_by(every)
            .map(|t| (t.start as usize, t.char_start as usize))
    }

    /// Whether token `i`'s folded form is `word`. Rules ask this of every token: the lengths are compared
    /// first, without slicing the buffer, then the bytes (a str slice would check its ends first).
    #[inline]
    pub(crate) fn folded_is(&self, i: usize, word: &str) -> bool {
        let r = &self.list[i].fold;
        (r.end - r.start) as usize == word.len() && self.folded_bytes(i) == word.as_bytes()
    }

    /// Whether token `i`'s folded form ends with `suffix`. Rules ask this of every token: the last bytes
    /// are compared first, without slicing the buffer, then the bytes (a str slice would check its ends).
    #[inline]
    pub(crate) fn folded_ends_with(&self, i: usize, suffix: &str) -> bool {
        let end = self.list[i].fold.end as usize;
        let last = end
            .checked_sub(1)
            .and_then(|k| self.folded.as_bytes().get(k));
        (suffix.is_empty() || last == suffix.as_bytes().last())
            && self.folded_bytes(i).ends_with(suffix.as_bytes())
    }

    /// Whether token `i`'s folded form is its own text: folding changed none of its chars (its folded
    /// form is then the copy of the segment at the start of the buffer, at the token's own offsets; any
    /// other is written after the copy).
    #[inline]
    pub(crate) fn folds_to_itself(&self, i: usize) -> bool {
        let t = &self.list[i];
        t.fold.start == t.start && t.fold.end == t.end
    }

    /// The char range of token `i` in the text.
    #[inline]
    pub(crate) fn chars(&self, i: usize) -> Range<usize> {
        let t = &self.list[i];
        self.char_base + t.char_start as usize..self.char_base + t.char_end as usize
    }

    /// The bytes of the folded form of token `i`, read without checking for char boundaries.
    #[inline]
    pub(crate) fn folded_bytes(&self, i: usize) -> &[u8] {
        let r = &self.list[i].fold;
        &self.folded.as_bytes()[r.start as usize..r.end as usize]
    }

    /// The folding buffer from token `i`'s folded form on: its bytes, then whatever follows them (for
    /// a reader of whole words that masks what is past the token: `lookup::ShortKey::of_token`).
    #[inline]
    pub(crate) fn folded_from(&self, i: usize) -> &[u8] {
        &self.folded.as_bytes()[self.list[i].fold.start as usize..]
    }

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

/// The original span of tokens `start..end`, leaving out the first `skip` folded chars of the first.
pub(crate) fn token_span(text: &str, tokens: &Tokens, start: usize, end: usize, skip: u8) -> Span {
    let first = tokens.bytes(start);
    let (db, dc) = if skip == 0 {
        (0, 0)
    } else {
        stem_offset(&text[first.clone()], skip)
    };
    Span::new(
        first.start + db,
        tokens.bytes(end - 1).end,
        tokens.chars(start).start + dc,
        tokens.chars(end - 1).end,
    )
}

/// Invisible controls that never belong at the edge of a span.
#[inline]
fn is_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}')
}

/// What the tokenizer asks of a char, as bits.
type Class = u16;
/// Part of a word: alphanumeric, or a mark.
const WORD: Class = 1;
/// A mark or control that folding drops or that combines with the letter before it.
const MARK: Class = 2;
const ALPHABETIC: Class = 4;
const CONTROL: Class = 8;
const WHITESPACE: Class = 16;
/// Folding leaves the char as it is.
const SAME: Class = 32;
/// A letter that is neither a mark nor a control: most chars of a text, read in runs.
const LETTER: Class = 64;
/// A letter or digit that is neither a mark nor a control: a word of such chars alone, and below U+0800,
/// takes the fast path ([`plain_word`]).
const PLAIN: Class = 128;
/// A [`PLAIN`] letter that folding leaves as it is: most chars of a text.
const SAME_LETTER: Class = 256;

fn class_by_rule(c: char) -> Class {
    let mark = is_ignorable(c) || is_combining_mark(c);
    let mut class = 0;
    if c.is_alphanumeric() || mark {
        class |= WORD;
    }
    if mark {
        class |= MARK;
    }
    if c.is_alphabetic() {
        class |= ALPHABETIC;
    }
    if is_control(c) {
        class |= CONTROL;
    }
    if c.is_whitespace() {
        class |= WHITESPACE;
    }
    if fold_char(c) == Fold::One(c) {
        class |= SAME;
    }
    if class & (WORD | ALPHABETIC | MARK | CONTROL) == WORD | ALPHABETIC {
        class |= LETTER;
    }
    if class & (WORD | MARK | CONTROL) == WORD {
        class |= PLAIN;
    }
    if class & (PLAIN | ALPHABETIC | SAME) == PLAIN | ALPHABETIC | SAME {
        class |= SAME_LETTER;
    }
    class
}

/// The classes of the chars below U+0800 (Latin, Arabic and its supplements), computed once: the Unicode
/// property lookups behind them are slow for non-ASCII letters, and every char of the text needs them.
static CLASSES: Lazy<[Class; 0x800]> = Lazy::new(|| {
    let mut table = [0; 0x800];
    for (i, class) in table.iter_mut().enumerate() {
        *class = char::from_u32(i as u32).map_or(0, class_by_rule);
    }
    table
});

/// Whether two bytes, read as a little-endian `u16`, are the UTF-8 form of a [`SAME_LETTER`] (the two-byte
/// forms only: Arabic letters). [`same_letters`] tests a letter so, with one load of the table, without
/// decoding it. Only the 2,048 pairs of a two-byte lead and a continuation byte may be true; the table is
/// 64 KiB, of which a text of Arabic letters reads some 1 KiB.
static SAME_LETTER_PAIRS: Lazy<Box<[bool; 0x10000]>> = Lazy::new(|| {
    let mut pairs = Box::new([false; 0x10000]);
    for lead in 0xC0..0xE0usize {
        for next in 0x80..0xC0usize {
            pairs[next << 8 | lead] =
                CLASSES[(lead & 0x1F) << 6 | (next & 0x3F)] & SAME_LETTER != 0;
        }
    }
    pairs
});

#[inline]
fn class_of(table: &[Class; 0x800], c: char) -> Class {
    match table.get(c as usize) {
        Some(&class) => class,
        // Runs of letters and plain words are read only below U+0800 (see `WordState::letters` and
        // `plain_word`).
        None => class_by_rule(c) & !(LETTER | PLAIN | SAME_LETTER),
    }
}

/// True for the chars a word token is made of; every other char that is not whitespace is a token alone.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    class_of(&CLASSES, c) & WORD != 0
}

/// Tokenizes `segment`, which starts at byte `base` and char `char_base` of the original text.
///
/// Returns the number of chars in the segment, so the caller can keep a running char offset without a
/// second pass.
pub(crate) fn tokenize(segment: &str, base: usize, char_base: usize, out: &mut Tokens) -> usize {
    tokenize_with::<true>(segment, base, char_base, out)
}

/// [`tokenize`], with the fast path for words of plain chars ([`plain_word`]) or without it (`FAST`
/// false: every word read by the general path, which the tests compare it with).
fn tokenize_with<const FAST: bool>(
    segment: &str,
    base: usize,
    char_base: usize,
    out: &mut Tokens,
) -> usize {
    out.clear();
    out.base = base;
    out.char_base = char_base;
    // The buffer starts with a copy of the segment: a word or punctuation char that folding leaves as it
    // is (most of them) has its folded form there, at its own offsets, so nothing is copied for it. Other
    // folded forms go after the copy; folding rarely makes them longer (only ligatures spelled out do).
    out.folded.reserve(2 * segment.len());
    out.folded.push_str(segment);
    let table = &*CLASSES;
    let pairs = &**SAME_LETTER_PAIRS;
    let bytes = segment.as_bytes();
    // Offsets from here on are in the segment, in bytes and chars.
    let mut chars = 0usize;
    let mut word = WordState::IDLE;
    let mut newline = false;
    let mut i = 0;
    while i < bytes.len() {
        if FAST && !word.active {
            match plain_word(segment, i, chars, newline, table, pairs, out) {
                Ok((end, char_end)) => {
                    i = end;
                    chars = char_end;
                    newline = false;
                    continue;
                }
                // The general path reads the rest of the word.
                Err(start) if start.end > i => {
                    word = WordState::after(&start, i, chars, std::mem::take(&mut newline));
                    i = start.end;
                    chars += start.chars;
                    continue;
                }
                Err(_) => {}
            }
        }
        if bytes[i] == b' ' {
            word.finish(segment, i, out);
            i += 1;
            chars += 1;
            continue;
        }
        let (c, len) = char_at(segment, i);
        let class = class_of(table, c);
        if class & LETTER != 0 {
            if !word.active {
                word.begin(out.folded.len(), std::mem::take(&mut newline));
            }
            let (end, n) = word.letters(segment, i, table, &mut out.folded);
            word.plain(i, end, chars, chars + n);
            i = end;
            chars += n;
            continue;
        }
        if class & WORD != 0 {
            if !word.active {
                word.begin(out.folded.len(), std::mem::take(&mut newline));
            }
            word.push(segment, c, class, i..i + len, chars, &mut out.folded);
            i += len;
            chars += 1;
            continue;
        }
        word.finish_out_of_line(segment, i, out);
        if c == '\n' {
            newline = true;
        } else if class & WHITESPACE == 0 {
            let end = i + len;
            let fold = if FAST && class & SAME != 0 {
                i as u32..end as u32
            } else {
                let start = out.folded.len() as u32;
                push_fold(c, &mut out.folded);
                start..out.folded.len() as u32
            };
            out.list.push(Token {
                start: i as u32,
                end: end as u32,
                char_start: chars as u32,
                char_end: chars as u32 + 1,
                fold,
                kind: TokenKind::Punct(c),
                newline_before: std::mem::take(&mut newline),
            });
        }
        i += len;
        chars += 1;
    }
    word.finish_out_of_line(segment, bytes.len(), out);
    chars
}

/// The char that starts at byte `i` of `text` (a char boundary before its end), and its length. The
/// one- and two-byte forms (every char below U+0800, nearly every char of Arabic or Latin text) are
/// decoded here without the general decoder's checks.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match short_char_at(text.as_bytes(), i) {
        Some((code, len)) => (char::from_u32(code as u32).unwrap_or_default(), len),
        None => {
            let c = text
                .get(i..)
                .and_then(|t| t.chars().next())
                .unwrap_or_default();
            (c, c.len_utf8())
        }
    }
}

/// The code and length of the char at byte `i` of UTF-8 `bytes` (a char boundary) when it is below
/// U+0800, read without decoding it as a char; `None` for a longer form or at the end.
#[inline]
fn short_char_at(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    // At a char boundary a byte below 0xE0 is ASCII or starts a two-byte form.
    match *bytes.get(i)? {
        b @ 0..=0x7F => Some((usize::from(b), 1)),
        b @ 0x80..=0xDF => {
            let next = *bytes.get(i + 1)?;
            Some(((usize::from(b & 0x1F) << 6) | usize::from(next & 0x3F), 2))
        }
        _ => None,
    }
}

/// Reads the word that starts at byte `from` (char `ci`) of the segment when it is made of [`PLAIN`]
/// chars only, as most words of news text are, pushes its token (pushed here rather than returned, so
/// that it is written once), and returns where it ends in bytes and chars, past the space after it when
/// it has one (as most words have). Its folded form is its own bytes in the copy of the segment at the
/// start of `out.folded` when folding leaves every char as it is; else it is written after what
/// `out.folded` holds.
///
/// When the word goes on with a char that is not plain (a mark, tatweel, a control, a char above
/// U+0800), returns what it read of it (maybe nothing) for [`WordState`] to read the rest char by char.
#[inline]
fn plain_word(
    segment: &str,
    from: usize,
    ci: usize,
    newline_before: bool,
    table: &[Class; 0x800],
    pairs: &[bool; 0x10000],
    out: &mut Tokens,
) -> Result<(usize, usize), PlainStart> {
    let bytes = segment.as_bytes();
    let fold_start = out.folded.len();
    let mut uncopied = from;
    let mut end = from;
    let mut chars = 0;
    // Plain chars that are not letters (digits): a word of them alone is a number.
    let mut others = 0;
    let spaced = loop {
        let (run, n, next) = same_letters(bytes, end, pairs);
        chars += n;
        end = run;
        let Some(two) = next else {
            break false;
        };
        let b = two as u8;
        // A space ends the word, as it ends most words: tested by its byte, before the char is decoded
        // and classed as below.
        if b == b' ' {
            break true;
        }
        let (code, len) = if b < 0x80 {
            // An ASCII letter goes on with the run.
            if table[usize::from(b)] & SAME_LETTER != 0 {
                end += 1;
                chars += 1;
                continue;
            }
            (usize::from(b), 1)
        } else if b < 0xE0 {
            // A two-byte form, both of whose bytes `same_letters` read (at a char boundary, a byte from
            // 0x80 to 0xDF is no ASCII char, and leads a two-byte form: never the text's last byte).
            (
                (usize::from(b & 0x1F) << 6) | usize::from(two >> 8 & 0x3F),
                2,
            )
        } else {
            // A longer form: it goes on with the word (for the general path) or ends it.
            if end == from || class_of(table, char_at(segment, end).0) & WORD != 0 {
                return Err(PlainStart::new(fold_start, uncopied, end, chars, others));
            }
            break false;
        };
        // The char that ended the run: a plain char that folding changes, or a digit, goes on with the
        // word; any other ends it, or makes it a word for the general path.
        let class = table[code & 0x7FF];
        if class & PLAIN == 0 {
            if class & WORD != 0 || end == from {
                return Err(PlainStart::new(fold_start, uncopied, end, chars, others));
            }
            break false;
        }
        if class & ALPHABETIC == 0 {
            others += 1;
        }
        if class & SAME == 0 {
            let folded = &mut out.folded;
            folded.push_str(&segment[uncopied..end]);
            // A plain char folds to one char (marks and controls, which folding drops, are not plain).
            match fold_short(code) {
                Some(f) => folded.push(f),
                None => push_fold(char::from_u32(code as u32).unwrap_or_default(), folded),
            }
            uncopied = end + len;
        }
        end += len;
        chars += 1;
    };
    if end == from {
        // A space at `from`: no word.
        return Err(PlainStart::new(fold_start, uncopied, end, chars, others));
    }
    let fold = if uncopied == from {
        from as u32..end as u32
    } else {
        out.folded.push_str(&segment[uncopied..end]);
        fold_start as u32..out.folded.len() as u32
    };
    out.list.push(Token {
        start: from as u32,
        end: end as u32,
        char_start: ci as u32,
        char_end: (ci + chars) as u32,
        fold,
        kind: if chars > others {
            TokenKind::Word
        } else {
            TokenKind::Number
        },
        newline_before,
    });
    let space = usize::from(spaced);
    Ok((end + space, ci + chars + space))
}

/// The plain chars that start a word that goes on with others, as [`plain_word`] read them.
struct PlainStart {
    /// Where the word's folded form starts in the buffer.
    fold_start: usize,
    /// Where the chars not yet folded into the buffer start: they fold to themselves.
    uncopied: usize,
    /// Byte just past them in the segment, and how many chars they are.
    end: usize,
    chars: usize,
    /// Some of them is a letter.
    alphabetic: bool,
}

impl PlainStart {
    /// `chars` chars read, of which `others` are not letters.
    #[inline]
    fn new(fold_start: usize, uncopied: usize, end: usize, chars: usize, others: usize) -> Self {
        PlainStart {
            fold_start,
            uncopied,
            end,
            chars,
            alphabetic: chars > others,
        }
    }
}

/// Reads the run of two-byte [`SAME_LETTER`]s (Arabic letters) from byte `from` of UTF-8 `bytes` (a char
/// boundary), and returns where it ends, how many letters it has and the bytes that ended it (`None` at
/// the end): the loop in which tokenizing spends most of its time. A letter is tested by its two bytes
/// at once, without decoding it (see [`SAME_LETTER_PAIRS`]); the bytes after the run are the two read
/// last, as a little-endian `u16` (the first in the low byte; the last byte of the text alone, with a
/// zero high byte), so the char they start is not read again.
#[inline]
fn same_letters(bytes: &[u8], from: usize, pairs: &[bool; 0x10000]) -> (usize, usize, Option<u16>) {
    let mut rest = &bytes[from..];
    let mut n = 0;
    let next = loop {
        let Some((pair, tail)) = rest.split_first_chunk::<2>() else {
            break rest.first().copied().map(u16::from);
        };
        let two = u16::from_le_bytes(*pair);
        if !pairs[usize::from(two)] {
            break Some(two);
        }
        rest = tail;
        n += 1;
    };
    (bytes.len() - rest.len(), n, next)
}

/// Marks an offset that is not set.
const UNSET: u32 = u32::MAX;

/// A word being read: where its visible part starts and ends, in bytes and chars of the segment (a
/// segment is at most [`MAX_SEGMENT`] bytes, so they fit in `u32`).
struct WordState {
    active: bool,
    fold_start: u32,
    /// Where the chars that folding leaves as they are started, not yet copied to the folded buffer: most
    /// chars are such, and copying them as one slice is cheaper than folding them one by one.
    same_from: u32,
    /// Byte and char offset of the first char that is neither a mark nor a control (`UNSET` before).
    start: (u32, u32),
    /// Byte and char offset just past the last char that is not an invisible control.
    end: (u32, u32),
    has_letter: bool,
    newline_before: bool,
}

impl WordState {
    const IDLE: WordState = WordState {
        active: false,
        fold_start: 0,
        same_from: UNSET,
        start: (UNSET, UNSET),
        end: (0, 0),
        has_letter: false,
        newline_before: false,
    };

    /// A word that starts at byte `from`, char `ci`, with the plain chars `start`.
    fn after(start: &PlainStart, from: usize, ci: usize, newline_before: bool) -> WordState {
        WordState {
            active: true,
            fold_start: start.fold_start as u32,
            same_from: if start.uncopied < start.end {
                start.uncopied as u32
            } else {
                UNSET
            },
            start: (from as u32, ci as u32),
            end: (start.end as u32, (ci + start.chars) as u32),
            has_letter: start.alphabetic,
            newline_before,
        }
    }

    #[inline]
    fn begin(&mut self, fold_start: usize, newline_before: bool) {
        *self = WordState {
            active: true,
            fold_start: fold_start as u32,
            newline_before,
            ..WordState::IDLE
        };
    }

    /// Takes char `c`, at bytes `range` and char `ci` of the segment, into the word.
    #[inline]
    fn push(
        &mut self,
        segment: &str,
        c: char,
        class: Class,
        range: Range<usize>,
        ci: usize,
        folded: &mut String,
    ) {
        let at = range.start;
        if self.start.0 == UNSET {
            if class & MARK != 0 {
                // Leading marks belong to no letter of this word: keep them out of the span and the fold.
                return;
            }
            self.start = (at as u32, ci as u32);
        }
        if class & CONTROL == 0 {
            self.end = (range.end as u32, ci as u32 + 1);
        }
        if class & ALPHABETIC != 0 {
            self.has_letter = true;
        }
        if class & SAME != 0 {
            if self.same_from == UNSET {
                self.same_from = at as u32;
            }
        } else {
            self.copy_same(segment, at, folded);
            push_fold(c, folded);
        }
    }

    /// Reads the run of [`LETTER`]s that starts at byte `from` (itself a letter), folding them, and returns
    /// where it ends and how many chars it has. Reads the one- and two-byte UTF-8 forms (every char below
    /// U+0800) without decoding them as chars; a longer form ends the run.
    #[inline]
    fn letters(
        &mut self,
        segment: &str,
        from: usize,
        table: &[Class; 0x800],
        folded: &mut String,
    ) -> (usize, usize) {
        let bytes = segment.as_bytes();
        let mut same_from = self.same_from;
        let mut i = from;
        let mut n = 0;
        while let Some((code, len)) = short_char_at(bytes, i) {
            let class = table[code & 0x7FF];
            if class & LETTER == 0 {
                break;
            }
            if class & SAME == 0 {
                if same_from != UNSET {
                    folded.push_str(&segment[same_from as usize..i]);
                    same_from = UNSET;
                }
                push_fold(char::from_u32(code as u32).unwrap_or_default(), folded);
            } else if same_from == UNSET {
                same_from = i as u32;
            }
            i += len;
            n += 1;
        }
        self.same_from = same_from;
        (i, n)
    }

    /// Takes the [`LETTER`]s from byte `from` to `to` of the segment, chars `ci..ci_end`: what
    /// [`WordState::push`] does for each of them but the folding.
    #[inline]
    fn plain(&mut self, from: usize, to: usize, ci: usize, ci_end: usize) {
        if self.start.0 == UNSET {
            self.start = (from as u32, ci as u32);
        }
        self.end = (to as u32, ci_end as u32);
        self.has_letter = true;
    }

    /// Copies the chars left as they are, up to byte `upto`, to the folded buffer.
    #[inline]
    fn copy_same(&mut self, segment: &str, upto: usize, folded: &mut String) {
        if self.same_from != UNSET {
            folded.push_str(&segment[self.same_from as usize..upto]);
            self.same_from = UNSET;
        }
    }

    /// [`WordState::finish`] where a word seldom ends (at punctuation, marks, the segment's end): inlined
    /// there too, it slowed the loop over marks (a text of harakat) by a tenth.
    #[inline(never)]
    fn finish_out_of_line(&mut self, segment: &str, upto: usize, out: &mut Tokens) {
        self.finish(segment, upto, out);
    }

    /// Ends the word, if one is being read, at byte `upto` of the segment. Always inlined: it runs at
    /// every space, and the call cost some tenth of its work (the compiler kept it out of line).
    #[inline(always)]
    fn finish(&mut self, segment: &str, upto: usize, out: &mut Tokens) {
        if !self.active {
            return;
        }
        self.active = false;
        self.copy_same(segment, upto, &mut out.folded);
        if self.start.0 == UNSET || out.folded.len() == self.fold_start as usize {
            return;
        }
        let kind = if self.has_letter {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        out.list.push(Token {
            start: self.start.0,
            end: self.end.0,
            char_start: self.start.1,
            char_end: self.end.1,
            fold: self.fold_start..out.folded.len() as u32,
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
            .map(|i| (text[t.bytes(i)].to_string(), t.folded(i).to_string()))
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
    fn folded_forms_compare_as_strings() {
        let mut t = Tokens::default();
        tokenize("فان والفريق عبد ، أ", 0, 0, &mut t);
        for i in 0..t.len() {
            let folded = t.folded(i).to_string();
            for word in [
                "فان",
                "فريق",
                "الفريق",
                "والفريق",
                "عبد",
                "،",
                "ا",
                "ن",
                "",
                "x",
            ] {
                assert_eq!(t.folded_is(i, word), folded == word, "{folded} {word}");
                assert_eq!(
                    t.folded_ends_with(i, word),
                    folded.ends_with(word),
                    "{folded} {word}"
                );
            }
        }
    }

    #[test]
    fn char_offsets_count_scalars() {
        let mut t = Tokens::default();
        let n = tokenize("أَ ب", 10, 5, &mut t);
        assert_eq!(n, 4);
        assert_eq!((t.bytes(1).start, t.chars(1).start), (15, 8));
    }

    #[test]
    fn a_token_folds_to_itself_only_when_folding_changes_none_of_its_chars() {
        let text = "في مدينة أبها، 12 و٣ مُحمد";
        let mut t = Tokens::default();
        tokenize(text, 0, 0, &mut t);
        let itself: Vec<(&str, bool)> = (0..t.len())
            .map(|i| (&text[t.bytes(i)], t.folds_to_itself(i)))
            .collect();
        assert_eq!(
            itself,
            [
                ("في", true),
                ("مدينة", false),
                ("أبها", false),
                ("،", true),
                ("12", true),
                ("و٣", false),
                ("مُحمد", false),
            ]
        );
        for i in 0..t.len() {
            assert_eq!(t.folds_to_itself(i), t.folded(i) == &text[t.bytes(i)]);
        }
    }

    #[test]
    fn short_text_is_one_segment() {
        let segs: Vec<_> = segments("a\nb\n\nc").collect();
        assert_eq!(segs, [(0, "a\nb\n\nc")]);
    }

    #[test]
    fn letters_outside_the_tables_and_folded_letters_inside_runs() {
        let t = toks("中文 \u{FEE3}\u{FEA4}\u{FEE4}\u{FEAA} مدرسةٌ أحمد");
        let folded: Vec<_> = t.iter().map(|(_, f)| f.as_str()).collect();
        assert_eq!(folded, ["中文", "محمد", "مدرسه", "احمد"]);
        assert_eq!(t[2].0, "مدرسةٌ");
    }

    #[test]
    fn newlines_are_marked() {
        let mut t = Tokens::default();
        tokenize("أ ب\n ج", 0, 0, &mut t);
        let nl: Vec<_> = t.list.iter().map(|t| t.newline_before).collect();
        assert_eq!(nl, [false, false, true]);
    }

    /// Every token as the other stages see it: byte and char ranges, folded form, kind, line break.
    fn seen(
        text: &str,
        base: usize,
        fast: bool,
    ) -> Vec<(Range<usize>, Range<usize>, String, String)> {
        let mut t = Tokens::default();
        let chars = if fast {
            tokenize_with::<true>(text, base, 7, &mut t)
        } else {
            tokenize_with::<false>(text, base, 7, &mut t)
        };
        assert_eq!(chars, text.chars().count());
        (0..t.len())
            .map(|i| {
                let kind = format!("{:?} {}", t.list[i].kind, t.list[i].newline_before);
                (t.bytes(i), t.chars(i), t.folded(i).to_string(), kind)
            })
            .collect()
    }

    #[test]
    fn plain_words_take_the_fast_path_as_the_general_one() {
        for text in [
            "قال محمد إن الأستاذة في مدرسة",
            "abc ABC 2024 ٢٠٢٤ a1 ١ب",
            "مُحَمَّد الـمدرسة عدن\u{200F} \u{200C}صنعاء ب\u{0301}",
            "أحمد\r\nعلى، «مصر» 中文 ﻻ ﷺ x",
            "  كلمة\n\nكلمة\u{00A0}كلمة\tكلمة ",
            "",
            "ب",
            "\u{064E}",
        ] {
            assert_eq!(seen(text, 3, true), seen(text, 3, false), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_path_agrees_with_the_general_one(
            parts in proptest::collection::vec(proptest::sample::select(&[
                "ب", "ت", "ا", "ل", "م", "أ", "إ", "آ", "ى", "ة", "ی", "ک", "\u{064E}", "\u{0651}",
                "\u{0640}", "\u{0670}", "\u{200C}", "\u{200D}", "\u{200F}", "\u{FEFF}", "\u{061C}",
                "0", "7", "٣", "۵", "a", "Z", "é", "\u{0301}", " ", " ", " ", "\n", "\r\n", "\t",
                "\u{00A0}", "،", ".", "«", "؟", "\u{FEFB}", "\u{FEE3}", "\u{FE70}", "\u{FDFA}", "中",
                "😀", "…",
            ][..]), 0..40)
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(seen(&text, 0, true), seen(&text, 0, false));
        }
    }

    #[test]
    fn the_pair_table_agrees_with_the_char_classes() {
        for code in 0x80..0x800u32 {
            let c = char::from_u32(code).unwrap();
            let mut utf8 = [0; 4];
            c.encode_utf8(&mut utf8);
            let two = u16::from_le_bytes([utf8[0], utf8[1]]);
            assert_eq!(
                SAME_LETTER_PAIRS[usize::from(two)],
                CLASSES[code as usize] & SAME_LETTER != 0,
                "{c:?}"
            );
        }
        // No pair with an ASCII or a continuation byte first is a letter.
        for two in 0..=u16::MAX {
            if !(0xC0..0xE0).contains(&(two & 0xFF)) {
                assert!(!SAME_LETTER_PAIRS[usize::from(two)], "{two:#x}");
            }
        }
    }

    #[test]
    fn a_run_of_letters_ends_with_the_byte_after_it() {
        let pairs = &**SAME_LETTER_PAIRS;
        let run = |text: &str, from: usize| same_letters(text.as_bytes(), from, pairs);
        // ة folds to ه, so it ends a run of letters that fold to themselves.
        // The bytes after the run: ' ' and the lead byte of ظ, 'x' alone, ة's two bytes.
        assert_eq!(run("زثغ ظضص", 0), (6, 3, Some(0xD8_20)));
        assert_eq!(run("زثغ", 0), (6, 3, None));
        assert_eq!(run("زثغx", 0), (6, 3, Some(u16::from(b'x'))));
        assert_eq!(run("ظضصة", 0), (6, 3, Some(0xA9_D8)));
        assert_eq!(run("a زثغ", 2), (8, 3, None));
        assert_eq!(run(" ", 0), (0, 0, Some(u16::from(b' '))));
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
