//! The document level: finding strong names again, and gathering mentions into people, organizations
//! and places.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::clitic::for_each_reading;
use crate::extractor::token_span;
use crate::lexicon::EntryKind;
use crate::lookup::Index;
use crate::mention::{Gender, Kind, Mention, Source, Span};
use crate::tokenize::{tokenize, TokenKind, Tokens};

/// A mention with the key that groups it with other mentions of the same entity.
#[derive(Debug)]
pub(crate) struct Found {
    pub(crate) key: String,
    pub(crate) mention: Mention,
}

/// A person known with strong evidence (a title or a role), as folded words.
struct Strong {
    key: String,
    words: Vec<String>,
    gender: Option<Gender>,
    /// The last word is written with أل (ألونسو): a foreign name, not the article.
    hamza_al: bool,
}

/// Looks for the persons found with a title or role again, in the places no mention covers: the full name
/// (its first word may carry clitics), or the family name or an unknown first name alone. New mentions join
/// the same person. "Document" is the text given to `extract`: a file of many articles is one document.
///
/// Fires (cases in `tests/data/rules.tsv`, rule `document`): الرئيس الفرنسي مروان دوفال … وكان دوفال ;
/// المدرب راؤول غونزاليز … وسجل راؤول ; أبو بكر محمد بن زكريا الرازي … واشتهر الرازي.
/// Does not fire: a given name alone (محمد) ; a noun a chain took by mistake (كرة) ; a one-word name found
/// only after a role (تايلند).
///
/// `read` is what the extractor kept of the text's tokens: all of them for a text of one segment, a
/// summary per segment for a longer text, from which only the stretches where a name may start are
/// tokenized again.
///
/// Returns the new mentions in text order; none overlaps a mention of `found` (see [`assemble`]).
pub(crate) fn find_again(index: &Index, text: &str, read: Read<'_>, found: &[Found]) -> Vec<Found> {
    let strong: Vec<Strong> = strong_persons(index, found);
    if strong.is_empty() {
        return Vec::new();
    }
    let mut by_first: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut by_family: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    for (n, s) in strong.iter().enumerate() {
        by_first.entry(s.words[0].as_str()).or_default().push(n);
        let family = s.words.last().map(String::as_str).unwrap_or_default();
        // A foreign first name the lexicon does not know (راؤول، هيلاري) also stands for the person
        // alone, as the family name does; a known given name (محمد) never does.
        let first = (s.words.len() >= 2).then(|| s.words[0].as_str());
        let parts = [Some((family, s.hamza_al)), first.map(|f| (f, false))];
        for (part, hamza) in parts.into_iter().flatten() {
            if !is_distinctive_family(index, part, hamza) {
                continue;
            }
            by_family
                .entry(part)
                .and_modify(|v| {
                    if v.is_some_and(|o| !same_person(&strong[o], s)) {
                        *v = None;
                    }
                })
                .or_insert(Some(n));
        }
    }
    let mut tails = Tails::default();
    for word in by_first.keys().chain(by_family.keys()) {
        tails.add(word);
    }
    let covered: Vec<Span> = found.iter().map(|f| f.mention.span).collect();
    let mut added = Vec::new();
    let mut buf = String::new();
    // A match at token `i` of `tokens` (which must hold the longest name's words after it, or the rest of
    // the segment): the token after it.
    let mut try_at = |tokens: &Tokens, i: usize| {
        // A word of the vocabulary as written is not a name with a clitic (لدينا is not ل + دينا).
        let vocabulary = EntryKind::Common.bit() | EntryKind::Function.bit();
        let whole_only = index
            .word(tokens.folded(i))
            .is_some_and(|w| w.classes & vocabulary != 0);
        let (end, skip, who) = match_name(
            tokens, i, &strong, &by_first, &by_family, whole_only, &mut buf,
        )?;
        let span = token_span(text, tokens, i, end, skip);
        if !overlaps_any(&covered, &span) {
            added.push(Found {
                key: strong[who].key.clone(),
                mention: person_mention(text, span, strong[who].gender),
            });
        }
        Some(end)
    };
    match read {
        Read::Whole(tokens) => {
            let mut i = 0;
            while i < tokens.len() {
                let word = tokens.list[i].kind == TokenKind::Word;
                let hit = word && tails.may_end(tokens.folded(i));
                i = hit.then(|| try_at(tokens, i)).flatten().unwrap_or(i + 1);
            }
        }
        Read::Segments(segments) => {
            let longest = strong.iter().map(|s| s.words.len()).max().unwrap_or(1);
            let mut tokens = Tokens::default();
            for seg in segments {
                // The tokens `from..to` of the segment are in `tokens`.
                let (mut from, mut to) = (0, 0);
                let n = seg.words.len();
                let mut i = 0;
                while i < n {
                    if !tails.may_hold(&seg.words[i]) {
                        i += 1;
                        continue;
                    }
                    // As many tokens as the longest name has words: a stretch of more, shared by names
                    // close together, cost more on the news text than it saved (longest names have six
                    // words or more there).
                    let need = (i + longest).min(n);
                    if !(from <= i && need <= to) {
                        (from, to) = (i, need);
                        seg.tokenize(text, from, to, &mut tokens);
                    }
                    i = try_at(&tokens, i - from).map_or(i + 1, |end| from + end);
                }
            }
        }
    }
    added
}

