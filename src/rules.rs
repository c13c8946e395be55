//! Pattern rules over tokens: each rule reads the tokens of a segment, with what the lexicon said of them,
//! and proposes candidate mentions with the evidence that produced them.
//!
//! Rules only propose; `resolve` chooses among overlapping candidates. Every rule is a function with a
//! name (reported as the mention's source) and examples that must and must not fire (`tests/data/rules.tsv`).

use crate::clitic::Reading;
use crate::lexicon::EntryKind;
use crate::lookup::{Index, Lex, PhraseMatch};
use crate::mention::{Gender, Kind};
use crate::tokenize::{TokenKind, Tokens};

/// How strong the evidence for a candidate is; higher wins in `resolve`.
pub(crate) type Evidence = u8;
/// A trigger (title, role, head noun, place noun) or a multi-word lexicon entry.
pub(crate) const STRONG: Evidence = 3;
/// A single-word lexicon entry.
pub(crate) const LEXICON: Evidence = 2;

/// The longest name chain after a title: given name, father, grandfather, family, and a particle.
const MAX_NAME_WORDS: usize = 5;
/// The longest complement chain after an organization's head noun.
const MAX_ORG_COMPLEMENTS: usize = 8;
/// How far before a title a role may start.
const MAX_ROLE_WORDS: usize = 6;

/// What produced a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    Rule(&'static str),
    Entry(u32),
    /// A rule added at run time, by its index in the extractor's list.
    Custom(u32),
}

/// A proposed mention over tokens `start..end`; the first token's first `skip` folded chars are clitics.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) skip: u8,
    pub(crate) evidence: Evidence,
    pub(crate) origin: Origin,
    /// The lexicon entry whose sub-kind and country the mention takes.
    pub(crate) attrs: Option<u32>,
    /// For persons: the title's entry and its token and clitic chars.
    pub(crate) title: Option<(u32, usize, u8)>,
    /// For persons: the role's tokens `start..end` and the clitic chars of its first token.
    pub(crate) role: Option<(usize, usize, u8)>,
    pub(crate) gender: Option<Gender>,
    /// Places inside an organization's name.
    pub(crate) nested: Vec<Candidate>,
}

impl Candidate {
    pub(crate) fn new(
        kind: Kind,
        start: usize,
        end: usize,
        skip: u8,
        evidence: Evidence,
        origin: Origin,
    ) -> Self {
        Candidate {
            kind,
            start,
            end,
            skip,
            evidence,
            origin,
            attrs: None,
            title: None,
            role: None,
            gender: None,
            nested: Vec::new(),
        }
    }
}

/// One segment as the rules see it.
pub(crate) struct Segment<'a, 'i> {
    /// The whole original text (token offsets are into it).
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a Tokens,
    pub(crate) lex: &'a [Lex<'i>],
    /// Sorted by start token.
    pub(crate) phrases: &'a [PhraseMatch],
    pub(crate) index: &'i Index,
}

impl Segment<'_, '_> {
    fn len(&self) -> usize {
        self.tokens.len()
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens.list[i].kind == TokenKind::Word
    }

    /// The last char of token `i` as written (before folding).
    fn last_char(&self, i: usize) -> Option<char> {
        let t = &self.tokens.list[i];
        self.text[t.start..t.end].chars().next_back()
    }

    fn newline_before(&self, i: usize) -> bool {
        self.tokens.list[i].newline_before
    }

    fn has(&self, i: usize, kind: EntryKind) -> bool {
        self.lex[i].has(kind)
    }

    fn kind_of(&self, m: &PhraseMatch) -> EntryKind {
        self.index.entry(m.entry).entry.kind()
    }

    /// The entries matched from token `i`, longest first.
    fn phrases_at(&self, i: usize) -> &[PhraseMatch] {
        let lo = self.phrases.partition_point(|p| p.start < i);
        let hi = self.phrases.partition_point(|p| p.start <= i);
        &self.phrases[lo..hi]
    }

