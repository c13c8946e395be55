//! The document level: finding strong names again, and gathering mentions into people, organizations
//! and places.

use std::sync::Arc;

use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap};
use serde::Serialize;

use crate::clitic::for_each_reading;
use crate::extractor::token_span;
use crate::lexicon::EntryKind;
use crate::lookup::Index;
use crate::mention::{Gender, Kind, Mention, Source, Span};
use crate::tokenize::{segments, tokenize, TokenKind, Tokens};

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
}

/// Looks for the persons found with a title or role again, in the places no mention covers: the full name
/// (its first word may carry clitics) or the family name alone. New mentions join the same person.
///
/// `whole` is the tokens of `text` when the extractor read it as one segment; otherwise the text is
/// tokenized again, a segment at a time.
pub(crate) fn find_again(
    index: &Index,
    text: &str,
    whole: Option<&Tokens>,
    found: &mut Vec<Found>,
) {
    let strong: Vec<Strong> = strong_persons(found);
    if strong.is_empty() {
        return;
    }
    let mut by_first: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut by_family: FxHashMap<&str, Option<usize>> = FxHashMap::default();
    for (n, s) in strong.iter().enumerate() {
        by_first.entry(s.words[0].as_str()).or_default().push(n);
        let family = s.words.last().map(String::as_str).unwrap_or_default();
        if is_distinctive_family(index, family) {
            by_family
                .entry(family)
                .and_modify(|v| {
                    if v.is_some_and(|o| strong[o].key != s.key) {
                        *v = None;
                    }
                })
                .or_insert(Some(n));
        }
    }
    let mut tails = vec![0u64; TAIL_BITS / 64];
    for word in by_first.keys().chain(by_family.keys()) {
        let bit = tail_bit(word);
        tails[bit / 64] |= 1 << (bit % 64);
    }
    let covered: Vec<Span> = found.iter().map(|f| f.mention.span).collect();
    let mut added = Vec::new();
    let mut buf = String::new();
    let mut scan = |tokens: &Tokens| {
        let mut i = 0;
        while i < tokens.len() {
            let bit = tail_bit(tokens.folded(i));
            let hit = (tokens.list[i].kind == TokenKind::Word
                && tails[bit / 64] & (1 << (bit % 64)) != 0)
                .then(|| match_name(tokens, i, &strong, &by_first, &by_family, &mut buf))
                .flatten();
            let Some((end, skip, who)) = hit else {
                i += 1;
                continue;
            };
            let span = token_span(text, tokens, i, end, skip);
            if !overlaps_any(&covered, &span) {
                added.push(Found {
                    key: strong[who].key.clone(),
                    mention: person_mention(text, span, strong[who].gender),
                });
            }
            i = end;
        }
    };
    match whole {
        Some(tokens) => scan(tokens),
        None => {
            let mut tokens = Tokens::default();
            let mut char_base = 0;
            for (start, segment) in segments(text) {
                char_base += tokenize(segment, start, char_base, &mut tokens);
                scan(&tokens);
            }
        }
    }
    if !added.is_empty() {
        merge_by_start(found, added);
    }
}

/// Merges `added` into `found`, both in text order and never overlapping: a linear merge where sorting
/// would move every (large) mention many times.
fn merge_by_start(found: &mut Vec<Found>, added: Vec<Found>) {
    let old = std::mem::replace(found, Vec::with_capacity(found.len() + added.len()));
    let mut added = added.into_iter().peekable();
    for f in old {
        while let Some(a) = added.next_if(|a| a.mention.span.start() < f.mention.span.start()) {
            found.push(a);
        }
        found.push(f);
    }
    found.extend(added);
}

fn strong_persons(found: &[Found]) -> Vec<Strong> {
    let mut out: Vec<Strong> = Vec::new();
    for f in found {
        let m = &f.mention;
        let strong = m.kind == Kind::Person && (m.title.is_some() || m.role.is_some());
        if strong && f.key.contains(' ') && !out.iter().any(|s| s.key == f.key) {
            out.push(Strong {
                key: f.key.clone(),
                words: f.key.split(' ').map(str::to_string).collect(),
                gender: m.gender,
            });
        }
    }
    out
}