/// `found` and `added`, both in text order and never overlapping, merged in text order: a linear merge
/// where sorting would move every (large) mention many times, done as the document is assembled so that
/// each mention is moved once.
fn merge_by_start(found: Vec<Found>, added: Vec<Found>) -> impl Iterator<Item = Found> {
    let mut added = added.into_iter().peekable();
    let mut found = found.into_iter().peekable();
    std::iter::from_fn(move || match (found.peek(), added.peek()) {
        (Some(f), Some(a)) if a.mention.span.start() < f.mention.span.start() => added.next(),
        (Some(_), _) => found.next(),
        (None, _) => added.next(),
    })
}

/// Rules that find a person from its context (a speech verb, a nationality), as strong as a title.
const CONTEXT_RULES: [&str; 2] = ["speech-name", "nationality-name"];

/// The persons found with a title, role or context rule, or a given name with a chain of three words or
/// more (محمد بن زكريا الرازي); a one-word name only when it is distinctive.
fn strong_persons(index: &Index, found: &[Found]) -> Vec<Strong> {
    let mut out: Vec<Strong> = Vec::new();
    // The keys in `out`: a text of many articles has thousands of strong names.
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for f in found {
        let m = &f.mention;
        if m.kind != Kind::Person || seen.contains(f.key.as_str()) {
            continue;
        }
        let rule = m.source.rule_name();
        let strong = m.title.is_some()
            || m.role.is_some()
            || rule.is_some_and(|r| CONTEXT_RULES.contains(&r))
            || (rule == Some("given-chain") && f.key.split(' ').count() >= 3);
        // A one-word name needs evidence that marks a person: a title or speech verb, not only a nisba or
        // a role before it (رئيس وزراء تايلند).
        let one_word_ok = !matches!(rule, Some("nationality-name" | "role-name"))
            && is_distinctive_family(index, &f.key, hamza_al(&m.text));
        let long_enough = f.key.contains(' ') || one_word_ok;
        if strong && long_enough {
            seen.insert(&f.key);
            out.push(Strong {
                key: f.key.clone(),
                words: f.key.split(' ').map(str::to_string).collect(),
                gender: m.gender,
                hamza_al: hamza_al(&m.text),
            });
        }
    }
    out
}

/// Whether the last word of a name as written starts with أل or إل (ألونسو), which the article never does.
fn hamza_al(text: &str) -> bool {
    let last = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    last.starts_with("أل") || last.starts_with("إل")
}