    /// The longest entry of `kind` matched from token `i`.
    fn phrase_of(&self, i: usize, kind: EntryKind) -> Option<PhraseMatch> {
        self.phrases_at(i)
            .iter()
            .find(|p| self.kind_of(p) == kind)
            .copied()
    }

    fn reading(&self, i: usize) -> Reading {
        self.lex[i].reading.unwrap_or(Reading::WHOLE)
    }

    /// True for a word that introduces something else: a title, role, speech verb, head or place noun.
    fn is_trigger(&self, i: usize) -> bool {
        const TRIGGERS: [EntryKind; 6] = [
            EntryKind::Title,
            EntryKind::Role,
            EntryKind::SpeechVerb,
            EntryKind::OrgHead,
            EntryKind::PlaceNoun,
            EntryKind::Nationality,
        ];
        TRIGGERS.iter().any(|&k| self.has(i, k)) || self.phrase_of(i, EntryKind::Role).is_some()
    }
}

/// True for words shaped like a verb of form X (استفعل): no Arabic name starts so.
fn looks_like_verb(folded: &str) -> bool {
    folded.starts_with("است") && folded.chars().count() >= 5
}

/// Runs every rule over a segment.
pub(crate) fn run(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    out.clear();
    lexicon_mentions(seg, out);
    title_name(seg, out);
    org_head(seg, out);
    place_noun(seg, out);
}

/// Lexicon entries that name a person, organization or place. A single word that is also a common word
/// or a nationality needs context from another rule, so it is not proposed here.
fn lexicon_mentions(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for p in seg.phrases {
        let kind = match seg.kind_of(p) {
            EntryKind::Person => Kind::Person,
            EntryKind::Organization => Kind::Organization,
            EntryKind::Place => Kind::Place,
            _ => continue,
        };
        let single = p.end - p.start == 1;
        let ambiguous = seg.has(p.start, EntryKind::Common)
            || seg.has(p.start, EntryKind::Nationality)
            || seg.has(p.start, EntryKind::Function);
        if single && ambiguous {
            continue;
        }
        if kind == Kind::Place && !single && is_generic_place_noun(seg, p.start) {
            // مدينة المكلا: the noun is not part of the name; `place_noun` reports the name alone.
            continue;
        }
        let evidence = if single { LEXICON } else { STRONG };
        let mut c = Candidate::new(
            kind,
            p.start,
            p.end,
            p.reading.clitic_chars,
            evidence,
            Origin::Entry(p.entry),
        );
        c.attrs = Some(p.entry);
        if kind == Kind::Person {
            c.gender = seg.index.entry(p.entry).entry.gender();
        }
        out.push(c);
    }
}

/// True when token `i` is a place noun such as مدينة or محافظة, which stands before a name, unlike the
/// country nouns (جمهورية، مملكة) that begin official names.
fn is_generic_place_noun(seg: &Segment<'_, '_>, i: usize) -> bool {
    seg.phrase_of(i, EntryKind::PlaceNoun)
        .is_some_and(|p| seg.index.entry(p.entry).entry.sub() != Some("country"))
}

/// A person after a title: `[role] title+ [nationality] name-chain`.
///
/// Fires: الأستاذ محمد عبدالله الحامد ; والأمين العام المساعد الدكتور عبدالعزيز سعيد الصيغ.
/// Does not fire: الأستاذ في الجامعة ; الدكتور ، .
fn title_name(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < seg.len() {
        let Some(first_title) = seg.phrase_of(i, EntryKind::Title) else {
            i += 1;
            continue;
        };
        // Stacked titles (سعادة الشيخ): the one nearest the name is the person's title.
        let mut title = first_title;
        while let Some(next) = (title.end < seg.len() && !seg.newline_before(title.end))
            .then(|| seg.phrase_of(title.end, EntryKind::Title))
            .flatten()
        {
            title = next;
        }
        let mut j = title.end;
        while j < seg.len() && seg.has(j, EntryKind::Nationality) && !seg.newline_before(j) {
            j += 1;
        }
        let end = name_chain(seg, j);
        if end > j {
            let mut c = Candidate::new(Kind::Person, j, end, 0, STRONG, Origin::Rule("title-name"));
            c.title = Some((title.entry, title.start, title.reading.clitic_chars));
            c.role = role_before(seg, first_title.start);
            c.gender = seg
                .index
                .entry(title.entry)
                .entry
                .gender()
                .or_else(|| {
                    c.role
                        .and_then(|(r, _, _)| seg.lex[r].info.and_then(|w| w.gender))
                })
                .or_else(|| given_gender(seg, j));
            out.push(c);
            i = end;
        } else {
            i = title.end;
        }
    }
}

