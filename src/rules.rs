//! Pattern rules over tokens: each rule reads the tokens of a segment, with what the lexicon said of them,
//! and proposes candidate mentions with the evidence that produced them.
//!
//! Rules only propose; `resolve` chooses among overlapping candidates. Every rule is a function with a
//! name (reported as the mention's source) and examples that must and must not fire (`tests/data/rules.tsv`).

use crate::clitic::Reading;
use crate::lexicon::EntryKind;
use crate::lookup::{phrases_at, Index, Lex, Marks, PhraseMatch, RECORDED_SINGLES};
use crate::mention::{Gender, Kind};
use crate::tokenize::{TokenKind, Tokens};

/// How strong the evidence for a candidate is; higher wins in `resolve`.
pub(crate) type Evidence = u8;
/// A trigger (title, role, head noun, place noun) or a multi-word lexicon entry.
pub(crate) const STRONG: Evidence = 3;
/// A single-word lexicon entry.
pub(crate) const LEXICON: Evidence = 2;

/// The longest name chain after a title: given name, father and grandfather with their particles (حمد بن
/// جاسم بن جبر آل ثاني), family.
const MAX_NAME_WORDS: usize = 7;
/// The fewest complements after a head noun: with one (وزارة الخارجية، الجيش الأميركي) the phrase
/// names a body of government or an army as often as an organization, and news corpora leave it untagged.
const MIN_ORG_COMPLEMENTS: usize = 2;
/// The longest complement chain after an organization's head noun.
const MAX_ORG_COMPLEMENTS: usize = 8;
/// How far before a title a role may start.
const MAX_ROLE_WORDS: usize = 6;
/// The longest complement of a role before the name (وزير الخارجية التركي ; رئيس الاتحاد الدولي لكرة القدم).
const MAX_ROLE_COMPLEMENTS: usize = 5;
/// A stem shorter than this, read out of a word with clitics (بها، لها), is too short to be a name alone.
const MIN_CLITIC_STEM_CHARS: usize = 3;

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
    /// `lex[i].marks()` for every token `i`.
    pub(crate) marks: &'a [Marks],
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
        self.text[self.tokens.bytes(i)].chars().next_back()
    }

    fn newline_before(&self, i: usize) -> bool {
        self.tokens.list[i].newline_before
    }

    fn has(&self, i: usize, kind: EntryKind) -> bool {
        self.marks[i].has(kind)
    }

    fn kind_of(&self, m: &PhraseMatch) -> EntryKind {
        m.kind
    }

    /// The entries matched from token `i`, longest first.
    fn phrases_at(&self, i: usize) -> &[PhraseMatch] {
        phrases_at(self.lex, self.phrases, i)
    }

    /// The longest entry of `kind` matched from token `i`.
    #[inline]
    fn phrase_of(&self, i: usize, kind: EntryKind) -> Option<PhraseMatch> {
        debug_assert!(
            RECORDED_SINGLES & kind.bit() != 0,
            "one-word entries of kind {kind} are not recorded as matches"
        );
        if !self.marks[i].may_start(kind) {
            return None;
        }
        self.phrases_at(i)
            .iter()
            .find(|p| self.kind_of(p) == kind)
            .copied()
    }

    /// Whether token `i` is written with أل (hamza on the alif): a foreign name such as ألونسو, never the
    /// article, which folding would otherwise make look like ال.
    fn hamza_al(&self, i: usize) -> bool {
        let written = &self.text[self.tokens.bytes(i)];
        written.starts_with("أل") || written.starts_with("إل")
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

/// True for words shaped like a verb of form X (استفعل): no Arabic name starts so; or like a past verb
/// of form VIII (ارتكب، انتقد، اعتبر): five letters, ا then a root letter then ت, and two root letters
/// that are not long vowels (a foreign name of that length has one: اشتون، استون).
fn looks_like_verb(folded: &str) -> bool {
    // Six chars tell five from more; the rules ask this of many words, so nothing is allocated.
    let mut c = ['\0'; 6];
    let mut len = 0;
    for ch in folded.chars().take(c.len()) {
        c[len] = ch;
        len += 1;
    }
    let form_viii = len == 5
        && c[0] == 'ا'
        && c[2] == 'ت'
        && !matches!(c[1], 'ل' | 'ت')
        && c[3..5]
            .iter()
            .all(|ch| !matches!(ch, 'ا' | 'و' | 'ي' | 'ه'));
    (folded.starts_with("است") && len >= 5) || form_viii
}

/// Runs every rule over a segment.
pub(crate) fn run(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    out.clear();
    lexicon_mentions(seg, out);
    title_name(seg, out);
    role_name(seg, out);
    nationality_name(seg, out);
    speech_name(seg, out);
    name_speech(seg, out);
    name_role(seg, out);
    given_chain(seg, out);
    van_name(seg, out);
    team_name(seg, out);
    club_country(seg, out);
    org_head(seg, out);
    place_noun(seg, out);
}

/// Lexicon entries that name a person, organization or place. A single word that is also a common word
/// or a nationality needs context from another rule, so it is not proposed here.
///
/// Fires: وصل الوفد إلى بالمكلا ; وصنعاء مدينة قديمة ; زار الولايات المتحدة.
/// Does not fire: وقال اليمني إن ; ثم قال بها ; وتحدث بشأن الاتفاق ; كمية كبيرة.
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
        if single && (ambiguous || short_stem(seg, p)) {
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

/// True for a one-word match whose stem is too short to be a name (بها; سي) — a place of two letters
/// written alone stays — or that is read out of a word with clitics that is common vocabulary as written
/// (بشأن، فسيجد), or with the preposition ك (كمية).
fn short_stem(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let word = seg.tokens.folded(p.start);
    let chars = word.chars().count();
    // A lookup of the whole word, asked only of a reading with clitics.
    let vocabulary = || {
        seg.index
            .word(word)
            .is_some_and(|w| w.classes & EntryKind::Common.bit() != 0)
    };
    let stem_chars = chars - usize::from(p.reading.clitic_chars).min(chars);
    // Two letters alone (سي، اف، إس) are initials or letters of a transliteration, not a name.
    let too_short = stem_chars < MIN_CLITIC_STEM_CHARS
        && (p.reading.clitic_chars > 0 || !seg.has(p.start, EntryKind::Place));
    // ك "like" is seldom put before a name; a word read so (كمية → ك + مية) is a word.
    let prep = word.chars().nth(usize::from(p.reading.conj));
    let kaf = p.reading.clitic_chars > u8::from(p.reading.conj) && prep == Some('ك');
    too_short || kaf || (p.reading.clitic_chars > 0 && vocabulary())
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

/// A person over tokens `start..end` found by `rule`, with the gender of its first word as a given name.
fn person(
    seg: &Segment<'_, '_>,
    start: usize,
    end: usize,
    skip: u8,
    evidence: Evidence,
    rule: &'static str,
) -> Candidate {
    let mut c = Candidate::new(Kind::Person, start, end, skip, evidence, Origin::Rule(rule));
    c.gender = given_gender(seg, start);
    c
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
    // After عبد, a word with ال is a divine name (عبد العظيم، عبد الفتاح), whatever else it is.
    if !first && seg.tokens.folded(i - 1) == "عبد" && seg.tokens.folded(i).starts_with("ال") {
        return seg.reading(i).clitic_chars == 0;
    }
    let given = l.has(EntryKind::Given);
    let named =
        given || l.has(EntryKind::Family) || l.has(EntryKind::Particle) || l.has(EntryKind::Person);
    // A given name that folds like a function word (علي / على) starts a chain; it continues one only when
    // written with ي, since edited text writes the preposition with ى.
    let function =
        l.has(EntryKind::Function) && !(given && (first || seg.last_char(i) == Some('ي')));
    let common = l.has(EntryKind::Common) && !named;
    // After the first word, an unknown word with ف is a foreign name (أرسين فينغر) more often than a
    // clause joined by ف right after a name.
    let foreign_fa = first
        || seg
            .tokens
            .folded(i)
            .strip_prefix('ف')
            .is_some_and(|stem| !looks_like_verb(stem));
    if (l.conj && !(foreign_fa && foreign_initial(seg, i)))
        || function
        || common
        || seg.is_trigger(i)
    {
        return false;
    }
    let word = seg.tokens.folded(i);
    if named || l.has(EntryKind::Place) {
        // After a title a place name is a person's name or nisba (a place called أوسان, الحامد).
        let clitics = seg.reading(i).clitic_chars;
        if clitics == 0 {
            return true;
        }
        // In a name chain, a word read only as ك + a name (كلود = ك + لود) is a foreign name that starts
        // with ك far more often than "like" + a name: it goes on as an unknown word.
        if !ka_name(seg, i) {
            return false;
        }
    } else if l.info.is_some_and(|w| w.classes != 0) {
        // Known only as something else (an organization): not part of a person's name.
        return false;
    }
    // An unknown word: a name unless it carries a preposition before ال, is shaped like a verb
    // (استعرض، يتقمص), or is a definite word written with ة (a feminine noun such as الندوة; family
    // names do not end so).
    let verb = looks_like_verb(word)
        || (!first && (looks_like_imperfect(word) || looks_like_plural_participle(word)));
    let prepositional = l.definite && l.clitic_chars > 0;
    // ... except right after بن/أبو + a name, where a word with ال is the family name
    // (عبدالله بن خليفة العطية): in ANERcorp 17 of 21 such words are part of the name.
    // آل + a name is already the family name (آل مكتوم الرمضانية).
    let family_slot =
        !first && i >= 2 && seg.has(i - 2, EntryKind::Particle) && seg.tokens.folded(i - 2) != "ال";
    let feminine_noun = l.definite && seg.last_char(i) == Some('ة') && !family_slot;
    let accusative = !first && is_accusative_noun(seg, word);
    !verb && !prepositional && !feminine_noun && !accusative
}

/// Whether `folded` is a word of the vocabulary + the accusative ending ا (برنامجا، فجرا، هجوما): the
/// object or adverb after a name (قدم عزت أبو عوف برنامجا), not a name word. In ANERcorp such words
/// follow a person's name 28 times and end one once.
fn is_accusative_noun(seg: &Segment<'_, '_>, folded: &str) -> bool {
    folded.strip_suffix('ا').is_some_and(|stem| {
        stem.chars().count() >= 3
            && seg
                .index
                .word(stem)
                .is_some_and(|w| w.classes & EntryKind::Common.bit() != 0)
    })
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

/// A person after a role: `role [complements] name-chain`, the role outside the span.
///
/// Fires: وزير الداخلية نيكولا ساركوزي ; الرئيس الفرنسي ماركو دوفال ; رئيس الاتحاد الدولي لكرة القدم سامي غداف.
/// Does not fire: وزير الخارجية في الحكومة ; رئيس الوزراء يزور صنعاء ; وزير خارجية كوريا الجنوبية (a
/// place) ; برئيس الوزراء ليقرر (a purpose clause).
fn role_name(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for i in 0..seg.len() {
        let Some(role) = seg.phrase_of(i, EntryKind::Role) else {
            continue;
        };
        let mut j = role.end;
        while j < seg.len() && j - role.end < MAX_ROLE_COMPLEMENTS && is_role_complement(seg, j) {
            j += 1;
        }
        let Some(end) = name_after(seg, j) else {
            continue;
        };
        let mut c = Candidate::new(Kind::Person, j, end, 0, STRONG, Origin::Rule("role-name"));
        c.role = Some((i, j, role.reading.clitic_chars));
        c.gender = seg
            .index
            .entry(role.entry)
            .entry
            .gender()
            .or_else(|| given_gender(seg, j));
        out.push(c);
    }
}

/// Whether token `k` continues a role before the name: a genitive or adjective with ال, a nationality
/// or a لِ- complement (الخارجية، التركي، لكرة), not a conjunction, title or name.
fn is_role_complement(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    seg.is_word(k)
        && !seg.newline_before(k)
        && !l.conj
        && !seg.has(k, EntryKind::Function)
        && !seg.has(k, EntryKind::Title)
        && !seg.has(k, EntryKind::SpeechVerb)
        && (l.definite || l.lam || seg.has(k, EntryKind::Nationality) || is_lam_genitive(seg, k))
}

/// Whether token `k` is ل + an indefinite noun followed by a definite one (لكرة القدم), which the
/// lexicon does not read as a لِ- complement because the noun after ل has no ال.
fn is_lam_genitive(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.tokens.folded(k).starts_with('ل')
        && seg.lex[k].info.is_none()
        && k + 1 < seg.len()
        && seg.lex[k + 1].definite
        && !seg.newline_before(k + 1)
}

/// A person after a nationality adjective that stands as a noun: `الإسباني فرناندو ألونسو`.
///
/// Fires: فاز المصري محمد عبد الفتاح ; فاز المصري كرم جابر بالذهبية.
/// Does not fire: الجانب الأمريكي يرى ; القوات الأميركية اعتقالهم (an adjective) ; اليمنيون محمد (a plural).
fn nationality_name(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for i in 0..seg.len().saturating_sub(1) {
        if !seg.has(i, EntryKind::Nationality) || !is_singular_nisba(seg.tokens.folded(i)) {
            continue;
        }
        if i > 0 && follows_noun(seg, i) {
            // After a definite noun or a name (القوات الأميركية، مدريد الإسباني) the nisba is that
            // noun's adjective, and what follows is not a person.
            continue;
        }
        if let Some(end) = name_after(seg, i + 1) {
            out.push(person(seg, i + 1, end, 0, STRONG, "nationality-name"));
        }
    }
}

/// Whether token `i` comes right after a definite word or a known name that it would qualify.
fn follows_noun(seg: &Segment<'_, '_>, i: usize) -> bool {
    let p = &seg.lex[i - 1];
    seg.is_word(i - 1)
        && !seg.newline_before(i)
        && (p.definite
            || p.has(EntryKind::Place)
            || p.has(EntryKind::Organization)
            || p.has(EntryKind::OrgHead))
}

/// A singular nisba adjective (الأمريكي، الأمريكية), not a plural (الأمريكيون، الأمريكيين).
fn is_singular_nisba(folded: &str) -> bool {
    folded.ends_with('ي') || folded.ends_with("يه")
}

/// A person right after a speech verb: `قال ألونسو`, `وأكد هوارد جرونسبكت`.
///
/// Fires: وقال هاني مانديل ; قال شوماخر إن ; يقول كورت.
/// Does not fire: وقال إن ; يقول إن ; قالت وزارة الخارجية ; يعتبر سبام ; وذكر بيان (a given name that is a word).
fn speech_name(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for i in 0..seg.len().saturating_sub(1) {
        if !seg.has(i, EntryKind::SpeechVerb) {
            continue;
        }
        let verb = seg.tokens.folded(i);
        if verb.starts_with(['ي', 'ت']) && verb != "يقول" {
            // An imperfect verb (يعتبر، تقول) is followed by its object or a clause more often than by
            // its subject; يقول takes a clause, never a noun object, so a name after it is the speaker.
            continue;
        }
        if verb.ends_with('ت') && !is_named(seg, i + 1) {
            // A feminine verb (دعت، قالت) has organizations, countries and plurals as subjects: only a
            // known name is taken after it.
            continue;
        }
        if let Some(end) = name_after(seg, i + 1) {
            out.push(person(seg, i + 1, end, 0, STRONG, "speech-name"));
        }
    }
}

/// A person followed by a role in apposition: `علي موسى مدير مستشفى`, `فايزة أبوالنجا وزيرة التعاون`.
///
/// Fires: بحضور سامي غداف وزير الثقافة. Does not fire: في تقرير وزير الخارجية (vocabulary before the
/// role) ; أنقذ حارس العربي (an unknown word, often a verb, before it).
fn name_role(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for k in 1..seg.len() {
        // A role in the construct state (وزير، رئيس، مدير), not الرئيس which may start a new phrase.
        if seg.phrase_of(k, EntryKind::Role).is_none()
            || seg.lex[k].definite
            || seg.newline_before(k)
        {
            continue;
        }
        // Without a trigger before it, the name must start with a known name: unknown words there are as
        // often verbs (أنقذ حارس …).
        let start =
            (k.saturating_sub(4)..k).find(|&s| is_named(seg, s) && name_after(seg, s) == Some(k));
        let Some(start) = start else {
            continue;
        };
        out.push(person(seg, start, k, 0, STRONG, "name-role"));
    }
}

/// A person that opens a sentence and is followed by a speech verb: `ألونسو يتهم شوماخر`.
///
/// Fires: ألونسو يتهم شوماخر (at the start of a line). Does not fire: الحكومة أعلنت (a word with ال) ;
/// وقال مصدر (not at the start).
fn name_speech(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for k in 1..seg.len() {
        if !seg.has(k, EntryKind::SpeechVerb) || seg.newline_before(k) {
            continue;
        }
        // The name starts at a sentence boundary one to three words before the verb.
        let Some(start) = (k.saturating_sub(3)..k)
            .find(|&s| opens_sentence(seg, s) && name_after(seg, s) == Some(k))
        else {
            continue;
        };
        out.push(person(seg, start, k, 0, STRONG, "name-speech"));
    }
}

/// Whether token `s` starts a sentence: the first of the segment or a line, or after a full stop, colon,
/// quotation mark or dash.
fn opens_sentence(seg: &Segment<'_, '_>, s: usize) -> bool {
    s == 0
        || seg.newline_before(s)
        || matches!(
            seg.tokens.list[s - 1].kind,
            TokenKind::Punct('.' | ':' | '"' | '-' | '«' | '»')
        )
}

/// A known given name (or عبد + a divine name, or أبو/ابن + a given name) followed by more name words:
/// `محمد عبد الفتاح`, `وجاسم محمد مهدي`, `أبو بكر محمد بن زكريا`.
///
/// Fires: فاز محمد عبد الفتاح بالميدالية ; التقى سمير القنطار ; وعزا عبد الله ; ولد أبو بكر محمد بن زكريا.
/// Does not fire: التقى محمد ، (a given name alone) ; زار محمد عدن (a place after it) ; بسبب وجود ثغرة (a
/// given name that is also a noun, before an unknown word).
fn given_chain(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for i in 0..seg.len().saturating_sub(1) {
        // Most tokens are vocabulary, which never starts a chain: the tests of their classes come first.
        if seg.has(i, EntryKind::Common)
            || seg.has(i, EntryKind::Function)
            || seg.has(i, EntryKind::Nationality)
            || !seg.is_word(i)
        {
            continue;
        }
        let given = seg.phrase_of(i, EntryKind::Given);
        let abd = given.is_none() && is_abd_compound(seg, i);
        let kunya = given.is_none() && is_kunya(seg, i);
        let first_end = given.map(|g| g.end).or((abd || kunya).then_some(i + 2));
        let Some(first_end) = first_end else {
            continue;
        };
        if i > 0 && given_chain_continues(seg, i) {
            continue;
        }
        // Without a title, a place after a given name is more often where the person went (زار محمد عدن).
        let chain = short_chain(seg, i, first_end);
        let end = (first_end..chain)
            .find(|&k| seg.has(k, EntryKind::Place) && !is_named(seg, k))
            .unwrap_or(chain);
        // A given name alone is too often a word (صالح، أمين); one of two words (عبد الله) is a name.
        if end == first_end && first_end - i < 2 {
            continue;
        }
        // Many given names are also nouns (وجود، تحسين، بطاقة): with one more word that the lexicon does not
        // know and that has no ال, the pair is as often a noun phrase (وجود ثغرة) as a name.
        if end - i == 2
            && first_end - i == 1
            && !is_named(seg, i + 1)
            && !seg.tokens.folded(i + 1).starts_with("ال")
        {
            continue;
        }
        let skip = given.map_or(seg.reading(i).clitic_chars, |g| g.reading.clitic_chars);
        // Three name words or more (محمد بن زكريا الرازي) are as sure a sign of a person as a title.
        let evidence = if end - i >= 3 { STRONG } else { LEXICON };
        out.push(person(seg, i, end, skip, evidence, "given-chain"));
    }
}

/// Whether tokens `i`, `i + 1` are عبد + a divine name written apart (عبد الله، وعبد الفتاح): a given name.
fn is_abd_compound(seg: &Segment<'_, '_>, i: usize) -> bool {
    if !seg.tokens.folded_ends_with(i, "عبد") {
        return false;
    }
    let word = seg.tokens.folded(i);
    let stem = word
        .char_indices()
        .nth(usize::from(seg.reading(i).clitic_chars))
        .map_or("", |(b, _)| &word[b..]);
    stem == "عبد"
        && i + 1 < seg.len()
        && seg.is_word(i + 1)
        && !seg.newline_before(i + 1)
        && seg.tokens.folded(i + 1).starts_with("ال")
        && seg.reading(i + 1).clitic_chars == 0
}

/// Whether tokens `i`, `i + 1` are a kunya or nasab start, أبو/أبي/ابن/أم + a given name (أبو بكر).
fn is_kunya(seg: &Segment<'_, '_>, i: usize) -> bool {
    const KUNYA: [&str; 4] = ["ابو", "ابي", "ابن", "ام"];
    KUNYA.contains(&seg.tokens.folded(i))
        && i + 1 < seg.len()
        && !seg.newline_before(i + 1)
        && seg.has(i + 1, EntryKind::Given)
        && !seg.has(i + 1, EntryKind::Function)
}

/// Whether a chain started before token `i` already takes it (the father's name in محمد عبدالله الحامد).
fn given_chain_continues(seg: &Segment<'_, '_>, i: usize) -> bool {
    !seg.lex[i].conj && seg.has(i - 1, EntryKind::Given) && is_name_word(seg, i, false)
}

/// The end of a person's name that starts at token `j`, after a role, nationality or speech verb: it
/// must start like a name (a given or family name, a particle, a known person, or an unknown word
/// without ال and clitics), never a place, organization or vocabulary.
fn name_after(seg: &Segment<'_, '_>, j: usize) -> Option<usize> {
    if j >= seg.len() || !seg.is_word(j) || seg.newline_before(j) {
        return None;
    }
    let l = &seg.lex[j];
    let named = is_named(seg, j);
    let word = seg.tokens.folded(j);
    let ka = ka_name(seg, j);
    let unknown = (ka
        || l.info.is_none_or(|w| w.classes == 0) && seg.phrase_of(j, EntryKind::Place).is_none())
        && seg.phrase_of(j, EntryKind::Organization).is_none()
        && !lam_verb_or_masdar(word)
        && (!l.definite || seg.hamza_al(j))
        && !looks_like_verb(seg.tokens.folded(j))
        && !looks_like_imperfect(seg.tokens.folded(j))
        && !has_pronoun_suffix(seg.tokens.folded(j));
    // A given name that is also a function word (علي / على) cannot start a name here: after a verb it is
    // nearly always the preposition.
    // A given name that is also a common word (بيان، قائد) is the word here.
    let conj = l.conj && !foreign_initial(seg, j);
    if !(named || unknown)
        || (seg.reading(j).clitic_chars > 0 && !ka)
        || conj
        || l.has(EntryKind::Function)
        || l.has(EntryKind::Common)
    {
        return None;
    }
    let end = short_chain(seg, j, j);
    // An unknown word and a word with ال (كرة القدم، بطل العالم) is a construct noun phrase; a name of that
    // shape starts with a known given name (نوري المالكي).
    if !named && end > j + 1 && seg.tokens.folded(j + 1).starts_with("ال") && !seg.hamza_al(j + 1)
    {
        return None;
    }
    (end > j).then_some(end)
}

/// A Dutch or Flemish name with the particle فان and an unknown word (فان باستن، فان بومل).
///
/// فان is also فإن written without hamza, but then a word of the vocabulary, a word with ال or a pronoun
/// follows (فان المجلس، فان هذه); in `anercorp_lex` no such فان is followed by an unknown word.
///
/// Fires: ويرى فان دايك أن. Does not fire: فان المجلس سيناقش ; فان هذه الأخيرة ; فإن كوستر يرى.
fn van_name(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for i in 0..seg.len().saturating_sub(1) {
        let j = i + 1;
        // Written with a bare alif: فإن with hamza is always the conjunction.
        if !seg.is_word(i)
            || !seg.tokens.folded_is(i, "فان")
            || seg.text[seg.tokens.bytes(i)].contains(['أ', 'إ'])
            || !seg.is_word(j)
            || seg.newline_before(j)
        {
            continue;
        }
        let l = &seg.lex[j];
        let word = seg.tokens.folded(j);
        let unknown = seg.index.word(word).is_none_or(|w| w.classes == 0)
            && l.info.is_none_or(|w| w.classes == 0)
            && !l.definite
            && !l.conj
            && l.clitic_chars == 0
            && word.chars().count() >= 3
            && !looks_like_verb(word)
            && !looks_like_imperfect(word)
            && !has_pronoun_suffix(word);
        if unknown {
            out.push(Candidate::new(
                Kind::Person,
                i,
                j + 1,
                0,
                LEXICON,
                Origin::Rule("van-name"),
            ));
        }
    }
}

/// Whether token `i` is read only as ك + a name or place (كلود = ك + لود), a reading that a name
/// chain does not take: a foreign name that starts with ك is far more frequent after a title or a speech
/// verb than "like" + a name.
fn ka_name(seg: &Segment<'_, '_>, i: usize) -> bool {
    let l = &seg.lex[i];
    seg.reading(i).clitic_chars == 1
        && seg.tokens.folded(i).starts_with('ك')
        && !l.definite
        && !l.conj
        && !l.has(EntryKind::Common)
        && !l.has(EntryKind::Function)
        && !l.has(EntryKind::Organization)
        // unknown as written: كلمة is a word of the vocabulary, not ك + لمة
        && seg
            .index
            .word(seg.tokens.folded(i))
            .is_none_or(|w| w.classes == 0)
}

/// A name chain, without a title to vouch for it, that ends at its first word with ال after the first
/// (the family name or nisba: سعد الحريري | التمسك), unless that word completes a particle (عبد الله).
/// `first` is the name's first word, `start` the chain's (after a given name of several words).
fn short_chain(seg: &Segment<'_, '_>, first: usize, start: usize) -> usize {
    let end = name_chain(seg, start);
    (start.max(first + 1)..end)
        .find(|&k| seg.tokens.folded(k).starts_with("ال") && !seg.has(k - 1, EntryKind::Particle))
        .map_or(end, |k| k + 1)
}

/// Whether token `j` is an unknown word starting with ف or و that begins a name: right after a title or
/// context word, that letter starts a foreign name (فرناندو، ويلي، وليام) more often than a conjunction.
/// A word with ال or a pronoun suffix after و is a conjunct (والدفاع، ونائبه).
fn foreign_initial(seg: &Segment<'_, '_>, j: usize) -> bool {
    let word = seg.tokens.folded(j);
    seg.lex[j].info.is_none_or(|w| w.classes == 0)
        && word.starts_with(['ف', 'و'])
        && !seg.lex[j].definite
        && !has_pronoun_suffix(word)
        && !word.ends_with('ه')
}

/// Whether the lexicon knows token `j` as (the start of) a person's name.
fn is_named(seg: &Segment<'_, '_>, j: usize) -> bool {
    j < seg.len() && {
        let l = &seg.lex[j];
        l.has(EntryKind::Given)
            || l.has(EntryKind::Family)
            || l.has(EntryKind::Person)
            || l.has(EntryKind::Particle)
            || seg.phrase_of(j, EntryKind::Person).is_some()
            || seg.phrase_of(j, EntryKind::Given).is_some()
    }
}

/// True for words ending in the pronouns ـها، ـهم، ـهما (توقعاتها، اعتقلتهم): nouns and verbs, not names.
fn has_pronoun_suffix(folded: &str) -> bool {
    folded.chars().count() >= 5 && (folded.ends_with("ها") || folded.ends_with("هم"))
}

/// True for ل + an imperfect verb or a تفعيل verbal noun (ليقرر، لتمثيل): a purpose clause, not a name.
fn lam_verb_or_masdar(folded: &str) -> bool {
    folded
        .strip_prefix('ل')
        .is_some_and(|rest| looks_like_imperfect(rest) || looks_like_masdar(rest))
}

/// True for a verbal noun of the pattern تفعيل (تمثيل، تحسين).
fn looks_like_masdar(folded: &str) -> bool {
    let c: Vec<char> = folded.chars().collect();
    c.len() == 5 && c[0] == 'ت' && c[3] == 'ي'
}

/// True for unknown words shaped like an imperfect verb (يزور، يتهم، تتواصل): names starting so are in
/// the lexicon.
fn looks_like_imperfect(folded: &str) -> bool {
    let n = folded.chars().count();
    (folded.starts_with('ي') && n >= 4) || (folded.starts_with("تت") && n >= 5)
}

/// True for a masculine plural participle (مبتهلين، مسؤولين، متخصصين): a chain that reaches one has run
/// past the name.
fn looks_like_plural_participle(folded: &str) -> bool {
    folded.starts_with('م') && folded.ends_with("ين") && folded.chars().count() >= 6
}

/// Nouns for a sports team, written before the club's name and outside it (فريق ميلان الإيطالي).
const TEAM_NOUNS: [&str; 2] = ["فريق", "فريقي"];

/// A club after a team noun: the town or name that follows فريق is the club, not a place.
///
/// Fires: في فريق ميلان الإيطالي (the nationality stays out).
/// Does not fire: انضم إلى فريق العمل (vocabulary) ; يعمل فريق من الخبراء.
fn team_name(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for i in 0..seg.len().saturating_sub(1) {
        // The stem ends the word: most words end with no team noun and need no clitic reading.
        if !TEAM_NOUNS.iter().any(|t| seg.tokens.folded_ends_with(i, t)) {
            continue;
        }
        let word = seg.tokens.folded(i);
        let stem = word
            .char_indices()
            .nth(usize::from(
                seg.reading(i).clitic_chars.max(seg.lex[i].clitic_chars),
            ))
            .map_or("", |(b, _)| &word[b..]);
        if !TEAM_NOUNS.contains(&stem) && !TEAM_NOUNS.contains(&word) {
            continue;
        }
        let mut end = i + 1;
        while end < seg.len() && end - i <= 2 && is_club_word(seg, end) {
            end += 1;
        }
        if end == i + 1 && town_nisba_club(seg, i + 1) {
            end = i + 3;
        }
        if end > i + 1 {
            let mut c = Candidate::new(
                Kind::Organization,
                i + 1,
                end,
                0,
                STRONG,
                Origin::Rule("team-name"),
            );
            c.attrs = seg.phrase_of(i + 1, EntryKind::Place).map(|p| p.entry);
            out.push(c);
        }
    }
}

/// Whether tokens `k` and `k + 1` are a club named by a word with ال and a nisba that is neither vocabulary
/// nor a nationality (the nisba of its town: النادي المكناسي، الجمعية السلاوية), as written after a team
/// noun. A known adjective (فريق العمل الحكومي) is vocabulary, not a club.
fn town_nisba_club(seg: &Segment<'_, '_>, k: usize) -> bool {
    let plain = |j: usize| {
        j < seg.len()
            && seg.is_word(j)
            && !seg.newline_before(j)
            && !seg.lex[j].conj
            && !seg.lex[j].lam
            && seg.reading(j).clitic_chars == 0
            && seg.tokens.folded(j).starts_with("ال")
    };
    plain(k) && plain(k + 1) && {
        let nisba = seg.tokens.folded(k + 1);
        (nisba.ends_with('ي') || nisba.ends_with("يه"))
            && ![
                EntryKind::Common,
                EntryKind::Function,
                EntryKind::Nationality,
            ]
            .iter()
            .any(|&kind| seg.has(k + 1, kind))
    }
}

/// Whether token `k` can be part of a club's name: a place or an unknown word, not vocabulary, a
/// nationality (الإيطالي), a function word or a word with clitics.
fn is_club_word(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    seg.is_word(k)
        && !seg.newline_before(k)
        && !l.conj
        && seg.reading(k).clitic_chars == 0
        && !(l.lam || (l.definite && l.clitic_chars > 0))
        && !l.has(EntryKind::Nationality)
        && !l.has(EntryKind::Function)
        && !seg.is_trigger(k)
        && (l.has(EntryKind::Place)
            || l.has(EntryKind::Organization)
            || l.info.is_none_or(|w| w.classes == 0))
}

/// An organization from its head noun and the complements that follow it.
///
/// Fires: مؤتمر حضرموت الجامع ; الصندوق الاجتماعي للتنمية ; مكتب الشؤون الاجتماعية والعمل ; اتحاد طنجة.
/// Does not fire: منظمات المجتمع المدني (no singular head) ; وزارة الخارجية، الجيش الأميركي (one complement) ;
/// وزارة الطاقة الأميركية (a description).
fn org_head(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for i in 0..seg.len() {
        if !seg.has(i, EntryKind::OrgHead) || !seg.is_word(i) {
            continue;
        }
        if let Some((start, end)) = name_after_head(seg, i) {
            out.push(Candidate::new(
                Kind::Organization,
                start,
                end,
                0,
                STRONG,
                Origin::Rule("head-name"),
            ));
            continue;
        }
        let end = org_complements(seg, i + 1);
        // One complement is enough when it is a place (اتحاد طنجة، جامعة صنعاء).
        let enough = end >= i + 1 + MIN_ORG_COMPLEMENTS
            || (end == i + 2
                && seg.has(i + 1, EntryKind::Place)
                && seg.reading(i + 1).clitic_chars == 0);
        if (enough && is_distinctive_chain(seg, i + 1, end)) || is_bank_name(seg, i, end) {
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

/// Whether a definite bank head and its complements `head + 1..end`, all masculine nisba adjectives, name a bank
/// (البنك التجاري، للبنك الأهلي، المصرف العربي الدولي). A definite head + nisba is usually a description
/// (الحكومة اللبنانية، الجيش الأمريكي), but "the commercial bank" names one institution.
fn is_bank_name(seg: &Segment<'_, '_>, head: usize, end: usize) -> bool {
    seg.lex[head].definite
        && end > head + 1
        && seg
            .phrase_of(head, EntryKind::OrgHead)
            .is_some_and(|p| seg.index.entry(p.entry).entry.sub() == Some("bank"))
        && (head + 1..end).all(|k| {
            let l = &seg.lex[k];
            l.definite
                && !l.lam
                && !l.conj
                && !seg.has(k, EntryKind::Place)
                // masculine, as بنك and مصرف are: a feminine nisba qualifies another noun
                // (خطط البنك التنموية)
                && seg.tokens.folded(k).ends_with('ي')
        })
}

/// A club followed by its country in brackets, as results tables write them: `بوردو ( فرنسا )`.
///
/// Fires: غلطة سراي ( تركيا ) - بوردو ( فرنسا ). Does not fire: وصل الوفد إلى باريس ( فرنسا ) أمس (not
/// at the start of an entry).
fn club_country(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for open in 1..seg.len().saturating_sub(2) {
        if seg.tokens.list[open].kind != TokenKind::Punct('(') {
            continue;
        }
        let Some(country) = seg.phrase_of(open + 1, EntryKind::Place) else {
            continue;
        };
        let is_country = seg.index.entry(country.entry).entry.sub() == Some("country");
        let closed =
            country.end < seg.len() && seg.tokens.list[country.end].kind == TokenKind::Punct(')');
        if !is_country || !closed {
            continue;
        }
        let mut start = open;
        while start > 0
            && open - start < 3
            && is_club_word(seg, start - 1)
            && !seg.newline_before(start)
        {
            start -= 1;
        }
        // The name must open the entry: a line, a dash or a colon before it, not a preposition.
        let opens = start == 0
            || seg.newline_before(start)
            || matches!(
                seg.tokens.list[start - 1].kind,
                TokenKind::Punct('-' | ':' | '،' | ',')
            );
        if start < open && opens {
            out.push(Candidate::new(
                Kind::Organization,
                start,
                open,
                0,
                STRONG,
                Origin::Rule("club-country"),
            ));
        }
    }
}

/// The proper name right after a head noun (rule `head-name`), which is the organization's name without
/// the head: a name
/// in quotes (شركة " ياهو "، صحيفة « الشرق الأوسط ») or foreign words the lexicon does not know (شركة
/// توتال الفرنسية، صحيفة يديعوت أحرونوت).
///
/// Fires: من إنتاج شركة توتال ; مع شركة " ياهو ". Does not fire: برنامج أوراق دين (not a company or
/// newspaper) ; قالت الشركة إن.
fn name_after_head(seg: &Segment<'_, '_>, head: usize) -> Option<(usize, usize)> {
    let open = head + 1;
    if open < seg.len() && matches!(seg.tokens.list[open].kind, TokenKind::Punct('"' | '«')) {
        let close = (open + 1..seg.len().min(open + 6))
            .find(|&k| matches!(seg.tokens.list[k].kind, TokenKind::Punct('"' | '»')))?;
        let words = open + 1..close;
        let ok = !words.is_empty()
            && words
                .clone()
                .all(|k| seg.is_word(k) && !seg.has(k, EntryKind::Function));
        return ok.then_some((open + 1, close));
    }
    // Unquoted, only a company or a newspaper is named by a bare foreign word; after other heads such a
    // word is as often a noun the lexicon does not know (برنامج أوراق).
    let sub = seg
        .phrase_of(head, EntryKind::OrgHead)
        .and_then(|p| seg.index.entry(p.entry).entry.sub());
    if !matches!(sub, Some("company" | "media")) {
        return None;
    }
    let mut end = open;
    while end < seg.len() && end - open < 3 && is_foreign_word(seg, end) {
        end += 1;
    }
    (end > open).then_some((open, end))
}

/// Whether token `k` is a word the lexicon does not know (or knows as an organization), written without
/// ال, clitics or a verb's shape: a transliterated name (توتال، ياهو).
fn is_foreign_word(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    let word = seg.tokens.folded(k);
    seg.is_word(k)
        && !seg.newline_before(k)
        && (l.info.is_none_or(|w| w.classes == 0) || l.has(EntryKind::Organization))
        && !l.definite
        && !l.conj
        && l.clitic_chars == 0
        && seg.reading(k).clitic_chars == 0
        && !looks_like_verb(word)
        && !looks_like_imperfect(word)
        && !has_pronoun_suffix(word)
}

/// Whether the complements `start..end` make a proper name rather than a description: they hold a place
/// or an unknown name (مؤتمر حضرموت الجامع، مؤسسة إيفو الألمانية), a لِ- complement (الصندوق الاجتماعي
/// للتنمية), or three words or more (مكتب الشؤون الاجتماعية والعمل). Two plain words with ال (وزارة الطاقة
/// الأميركية، مجلس الإصلاح الديمقراطي) are as often a description, left untagged in news corpora.
fn is_distinctive_chain(seg: &Segment<'_, '_>, start: usize, end: usize) -> bool {
    end - start >= 3
        || (start..end).any(|k| {
            let l = &seg.lex[k];
            l.lam
                || seg.has(k, EntryKind::Place)
                || (!l.definite && l.info.is_none_or(|w| w.classes == 0))
        })
}

/// The end of the complement chain of a head noun whose first complement is token `start`.
///
/// Complements are definite words (genitives and adjectives), places, a proper name right after the head,
/// one coordinated definite word (والعمل) that is not another head or a place (والشرطة، والصين), and
/// لِ- complements with ال (للتنمية) unless the chain already took a coordinated word. Vocabulary that is
/// not definite, a لِ- purpose clause (لتحقيق), triggers of persons and punctuation end it.
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
        if place && !l.definite && k > start && after_nisba(seg, k) {
            // An adjective takes no genitive: a bare name after one (وكالة الأنباء القطرية قنا) is the
            // acronym or another entity, not part of the name.
            break;
        }
        let clitics = seg.reading(k).clitic_chars.max(l.clitic_chars);
        if clitics > u8::from(l.conj) && !l.lam {
            // ب/ك + word (بالإصلاحات، بدارفور) starts a prepositional phrase after the name.
            break;
        }
        let word = seg.tokens.folded(k);
        if l.conj {
            // و + another head or a place (والشرطة العراقية، والصين) starts a second entity.
            let other = seg.has(k, EntryKind::OrgHead) || place;
            if coordinated || k == start || !l.definite || l.lam || other {
                break;
            }
            coordinated = true;
        } else if l.lam {
            // لِ + a noun without ال (لتحقيق، لاصدار) is a purpose clause, not part of the name.
            if coordinated || k == start || !l.definite {
                break;
            }
        } else if !(l.definite
            || place
            || (k == start
                && l.info.is_none_or(|w| w.classes == 0)
                && !looks_like_imperfect(word)
                && !has_pronoun_suffix(word)))
        {
            break;
        }
        end += 1;
    }
    end
}

/// Whether the word before token `k` is a definite nisba adjective (القطرية، الدولي).
fn after_nisba(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.lex[k - 1].definite && is_singular_nisba(seg.tokens.folded(k - 1))
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