/// Whether two strong names sharing a family name are one person: all the words of the shorter but one
/// at most are in the longer (يحيى بن زكريا الرازي ; أبو بكر محمد بن يحيى بن زكريا الرازي ; أبي بكر
/// محمد بن يحيى بن زكريا الرازي), and the shorter has two words or more.
fn same_person(a: &Strong, b: &Strong) -> bool {
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let missing = short
        .words
        .iter()
        .filter(|w| !long.words.contains(w))
        .count();
    short.words.len() >= 2 && missing <= 1
}

/// A family name distinctive enough to stand for the person alone: not a given name, a common or
/// function word, nor a particle, and at least three letters. Unless the lexicon knows it as a name, a
/// word with ال must have the shape of a nisba (الرازي، القرضاوي; not العالم in بطل العالم), and a word
/// ending in ة is more often a noun that a chain took by mistake (كرة).
fn is_distinctive_family(index: &Index, word: &str, hamza_al: bool) -> bool {
    let named = EntryKind::Family.bit() | EntryKind::Person.bit();
    let known = index.word(word).is_some_and(|w| w.classes & named != 0);
    let article = word.starts_with("ال") && !hamza_al;
    let noun_shape = (article && !word.ends_with('ي')) || word.ends_with('ه');
    if noun_shape && !known {
        return false;
    }
    let vague = [
        EntryKind::Given,
        EntryKind::Common,
        EntryKind::Function,
        EntryKind::Particle,
    ]
    .iter()
    .fold(0, |acc, k| acc | k.bit());
    word.chars().count() >= 3 && index.word(word).is_none_or(|w| w.classes & vague == 0)
}

/// The size of each filter of name tails in [`Tails`]: a bit for each value of a [`TailHash::bit`].
const TAIL_BITS: usize = 1 << 16;

/// The longest tail the filters test, in chars.
const MAX_TAIL: usize = 4;

/// Filters of the last chars of the strong names' words, so that most words are passed over without
/// their clitic readings or map lookups: `sets[n - 2]` holds tails of `n` chars (and, for two, whole names
/// shorter than that).
///
/// Every clitic reading of a word ends with the word's last chars: a stem is the end of the word, or ا and
/// the word but its first letter (لل → ال). So a name can be a reading of a word only when the word ends
/// with the name's last chars, all of them, or all but the first when the name starts with ال. Tails of
/// two chars do not filter much (there are some thousand pairs of Arabic letters), so names are filtered
/// by as many as four.
struct Tails {
    /// Of fixed size, so that a tail's bit (a `u16`) indexes them without a bounds check: every token of
    /// the text is tested.
    sets: Box<[[u64; TAIL_BITS / 64]; MAX_TAIL - 1]>,
}

impl Default for Tails {
    fn default() -> Self {
        Tails {
            sets: Box::new([[0; TAIL_BITS / 64]; MAX_TAIL - 1]),
        }
    }
}

impl Tails {
    fn add(&mut self, name: &str) {
        let chars = name.chars().count();
        let sure = chars - usize::from(name.starts_with("ال") && chars > 2);
        let n = sure.clamp(2, MAX_TAIL);
        let bit = tail_bit(last_chars(name, n).0);
        self.sets[n - 2][bit / 64] |= 1 << (bit % 64);
    }

    fn has(&self, n: usize, bit: u16) -> bool {
        self.sets[n - 2][usize::from(bit) / 64] & (1 << (bit % 64)) != 0
    }

    /// False when no strong name can be a reading of `word`.
    fn may_end(&self, word: &str) -> bool {
        self.may_hold(&TokenTails::of(word, true, 0, 0))
    }

    /// [`Tails::may_end`] for a token kept in a summary.
    fn may_hold(&self, w: &TokenTails) -> bool {
        w.word && (2..=usize::from(w.tails)).any(|n| self.has(n, w.bits[n - 2]))
    }
}