/// The gender of token `i` as a given name.
fn given_gender(seg: &Segment<'_, '_>, i: usize) -> Option<Gender> {
    seg.has(i, EntryKind::Given)
        .then(|| seg.lex[i].info.and_then(|w| w.gender))
        .flatten()
}

/// The end of the name chain that starts at token `start` (equal to `start` when there is none).
///
/// A chain takes names and unknown words; it stops at punctuation, a line break, a word with the
/// conjunction و/ف, vocabulary, a trigger word, a verb-shaped word, and a word read with a preposition.
/// A particle (بن، أبو) cannot end it.
fn name_chain(seg: &Segment<'_, '_>, start: usize) -> usize {
    let mut end = start;
    while end < seg.len() && end - start < MAX_NAME_WORDS && is_name_word(seg, end, end == start) {
        end += 1;
    }
    while end > start
        && seg.has(end - 1, EntryKind::Particle)
        && !seg.has(end - 1, EntryKind::Given)
    {
        end -= 1;
    }
    end
}

/// Whether token `i` can be part of a person's name chain (`first`: it would start the chain).
fn is_name_word(seg: &Segment<'_, '_>, i: usize, first: bool) -> bool {
    if !seg.is_word(i) || seg.newline_before(i) {
        return false;
    }
    let l = &seg.lex[i];
    let given = l.has(EntryKind::Given);
    let named =
        given || l.has(EntryKind::Family) || l.has(EntryKind::Particle) || l.has(EntryKind::Person);
    // A given name that folds like a function word (علي / على) starts a chain; it continues one only when
    // written with ي, since edited text writes the preposition with ى.
    let function =
        l.has(EntryKind::Function) && !(given && (first || seg.last_char(i) == Some('ي')));
    let common = l.has(EntryKind::Common) && !named;
    if l.conj || function || common || seg.is_trigger(i) {
        return false;
    }
    if named || l.has(EntryKind::Place) {
        // After a title a place name is a person's name or nisba (a place called أوسان, الحامد).
        return seg.reading(i).clitic_chars == 0;
    }
    if l.info.is_some_and(|w| w.classes != 0) {
        // Known only as something else (an organization): not part of a person's name.
        return false;
    }
    // An unknown word: a name unless it carries a preposition before ال, is shaped like a verb, or is a
    // definite word written with ة (a feminine noun such as الندوة; family names do not end so).
    !(l.definite && (l.clitic_chars > 0 || seg.last_char(i) == Some('ة')))
        && !looks_like_verb(seg.tokens.folded(i))
}

/// A role that ends right before the title at token `title`: a role entry, then words up to the title
/// (الأمين العام المساعد ; رئيس دائرة الشباب).
fn role_before(seg: &Segment<'_, '_>, title: usize) -> Option<(usize, usize, u8)> {
    let from = title.saturating_sub(MAX_ROLE_WORDS);
    (from..title).find_map(|r| {
        let m = seg.phrase_of(r, EntryKind::Role)?;
        let gap_ok = (m.end..title)
            .all(|k| seg.is_word(k) && !seg.lex[k].conj && !seg.has(k, EntryKind::Function));
        let one_line = (r + 1..=title).all(|k| !seg.newline_before(k));
        (m.end <= title && gap_ok && one_line).then_some((r, title, m.reading.clitic_chars))
    })
}