/// A family name distinctive enough to stand for the person alone: not a given name, a common or
/// function word, nor a particle, and at least three letters.
fn is_distinctive_family(index: &Index, word: &str) -> bool {
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

/// The size of the filter of name tails in [`find_again`].
const TAIL_BITS: usize = 1 << 16;

/// The bit of `word`'s last two chars (all of it when shorter) in the filter of name tails. Every clitic
/// reading of a word ends with the word's last two chars (a stem has two chars at least, and the restored
/// article adds to the front), so a word whose bit no strong name sets cannot start one: most words are
/// passed over at the cost of this bit.
fn tail_bit(word: &str) -> usize {
    let at = word.char_indices().rev().nth(1).map_or(0, |(i, _)| i);
    (FxBuildHasher.hash_one(&word[at..]) >> 48) as usize
}

/// The longest strong name starting at token `i`: its end token, clitic chars and index in `strong`.
fn match_name(
    tokens: &Tokens,
    i: usize,
    strong: &[Strong],
    by_first: &FxHashMap<&str, Vec<usize>>,
    by_family: &FxHashMap<&str, Option<usize>>,
    buf: &mut String,
) -> Option<(usize, u8, usize)> {
    let mut best: Option<(usize, u8, usize)> = None;
    for_each_reading(tokens.folded(i), buf, |r, stem| {
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
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The first title found with the name, in canonical form.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
    /// The first role found with the name, as written.
    pub fn role(&self) -> Option<&str> {
        self.role.as_deref()
    }
    /// The gender, from a title, role or given name.
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
    /// Where the person is mentioned, in text order.
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
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The sub-kind (`ministry`, `company`…) from the head noun or lexicon, where known.
    pub fn sub_kind(&self) -> Option<&str> {
        self.sub_kind.as_deref()
    }
    /// Where the organization is mentioned, in text order.
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
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The sub-kind (`city`, `country`, `governorate`…), where known.
    pub fn sub_kind(&self) -> Option<&str> {
        self.sub_kind.as_deref()
    }
    /// The ISO 3166-1 alpha-2 code of its country, where known.
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }
    /// Where the place is mentioned, in text order.
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
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }
    /// Every mention, nested ones right after their parent.
    pub fn all_mentions(&self) -> impl Iterator<Item = &Mention> {
        self.mentions
            .iter()
            .flat_map(|m| std::iter::once(m).chain(m.nested.iter()))
    }
    /// The people, in order of first mention.
    pub fn persons(&self) -> &[Person] {
        &self.persons
    }
    /// The organizations, in order of first mention.
    pub fn organizations(&self) -> &[Organization] {
        &self.organizations
    }
    /// The places, in order of first mention (nested mentions included).
    pub fn places(&self) -> &[Place] {
        &self.places
    }
    /// Consumes the document, giving its top-level mentions.
    pub fn into_mentions(self) -> Vec<Mention> {
        self.mentions
    }
}

/// Gathers mentions into entities by their keys, and numbers each mention's entity.
pub(crate) fn assemble(found: Vec<Found>) -> Document {
    let mut doc = Document {
        mentions: Vec::with_capacity(found.len()),
        ..Document::default()
    };
    let mut ids: FxHashMap<(Kind, String), usize> = FxHashMap::default();
    for Found { key, mut mention } in found {
        mention.entity = entity_of(&mut doc, &mut ids, key, &mention);
        for n in &mut mention.nested {
            let key = crate::normalize::fold(&n.text);
            n.entity = entity_of(&mut doc, &mut ids, key, n);
        }
        doc.mentions.push(mention);
    }
    doc
}

fn entity_of(
    doc: &mut Document,
    ids: &mut FxHashMap<(Kind, String), usize>,
    key: String,
    m: &Mention,
) -> usize {
    let next = match m.kind {
        Kind::Person => doc.persons.len(),
        Kind::Organization => doc.organizations.len(),
        Kind::Place => doc.places.len(),
    };
    let id = *ids.entry((m.kind, key)).or_insert(next);
    if id == next {
        match m.kind {
            Kind::Person => doc.persons.push(Person {
                name: m.text.clone(),
                title: None,
                role: None,
                gender: None,
                mentions: Vec::new(),
            }),
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
            if m.text.chars().count() > p.name.chars().count() {
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