/// How the document pass reads the tokens of the text again.
pub(crate) enum Read<'a> {
    /// The text was one segment, and these are its tokens.
    Whole(&'a Tokens),
    /// The text was many segments, kept as these summaries.
    Segments(&'a [SegmentTails]),
}

/// What the document pass keeps of a segment of a long text: where each token starts and the tails its
/// filters test, a few bytes a token where the tokens themselves take some fifty.
#[derive(Debug, Default)]
pub(crate) struct SegmentTails {
    /// Byte and char offsets of the segment in the text, and its length in bytes.
    start: usize,
    char_start: usize,
    len: usize,
    words: Vec<TokenTails>,
}

/// A token in a [`SegmentTails`]: offsets in the segment (which is at most 64 KiB long) and tail bits.
#[derive(Debug, Clone, Copy)]
struct TokenTails {
    at: u16,
    chars: u16,
    /// The bits of the word's tails of two, three and four chars; the first `tails - 1` are set.
    bits: [u16; MAX_TAIL - 1],
    tails: u8,
    /// A word: the filters are for words only.
    word: bool,
}

const _: () = assert!(crate::tokenize::MAX_SEGMENT <= 1 << 16);

impl TokenTails {
    fn of(folded: &str, word: bool, at: usize, chars: usize) -> TokenTails {
        let mut bits = [0; MAX_TAIL - 1];
        let mut tails = 1;
        if word {
            // One walk back from the end for all the tails: each char's first byte closes a tail.
            let mut hash = TailHash::START;
            let mut k = 0;
            for &b in folded.as_bytes().iter().rev() {
                hash = hash.push(b);
                if b & 0xC0 != 0x80 {
                    k += 1;
                    if k >= 2 {
                        bits[k - 2] = hash.bit();
                    }
                    if k == MAX_TAIL {
                        break;
                    }
                }
            }
            if k < 2 {
                // A word of one char is its own tail of two.
                bits[0] = hash.bit();
            }
            tails = k.max(2) as u8;
        }
        TokenTails {
            at: at as u16,
            chars: chars as u16,
            bits,
            tails,
            word,
        }
    }
}

impl SegmentTails {
    /// The summary of `tokens`, the tokens of the segment at byte `start` and char `char_start`, `len`
    /// bytes long.
    pub(crate) fn of(tokens: &Tokens, start: usize, char_start: usize, len: usize) -> SegmentTails {
        let words = tokens
            .in_segment()
            .map(|(folded, word, at, chars)| TokenTails::of(folded, word, at, chars))
            .collect();
        SegmentTails {
            start,
            char_start,
            len,
            words,
        }
    }

    /// Tokenizes the segment's tokens `from..to` again into `out`. Tokens depend only on the text from
    /// their first byte on, so a stretch starting where a token starts gives the same tokens (the first
    /// may lose its `newline_before`, which matching does not read).
    fn tokenize(&self, text: &str, from: usize, to: usize, out: &mut Tokens) {
        let a = usize::from(self.words[from].at);
        let b = self.words.get(to).map_or(self.len, |w| usize::from(w.at));
        let segment = &text[self.start..self.start + self.len];
        let chars = self.char_start + usize::from(self.words[from].chars);
        tokenize(&segment[a..b], self.start + a, chars, out);
        debug_assert_eq!(out.len(), to - from);
    }
}

/// The last `n` chars of `word` (all of it when shorter), and whether it has `n` chars or more.
fn last_chars(word: &str, n: usize) -> (&str, bool) {
    match word.char_indices().rev().nth(n - 1) {
        Some((i, _)) => (&word[i..], true),
        None => (word, false),
    }
}

/// The bit of a word's tail in a filter of [`TAIL_BITS`].
fn tail_bit(tail: &str) -> usize {
    usize::from(
        tail.bytes()
            .rev()
            .fold(TailHash::START, TailHash::push)
            .bit(),
    )
}

/// The hash behind [`tail_bit`], fed a tail's bytes last first, so that the hashes of a word's tails of
/// two, three and four chars come out of one walk back from its end (every token of a long text is
/// summarized so).
#[derive(Clone, Copy)]
struct TailHash(u64);

impl TailHash {
    const START: TailHash = TailHash(0);

    #[inline]
    fn push(self, byte: u8) -> TailHash {
        TailHash((self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// The top bits, which the multiplication mixes best.
    #[inline]
    fn bit(self) -> u16 {
        (self.0 >> 48) as u16
    }
}

/// The longest strong name starting at token `i`: its end token, clitic chars and index in `strong`.
/// `whole_only`: the word is vocabulary as written, so no reading with a clitic is tried.
fn match_name(
    tokens: &Tokens,
    i: usize,
    strong: &[Strong],
    by_first: &FxHashMap<&str, Vec<usize>>,
    by_family: &FxHashMap<&str, Option<usize>>,
    whole_only: bool,
    buf: &mut String,
) -> Option<(usize, u8, usize)> {
    let mut best: Option<(usize, u8, usize)> = None;
    for_each_reading(tokens.folded(i), buf, |r, stem| {
        if whole_only && r.clitic_chars > 0 {
            return false;
        }
        if let Some(cands) = by_first.get(stem) {
            for &n in cands {
                let rest = &strong[n].words[1..];
                let end = i + 1 + rest.len();
                let ok = end <= tokens.len()
                    && rest.iter().enumerate().all(|(k, w)| {
                        let t = i + 1 + k;
                        !tokens.list[t].newline_before && tokens.folded(t) == w
                    });
                if ok && best.is_none_or(|b| end > b.0) {
                    best = Some((end, r.clitic_chars, n));
                }
            }
        }
        if best.is_none() {
            if let Some(Some(n)) = by_family.get(stem) {
                best = Some((i + 1, r.clitic_chars, *n));
            }
        }
        best.is_some()
    });
    best
}

fn overlaps_any(sorted: &[Span], span: &Span) -> bool {
    let k = sorted.partition_point(|s| s.end() <= span.start());
    sorted.get(k).is_some_and(|s| s.overlaps(span))
}

fn person_mention(text: &str, span: Span, gender: Option<Gender>) -> Mention {
    Mention {
        kind: Kind::Person,
        span,
        text: text[span.range()].to_string(),
        source: Source::Document,
        title: None,
        title_span: None,
        role: None,
        gender,
        sub_kind: None,
        country: None,
        nested: Vec::new(),
        entity: 0,
    }
}

/// A person: every mention of one name in the document.
///
/// ```
/// let doc = alam::Extractor::new().extract("الأستاذة أوسان محمد باحسين ... للأستاذة أوسان محمد باحسين");
/// let p = &doc.persons()[0];
/// assert_eq!(p.name(), "أوسان محمد باحسين");
/// assert_eq!(p.title(), Some("الأستاذة"));
/// assert_eq!(p.mentions().len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    name: String,
    title: Option<Arc<str>>,
    role: Option<String>,
    gender: Option<Gender>,
    mentions: Vec<Span>,
}

impl Person {
    /// The fullest form of the name found.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("الأستاذ محمد عبدالله العمودي قال إن العمودي");
    /// assert_eq!(doc.persons()[0].name(), "محمد عبدالله العمودي");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The first title found with the name, in canonical form.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("قال الدكتور عبدالعزيز سعيد الصيغ");
    /// assert_eq!(doc.persons()[0].title(), Some("الدكتور"));
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
    /// The first role found with the name, as written.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("والأمين العام المساعد الدكتور عبدالعزيز سعيد الصيغ");
    /// assert_eq!(doc.persons()[0].role(), Some("الأمين العام المساعد"));
    /// ```
    pub fn role(&self) -> Option<&str> {
        self.role.as_deref()
    }
    /// The gender, from a title, role or given name.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("والأستاذة أوسان محمد باحسين");
    /// assert_eq!(doc.persons()[0].gender(), Some(alam::Gender::Female));
    /// ```
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
    /// Where the person is mentioned, in text order.
    ///
    /// ```
    /// let text = "الأستاذ محمد عبدالله العمودي قال إن العمودي";
    /// let doc = alam::Extractor::new().extract(text);
    /// let spans = doc.persons()[0].mentions();
    /// assert_eq!(&text[spans[1].range()], "العمودي");
    /// ```
    pub fn mentions(&self) -> &[Span] {
        &self.mentions
    }
}

/// An organization: every mention of one name in the document.
///
/// ```
/// let doc = alam::Extractor::new().extract("برامج الصندوق الاجتماعي للتنمية");
/// assert_eq!(doc.organizations()[0].name(), "الصندوق الاجتماعي للتنمية");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organization {
    name: String,
    sub_kind: Option<Arc<str>>,
    mentions: Vec<Span>,
}

impl Organization {
    /// The name as first written.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("مقر وزارة الصحة في صنعاء");
    /// assert_eq!(doc.organizations()[0].name(), "وزارة الصحة");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The sub-kind (`ministry`, `company`…) from the head noun or lexicon, where known.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("مقر وزارة الصحة في صنعاء");
    /// assert_eq!(doc.organizations()[0].sub_kind(), Some("ministry"));
    /// ```
    pub fn sub_kind(&self) -> Option<&str> {
        self.sub_kind.as_deref()
    }
    /// Where the organization is mentioned, in text order.
    ///
    /// ```
    /// let text = "مقر وزارة الصحة في صنعاء";
    /// let doc = alam::Extractor::new().extract(text);
    /// assert_eq!(&text[doc.organizations()[0].mentions()[0].range()], "وزارة الصحة");
    /// ```
    pub fn mentions(&self) -> &[Span] {
        &self.mentions
    }
}

/// A place: every mention of one name in the document, nested ones included.
///
/// ```
/// let doc = alam::Extractor::new().extract("في مدينة المكلا");
/// assert_eq!(doc.places()[0].name(), "المكلا");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    name: String,
    sub_kind: Option<Arc<str>>,
    country: Option<Arc<str>>,
    mentions: Vec<Span>,
}

impl Place {
    /// The name as first written.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("زار الرئيس عدن");
    /// assert_eq!(doc.places()[0].name(), "عدن");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The sub-kind (`city`, `country`, `governorate`…), where known.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("في محافظة حضرموت");
    /// assert_eq!(doc.places()[0].sub_kind(), Some("governorate"));
    /// ```
    pub fn sub_kind(&self) -> Option<&str> {
        self.sub_kind.as_deref()
    }
    /// The ISO 3166-1 alpha-2 code of its country, where known.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("في محافظة حضرموت");
    /// assert_eq!(doc.places()[0].country(), Some("YE"));
    /// ```
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }
    /// Where the place is mentioned, in text order.
    ///
    /// ```
    /// let text = "من عدن إلى المكلا ثم إلى عدن";
    /// let doc = alam::Extractor::new().extract(text);
    /// let aden = doc.places().iter().find(|p| p.name() == "عدن").unwrap();
    /// assert_eq!(aden.mentions().len(), 2);
    /// ```
    pub fn mentions(&self) -> &[Span] {
        &self.mentions
    }
}