/// An organization from its head noun and the complements that follow it.
///
/// Fires: مؤتمر حضرموت الجامع ; الصندوق الاجتماعي للتنمية ; مكتب الشؤون الاجتماعية والعمل.
/// Does not fire: منظمات المجتمع المدني (no singular head) ; المؤتمر (no complement).
fn org_head(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for i in 0..seg.len() {
        if !seg.has(i, EntryKind::OrgHead) || !seg.is_word(i) {
            continue;
        }
        let end = org_complements(seg, i + 1);
        if end > i + 1 {
            let mut c = Candidate::new(
                Kind::Organization,
                i,
                end,
                seg.reading(i).clitic_chars,
                STRONG,
                Origin::Rule("org-head"),
            );
            c.attrs = seg.phrase_of(i, EntryKind::OrgHead).map(|p| p.entry);
            out.push(c);
        }
    }
}

/// The end of the complement chain of a head noun whose first complement is token `start`.
///
/// Complements are definite words (genitives and adjectives), places, a proper name right after the head,
/// one coordinated definite word (والعمل), and لِ- complements (للتنمية، لمؤتمر) unless the chain already
/// took a coordinated word. Vocabulary that is not definite, triggers of persons and punctuation end it.
fn org_complements(seg: &Segment<'_, '_>, start: usize) -> usize {
    let mut end = start;
    let mut coordinated = false;
    while end < seg.len() && end - start < MAX_ORG_COMPLEMENTS {
        let k = end;
        if !seg.is_word(k) || seg.newline_before(k) || seg.has(k, EntryKind::Function) {
            break;
        }
        let l = &seg.lex[k];
        let person_trigger = seg.has(k, EntryKind::Title)
            || seg.has(k, EntryKind::SpeechVerb)
            || seg.phrase_of(k, EntryKind::Role).is_some() && !l.definite;
        if person_trigger || looks_like_verb(seg.tokens.folded(k)) {
            break;
        }
        let place = seg.has(k, EntryKind::Place);
        if l.conj {
            if coordinated || k == start || !l.definite || l.lam {
                break;
            }
            coordinated = true;
        } else if l.lam {
            if coordinated || k == start {
                break;
            }
        } else if !(l.definite || place || (k == start && l.info.is_none_or(|w| w.classes == 0))) {
            break;
        }
        end += 1;
    }
    end
}

/// A place after a place noun: `مدينة المكلا`, `محافظة حضرموت`.
///
/// Fires: مدينة المكلا ; محافظة حضرموت. Does not fire: مدينة كبيرة (a common word) ; مدينة ، .
fn place_noun(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for i in 0..seg.len().saturating_sub(1) {
        if !seg.has(i, EntryKind::PlaceNoun) {
            continue;
        }
        let j = i + 1;
        if seg.newline_before(j) || !seg.is_word(j) || seg.lex[j].conj {
            continue;
        }
        if let Some(p) = seg
            .phrase_of(j, EntryKind::Place)
            .filter(|p| p.reading.clitic_chars == 0)
        {
            let mut c =
                Candidate::new(Kind::Place, j, p.end, 0, STRONG, Origin::Rule("place-noun"));
            c.attrs = Some(p.entry);
            out.push(c);
        } else if seg.lex[j].info.is_none_or(|w| w.classes == 0)
            && seg.lex[j].clitic_chars == 0
            && !looks_like_verb(seg.tokens.folded(j))
        {
            let mut c = Candidate::new(
                Kind::Place,
                j,
                j + 1,
                0,
                LEXICON,
                Origin::Rule("place-noun"),
            );
            c.attrs = seg.phrase_of(i, EntryKind::PlaceNoun).map(|p| p.entry);
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_shape() {
        assert!(looks_like_verb("استعرض"));
        assert!(!looks_like_verb("اسامه"));
        assert!(!looks_like_verb("است"));
    }
}