/// What extraction found in one text: the mentions in text order, and the entities they gather into.
///
/// ```
/// let doc = alam::Extractor::new().extract("الأستاذ محمد عبدالله الحامد في مدينة المكلا");
/// assert_eq!(doc.mentions().len(), 2);
/// assert_eq!(doc.persons().len(), 1);
/// assert_eq!(doc.places().len(), 1);
/// let json = serde_json::to_string(&doc).unwrap();
/// assert!(json.contains("\"kind\":\"person\""));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    mentions: Vec<Mention>,
    persons: Vec<Person>,
    organizations: Vec<Organization>,
    places: Vec<Place>,
}

impl Document {
    /// The top-level mentions, sorted by position and never overlapping.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("الأستاذ محمد عبدالله الحامد في مدينة المكلا");
    /// let texts: Vec<_> = doc.mentions().iter().map(|m| m.text()).collect();
    /// assert_eq!(texts, ["محمد عبدالله الحامد", "المكلا"]);
    /// ```
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }
    /// Every mention, nested ones right after their parent.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("عقد مؤتمر حضرموت الجامع ندوته");
    /// let texts: Vec<_> = doc.all_mentions().map(|m| m.text()).collect();
    /// assert_eq!(texts, ["مؤتمر حضرموت الجامع", "حضرموت"]);
    /// ```
    pub fn all_mentions(&self) -> impl Iterator<Item = &Mention> {
        self.mentions
            .iter()
            .flat_map(|m| std::iter::once(m).chain(m.nested.iter()))
    }
    /// The people, in order of first mention.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("الأستاذ محمد عبدالله الحامد والأستاذة أوسان محمد باحسين");
    /// let names: Vec<_> = doc.persons().iter().map(|p| p.name()).collect();
    /// assert_eq!(names, ["محمد عبدالله الحامد", "أوسان محمد باحسين"]);
    /// ```
    pub fn persons(&self) -> &[Person] {
        &self.persons
    }
    /// The organizations, in order of first mention.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("برامج الصندوق الاجتماعي للتنمية");
    /// assert_eq!(doc.organizations()[0].name(), "الصندوق الاجتماعي للتنمية");
    /// ```
    pub fn organizations(&self) -> &[Organization] {
        &self.organizations
    }
    /// The places, in order of first mention (nested mentions included).
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("عقد مؤتمر حضرموت الجامع ندوته في المكلا");
    /// let names: Vec<_> = doc.places().iter().map(|p| p.name()).collect();
    /// assert_eq!(names, ["حضرموت", "المكلا"]);
    /// ```
    pub fn places(&self) -> &[Place] {
        &self.places
    }
    /// Consumes the document, giving its top-level mentions.
    ///
    /// ```
    /// let mentions = alam::Extractor::new().extract("في مدينة المكلا").into_mentions();
    /// assert_eq!(mentions[0].text(), "المكلا");
    /// ```
    pub fn into_mentions(self) -> Vec<Mention> {
        self.mentions
    }
}

/// Gathers mentions into entities by their keys, and numbers each mention's entity.
pub(crate) fn assemble(found: Vec<Found>, added: Vec<Found>) -> Document {
    let mut doc = Document {
        mentions: Vec::with_capacity(found.len() + added.len()),
        ..Document::default()
    };
    let mut ids: FxHashMap<(Kind, String), usize> = FxHashMap::default();
    let mut name_chars = Vec::new();
    for Found { key, mut mention } in merge_by_start(found, added) {
        mention.entity = entity_of(&mut doc, &mut ids, &mut name_chars, key, &mention);
        for n in &mut mention.nested {
            let key = crate::normalize::fold(&n.text);
            n.entity = entity_of(&mut doc, &mut ids, &mut name_chars, key, n);
        }
        doc.mentions.push(mention);
    }
    doc
}

/// The entity of mention `m` with grouping key `key`, a new one when the key is new. `name_chars[p]` is
/// the length in chars of person `p`'s name, which the longest of its mentions gives.
fn entity_of(
    doc: &mut Document,
    ids: &mut FxHashMap<(Kind, String), usize>,
    name_chars: &mut Vec<usize>,
    key: String,
    m: &Mention,
) -> usize {
    let next = match m.kind {
        Kind::Person => doc.persons.len(),
        Kind::Organization => doc.organizations.len(),
        Kind::Place => doc.places.len(),
    };
    let id = *ids.entry((m.kind, key)).or_insert(next);
    // The span's chars are the text's: no need to count them.
    let chars = m.span.char_end() - m.span.char_start();
    if id == next {
        match m.kind {
            Kind::Person => {
                name_chars.push(chars);
                doc.persons.push(Person {
                    name: m.text.clone(),
                    title: None,
                    role: None,
                    gender: None,
                    mentions: Vec::new(),
                })
            }
            Kind::Organization => doc.organizations.push(Organization {
                name: m.text.clone(),
                sub_kind: m.sub_kind.clone(),
                mentions: Vec::new(),
            }),
            Kind::Place => doc.places.push(Place {
                name: m.text.clone(),
                sub_kind: m.sub_kind.clone(),
                country: m.country.clone(),
                mentions: Vec::new(),
            }),
        }
    }
    match m.kind {
        Kind::Person => {
            let p = &mut doc.persons[id];
            if chars > name_chars[id] {
                name_chars[id] = chars;
                p.name = m.text.clone();
            }
            p.title = p.title.take().or_else(|| m.title.clone());
            p.role = p.role.take().or_else(|| m.role.clone());
            p.gender = p.gender.or(m.gender);
            p.mentions.push(m.span);
        }
        Kind::Organization => doc.organizations[id].mentions.push(m.span),
        Kind::Place => doc.places[id].mentions.push(m.span),
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::segments;

    /// Tokens `from..to`, as the document pass compares them (the first one's line break aside).
    fn shape(tokens: &Tokens, from: usize, to: usize) -> Vec<(usize, usize, usize, usize, String)> {
        (from..to)
            .map(|i| {
                let t = &tokens.list[i];
                let nl = i > from && t.newline_before;
                let kind = format!("{:?}{nl}", t.kind);
                let (bytes, chars) = (tokens.bytes(i), tokens.chars(i));
                (
                    bytes.start,
                    bytes.end,
                    chars.start,
                    chars.end,
                    kind + tokens.folded(i),
                )
            })
            .collect()
    }

    #[test]
    fn stretches_tokenize_as_the_whole_segment() {
        let news = include_str!("../benches/data/anercorp_news.txt");
        let mut cut = 20_000;
        while !news.is_char_boundary(cut) {
            cut -= 1;
        }
        let odd =
            "أَلْ\u{0640}مكلا ،«الشيخ»\n\u{064E}محمد\u{200F} 12٣ abc-def\r\n\tوللمدينة؟ ﻻ x\u{0651}y ";
        let text = format!("{odd}{}{odd}", &news[..cut]);
        let (start, segment) = segments(&text).next().expect("a segment");
        let mut whole = Tokens::default();
        tokenize(segment, start, 0, &mut whole);
        let tails = SegmentTails::of(&whole, start, 0, segment.len());
        let n = whole.len();
        let mut part = Tokens::default();
        for from in (0..n).step_by(7).chain(n.saturating_sub(20)..n) {
            for len in [1, 2, 9, 12, 100] {
                let to = (from + len).min(n);
                tails.tokenize(&text, from, to, &mut part);
                assert_eq!(
                    shape(&part, 0, part.len()),
                    shape(&whole, from, to),
                    "{from}..{to}"
                );
            }
        }
    }

    #[test]
    fn a_name_passes_the_filter_of_the_words_it_can_be_read_from() {
        let mut tails = Tails::default();
        for name in ["الرازي", "دوفال", "علي", "بو", "م", "الم"] {
            tails.add(name);
        }
        for word in [
            "الرازي",
            "والرازي",
            "للرازي",
            "وللرازي",
            "دوفال",
            "بدوفال",
            "وعلي",
            "بو",
            "م",
            "والم",
        ] {
            assert!(tails.may_end(word), "{word}");
        }
        for word in ["القاضي", "محمد", "مدينة"] {
            assert!(!tails.may_end(word), "{word}");
        }
    }

    #[test]
    fn a_summary_holds_the_bits_of_the_word_s_tails() {
        for word in ["", "م", "بو", "علي", "دوفال", "والرازي", "a€b", "ﷺx"] {
            let summary = TokenTails::of(word, true, 0, 0);
            let chars = word.chars().count();
            assert_eq!(
                usize::from(summary.tails),
                chars.clamp(2, MAX_TAIL),
                "{word}"
            );
            for n in 2..=usize::from(summary.tails) {
                let bit = tail_bit(last_chars(word, n).0);
                assert_eq!(usize::from(summary.bits[n - 2]), bit, "{word} {n}");
            }
        }
        assert_ne!(
            tail_bit("دي"),
            tail_bit("يد"),
            "the order of the bytes counts"
        );
    }
}
