//! Pattern rules over tokens: each rule reads the tokens of a segment, with what the lexicon said of them,
//! and proposes candidate mentions with the evidence that produced them.
//!
//! Rules only propose; `resolve` chooses among overlapping candidates. Every rule is a function with a
//! name (reported as the mention's source) and examples that must and must not fire (`tests/data/rules.tsv`).

use crate::clitic::Reading;
use crate::lexicon::EntryKind;
use crate::lookup::{has_hamza_alif, phrases_at, Index, Lex, Marks, PhraseMatch, RECORDED_SINGLES};
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
pub(crate) fn looks_like_verb(folded: &str) -> bool {
    // Six chars tell five from more; the rules ask this of many words, so nothing is allocated.
    let mut c = ['\0'; 6];
    let mut len = 0;
    for ch in folded.chars().take(c.len()) {
        c[len] = ch;
        len += 1;
    }
    let long_vowel = |ch: &char| matches!(ch, 'ا' | 'و' | 'ي' | 'ه');
    let form_viii = len == 5
        && c[0] == 'ا'
        && c[2] == 'ت'
        && !matches!(c[1], 'ل' | 'ت')
        && !c[3..5].iter().any(long_vowel);
    // A past verb or verbal noun of form V (تمسك، تقدم، تعرض): ت and three root letters, none a long
    // vowel; in `anercorp_lex` and `aqmar_train` 577 words of this shape are O and one is a name, with تش
    // (a transliterated ch: تشنغ).
    let form_v = len == 4 && c[0] == 'ت' && c[1] != 'ش' && !c[1..4].iter().any(long_vowel);
    // A feminine past verb of form III (راقبت، تابعت): five letters, ا second, ت last — 110 O and one name
    // in `anercorp_lex` + `aqmar_train`.
    let form_iii_feminine = len == 5 && c[0] != 'ا' && c[1] == 'ا' && c[4] == 'ت';
    (folded.starts_with("است") && len >= 5) || form_viii || form_v || form_iii_feminine
}

/// Runs every rule over a segment.
///
/// Each rule is kept a function of its own (`#[inline(never)]`): inlined together into this one, they ran
/// more instructions (register pressure in one large loop nest), and a profile could not tell them apart.
pub(crate) fn run(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    out.clear();
    let triggers = trigger_tokens(seg);
    lexicon_mentions(seg, out);
    title_name(seg, &triggers, out);
    role_name(seg, &triggers, out);
    nationality_name(seg, &triggers, out);
    speech_name(seg, &triggers, out);
    name_speech(seg, &triggers, out);
    name_role(seg, &triggers, out);
    given_chain(seg, out);
    van_name(seg, out);
    coordinated_names(seg, out);
    byline(seg, out);
    team_name(seg, out);
    town_nisba_after_place(seg, out);
    club_nationality(seg, &triggers, out);
    club_score(seg, out);
    club_country(seg, out);
    org_head(seg, &triggers, out);
    place_noun(seg, &triggers, out);
}

/// The tokens, in order, where a title, a role, a nationality, a speech verb, a head noun or a place noun
/// may start: the rules that begin with one of them walk this list, a few tokens in a hundred, instead of
/// testing every token of the segment again.
#[inline(never)]
fn trigger_tokens(seg: &Segment<'_, '_>) -> Vec<usize> {
    seg.marks
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.may_start(EntryKind::Title)
                || m.may_start(EntryKind::Role)
                || m.has(EntryKind::Nationality)
                || m.has(EntryKind::SpeechVerb)
                || m.has(EntryKind::OrgHead)
                || m.has(EntryKind::PlaceNoun)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Lexicon entries that name a person, organization or place. A single word that is also a common word
/// or a nationality needs context from another rule, so it is not proposed here.
///
/// Fires: وصل الوفد إلى بالمكلا ; وصنعاء مدينة قديمة ; زار الولايات المتحدة.
/// Does not fire: وقال اليمني إن ; ثم قال بها ; وتحدث بشأن الاتفاق ; كمية كبيرة.
#[inline(never)]
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
        if single
            && (ambiguous
                || short_stem(seg, p)
                || hamza_differs(seg, p)
                || (kind == Kind::Place
                    && (qualifies_noun(seg, p) || construct_before_place(seg, p))))
        {
            continue;
        }
        if kind == Kind::Place && in_competition(seg, p.start) {
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

/// True for a one-word place whose entries are all written with a bare alif (شان، امان) met in a token
/// written with a hamza on an alif (شأن، بأمان): a careful writer's hamza marks another word, while a
/// token without hamza says nothing (news often drops it: اسبانيا).
fn hamza_differs(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let l = &seg.lex[p.start];
    l.reading == Some(p.reading)
        && l.info.is_some_and(|w| w.place_bare_alif)
        && p.kind == EntryKind::Place
        && has_hamza_alif(&seg.text[seg.tokens.bytes(p.start)])
}

/// True for a place named by a definite feminine nisba (السعودية) right after a definite word written
/// with ة (الحكومة السعودية، الشركة الوطنية السعودية): there it is the adjective "Saudi", which
/// agrees with the noun, not the country. With a clitic (والسعودية) or after another word it is the place.
fn qualifies_noun(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let i = p.start;
    let word = seg.tokens.folded(i);
    i > 0
        && p.reading.clitic_chars == 0
        && word.starts_with("ال")
        && word.ends_with("يه")
        && seg.is_word(i - 1)
        && !seg.newline_before(i)
        && (seg.lex[i - 1].definite || seg.tokens.folded(i - 1).starts_with("ال"))
        && seg.last_char(i - 1) == Some('ة')
}

/// True for a town after a preposition and followed right away by a country, a continent or another town, with no
/// comma, bracket or conjunction between (في رالي المكسيك، برالي الأرجنتين، في بورصة طوكيو): a noun in construct
/// with the place (the Mexico rally, the Tokyo stock exchange), since a town is named with its country
/// after a comma or في, not in apposition. Without the preposition the two are often subject and object
/// (اتهمت واشنطن إيران).
fn construct_before_place(seg: &Segment<'_, '_>, p: &PhraseMatch) -> bool {
    let n = p.end;
    let after_preposition = p.reading.clitic_chars > u8::from(p.reading.conj)
        || (p.start > 0
            && seg.has(p.start - 1, EntryKind::Function)
            && !seg.newline_before(p.start));
    after_preposition
        && n < seg.len()
        && seg.is_word(n)
        && !seg.newline_before(n)
        && seg.reading(n).clitic_chars == 0
        && !seg.lex[n].conj
        && seg.phrase_of(n, EntryKind::Place).is_some_and(|c| {
            matches!(
                seg.index.entry(c.entry).entry.sub(),
                Some("country" | "continent")
            ) || (c.end == n + 1 && seg.index.is_town(seg.tokens.folded(n)))
        })
        && {
            let stem = stem_of(seg, p.start, p.reading.clitic_chars);
            // The same town twice is a headline and the dateline after it (بالرباط الرباط ( د ب أ ).
            seg.index.is_town(stem) && stem != seg.tokens.folded(n)
        }
}

/// The folded form of token `i` without its first `clitic_chars` chars (بالمكلا → المكلا).
fn stem_of<'a>(seg: &'a Segment<'_, '_>, i: usize, clitic_chars: u8) -> &'a str {
    let word = seg.tokens.folded(i);
    word.char_indices()
        .nth(usize::from(clitic_chars))
        .map_or("", |(b, _)| &word[b..])
}

/// The words that continue a competition's name after بطولة (بطولة كأس، بطولة دوري أبطال، ببطولة أمم).
const COMPETITION_WORDS: [&str; 4] = ["كاس", "امم", "ابطال", "دوري"];

/// True when token `i` ends a competition's name opened by بطولة (بطولة كأس إنجلترا، بطولة دوري أبطال
/// أوروبا، ببطولة أمم آسيا): the place names the competition, which news corpora tag as a whole or
/// not at all, never as the place (`anercorp_lex` and `aqmar_train` have no place there).
fn in_competition(seg: &Segment<'_, '_>, i: usize) -> bool {
    // Asked before every place: the last byte is compared first, and no word is sliced as a str.
    let stem_is = |k: usize, word: &str| {
        seg.tokens.folded_ends_with(k, word)
            && seg.tokens.folded_bytes(k).len() - word.len() <= "وبال".len()
    };
    let mut k = i;
    while k > 0 && i - k < 3 && COMPETITION_WORDS.iter().any(|w| stem_is(k - 1, w)) {
        k -= 1;
    }
    k < i && k > 0 && stem_is(k - 1, "بطوله")
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
#[inline(never)]
fn title_name(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    // The first token after the last name or title found: a title inside them is not read again.
    let mut next = 0;
    for &i in triggers {
        if i < next {
            continue;
        }
        let Some(first_title) = seg.phrase_of(i, EntryKind::Title) else {
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
        let end = if j < seg.len() && seg.newline_before(j) {
            j
        } else {
            name_chain(seg, j)
        };
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
            next = end;
        } else {
            next = title.end;
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
    name_chain_from(seg, start, start)
}

/// [`name_chain`] for a name whose first word is token `first`, read on from token `start` (after a
/// given name of one or more words: the words from `start` are not the name's first).
fn name_chain_from(seg: &Segment<'_, '_>, first: usize, start: usize) -> usize {
    let mut end = start;
    while end < seg.len() && end - start < MAX_NAME_WORDS && is_name_word(seg, end, end == first) {
        end += 1;
    }
    if end >= first + 2 && end < seg.len() && nationality_as_family(seg, end) {
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

/// Whether token `i`, after two name words or more whose last the lexicon knows as a name (or عبد +
/// a divine name), is a singular nisba that is the family name (محمد سعيد الكندي، أبو حمزة المصري): in
/// `anercorp_lex` a nationality after two name words continues the name 7 times in 10, and the others
/// follow a foreign name (… اكس الأميركي), a plural, or go on with a word with ال (البريطاني الجنسية).
fn nationality_as_family(seg: &Segment<'_, '_>, i: usize) -> bool {
    let l = &seg.lex[i];
    let named_before = is_named(seg, i - 1) || (i >= 2 && seg.tokens.folded(i - 2) == "عبد");
    let next_definite = i + 1 < seg.len()
        && seg.is_word(i + 1)
        && !seg.newline_before(i + 1)
        && seg.lex[i + 1].definite
        && !seg.lex[i + 1].conj;
    seg.is_word(i)
        && !seg.newline_before(i)
        && l.has(EntryKind::Nationality)
        && seg.tokens.folded(i).starts_with("ال")
        && !l.conj
        && seg.reading(i).clitic_chars == 0
        && is_singular_nisba(seg.tokens.folded(i))
        && named_before
        && !next_definite
}

/// Whether token `i` can be part of a person's name chain (`first`: it would start the chain).
fn is_name_word(seg: &Segment<'_, '_>, i: usize, first: bool) -> bool {
    // A word in Latin letters or digits is a quoted term, the name's original spelling or a number after
    // it (ميلِفا ماريك Mileva Maric; شارل باباج | computer), not part of the Arabic name.
    // A line break before the first word is the caller's concern (a name may open a line).
    let arabic = seg
        .tokens
        .folded(i)
        .starts_with(|c: char| ('\u{0600}'..='\u{06FF}').contains(&c));
    if !seg.is_word(i) || (seg.newline_before(i) && !first) || !arabic {
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
    // After the first word, a given name that is also a word of the vocabulary (صاحب، أمير، بطل، عالم)
    // is the word: in `anercorp_lex` such a word right after a name ends it 47 times and continues it
    // twice (علي، which is also the preposition, aside).
    // As the first word, such a word before a word with ال is a noun in the construct state (أمير البلاد،
    // صاحب السمو، بطل العالم): 216 O and two names in `anercorp_lex` + `aqmar_train`.
    let construct = || {
        i + 1 < seg.len()
            && seg.is_word(i + 1)
            && seg.lex[i + 1].definite
            && seg.reading(i + 1).clitic_chars == 0
    };
    let vocabulary_given = given && !l.has(EntryKind::Function) && (!first || construct());
    let common = l.has(EntryKind::Common) && (!named || vocabulary_given);
    // After the first word, an unknown word with ف is a foreign name (أرسين فينغر) more often than a
    // clause joined by ف right after a name.
    let foreign_fa = first
        || seg
            .tokens
            .folded(i)
            .strip_prefix('ف')
            .is_some_and(|stem| !looks_like_verb(stem));
    if !first && title_as_family(seg, i) {
        return true;
    }
    if (l.conj && !(foreign_fa && foreign_initial(seg, i)))
        || function
        || common
        || seg.is_trigger(i)
    {
        return false;
    }
    let word = seg.tokens.folded(i);
    if !first && !named && is_country(seg, i) {
        // A country after a name is an object or a complement (وانتقد شوماخر إيران), not part of it.
        return false;
    }
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
        || looks_like_broken_plural(word)
        || looks_like_accusative_participle(word)
        || looks_like_construct_participle(word)
        || (!first
            && (looks_like_imperfect(word)
                || looks_like_plural_participle(word)
                || has_pronoun_suffix(word)
                || looks_like_masdar(word)));
    let prepositional = l.definite && l.clitic_chars > 0 && !(l.conj && foreign_initial(seg, i));
    // ... except right after بن/أبو + a name, where a word with ال is the family name
    // (عبدالله بن خليفة العطية): in ANERcorp 17 of 21 such words are part of the name.
    // آل + a name is already the family name (آل مكتوم الرمضانية).
    let family_slot =
        !first && i >= 2 && seg.has(i - 2, EntryKind::Particle) && seg.tokens.folded(i - 2) != "ال";
    let feminine_noun = l.definite && seg.last_char(i) == Some('ة') && !family_slot;
    let accusative = is_accusative_noun(seg, word) || is_dual_or_plural_noun(seg, word);
    // A noun or verb with the pronoun ـه (مرماه، قواته، تحرمه) or ل + a verb or verbal noun (ليعوض،
    // لتمثيل) is what the person did or has, not a name word.
    // ب/ل + a verbal noun of form V or VIII or تفعيل (بتمزق، بانتقاد، لتحسين) after the first word is a
    // prepositional phrase.
    let prepositional_masdar = !first
        && word
            .strip_prefix(['ب', 'ل'])
            .is_some_and(|stem| looks_like_verb(stem) || looks_like_masdar(stem));
    // ل + a noun before a place or a word with ال (لراديو إسرائيل، لصحيفة الأهرام) is "to the X of Y".
    let lam_genitive = !first
        && word.starts_with('ل')
        && !word.starts_with("لا")
        && i + 1 < seg.len()
        && seg.is_word(i + 1)
        && !seg.newline_before(i + 1)
        && (seg.has(i + 1, EntryKind::Place) || seg.lex[i + 1].definite)
        && !seg.lex[i + 1].conj;
    let clause =
        pronoun_ha(seg, i) || lam_verb_or_masdar(word) || prepositional_masdar || lam_genitive;
    !verb && !prepositional && !feminine_noun && !accusative && !clause
}

/// Whether token `i` ends with the pronoun ـه, written ه (ة folds the same): four letters or more, and
/// not ـيه، ـوه (French and Persian names: دولانويه، سيبويه) nor الله (عبد الله، نصر الله). In
/// `anercorp_lex`, a word of this shape that the lexicon does not know as a name follows a person's name
/// 60 times and continues it three times; in `anercorp_lex` + `aqmar_train` such words without ال or و/ف
/// are 2,017 times O and twice a name.
fn pronoun_ha(seg: &Segment<'_, '_>, i: usize) -> bool {
    let word = seg.tokens.folded(i);
    let mut rev = word.chars().rev();
    seg.last_char(i) == Some('ه')
        && rev.next() == Some('ه')
        && !matches!(rev.next(), Some('ي' | 'و'))
        && word.chars().count() >= 4
        && !word.ends_with("لله")
}

/// Whether token `i`, after a name word, is a title with ال that is the family name (ناصر الشاعر، نور
/// الشريف، طارق السيد): masculine, no role, and the name's last word — the sentence goes on with
/// punctuation, و or a word of the vocabulary without a preposition. A title followed by a name
/// introduces it, and one followed by a complement (الكاتب بصحيفة، الصحفي العربي) is an occupation in
/// apposition. In `anercorp_lex` a title with ال right after a name word continues the name 10 times in
/// 15.
fn title_as_family(seg: &Segment<'_, '_>, i: usize) -> bool {
    let l = &seg.lex[i];
    let next = i + 1;
    let ends_name = next >= seg.len()
        || !seg.is_word(next)
        || seg.newline_before(next)
        || seg.lex[next].conj
        || ((seg.has(next, EntryKind::Function) || seg.has(next, EntryKind::Common))
            && seg.reading(next).clitic_chars == 0
            && !seg.lex[next].definite
            && !seg.is_trigger(next));
    l.has(EntryKind::Title)
        && l.definite
        && !l.conj
        && seg.reading(i).clitic_chars == 0
        && !l.has(EntryKind::Role)
        && !l.has(EntryKind::SpeechVerb)
        && !l.has(EntryKind::Nationality)
        && seg.last_char(i) != Some('ة')
        && ends_name
}

/// Whether `folded` is a word of the vocabulary + the dual or plural ending ـين (اتصالين، مسؤولين), or a
/// feminine word of the vocabulary in the dual (اتفاقيتين، طائرتين: ة becomes ت before ـين). In
/// `anercorp_lex` and `aqmar_train` words of this shape are never a person's name (845 O).
fn is_dual_or_plural_noun(seg: &Segment<'_, '_>, folded: &str) -> bool {
    let Some(stem) = folded.strip_suffix("ين") else {
        return false;
    };
    if stem.chars().count() < 3 {
        return false;
    }
    let common = |w: &str| {
        seg.index
            .word(w)
            .is_some_and(|w| w.classes & EntryKind::Common.bit() != 0)
    };
    if common(stem) {
        return true;
    }
    // ـتين: the word with ة (folded ه) in a buffer on the stack, as words are short.
    let Some(base) = stem.strip_suffix('ت') else {
        return false;
    };
    let mut buf = [0u8; 64];
    let with_ta = base.len() + 'ه'.len_utf8();
    if with_ta > buf.len() {
        return false;
    }
    buf[..base.len()].copy_from_slice(base.as_bytes());
    'ه'.encode_utf8(&mut buf[base.len()..with_ta]);
    std::str::from_utf8(&buf[..with_ta]).is_ok_and(common)
}

/// Whether `folded` is a word of the vocabulary + the accusative ending ا (برنامجا، فجرا، هجوما): the
/// object or adverb after a name (قدم عزت أبو عوف برنامجا), not a name word. In ANERcorp such words
/// follow a person's name 28 times and end one once.
/// Whether token `i`, as written, starts a country's name (إيران، الولايات المتحدة).
fn is_country(seg: &Segment<'_, '_>, i: usize) -> bool {
    seg.phrase_of(i, EntryKind::Place).is_some_and(|p| {
        p.reading.clitic_chars == 0 && seg.index.entry(p.entry).entry.sub() == Some("country")
    })
}

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
#[inline(never)]
fn role_name(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &i in triggers {
        let Some(role) = seg.phrase_of(i, EntryKind::Role) else {
            continue;
        };
        let j = role_complements(seg, role.end);
        // العالم، الدولي name a person only with a nationality (العالم الألماني X); alone they are nouns.
        let with_nationality = seg.index.entry(role.entry).entry.sub() == Some("with-nationality");
        if with_nationality && !(role.end..j).any(|k| seg.has(k, EntryKind::Nationality)) {
            continue;
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

/// The end of the complements of a role that ends at token `start`: words that continue the role
/// (`is_role_complement`) and whole places or organizations without clitics, the body or town the person
/// serves (المتحدث باسم البيت الأبيض، رئيس بلدية باريس، وزير خارجية كوريا الجنوبية).
fn role_complements(seg: &Segment<'_, '_>, start: usize) -> usize {
    let mut j = start;
    while j < seg.len() && j - start < MAX_ROLE_COMPLEMENTS {
        // Only a noun in the construct state takes a genitive: after a definite word (الرئيس شيراك) a
        // place is the person's name or a word of another phrase.
        let construct =
            j > 0 && !seg.lex[j - 1].definite && !seg.has(j - 1, EntryKind::Nationality);
        if let Some(p) = complement_entity(seg, j).filter(|_| construct) {
            j = p;
        } else if is_role_complement(seg, j) || is_bi_place(seg, j) {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// Whether token `k` is ب + a place or an organization's head noun (السفير الألماني بأفغانستان X، وزير الدولة
/// بوزارة الخارجية X): where the person holds the role.
fn is_bi_place(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.is_word(k)
        && !seg.newline_before(k)
        && seg.reading(k).clitic_chars == 1
        && seg.tokens.folded(k).starts_with('ب')
        && (seg.has(k, EntryKind::Place) || seg.has(k, EntryKind::OrgHead))
}

/// The end of a place or organization entry that starts at token `k` with no clitic and no line break.
fn complement_entity(seg: &Segment<'_, '_>, k: usize) -> Option<usize> {
    if !seg.is_word(k) || seg.newline_before(k) {
        return None;
    }
    [EntryKind::Place, EntryKind::Organization]
        .iter()
        .filter_map(|&kind| seg.phrase_of(k, kind))
        .filter(|p| p.reading.clitic_chars == 0)
        .map(|p| p.end)
        .max()
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
        // أل with hamza starts a foreign name (ألفريد), never the article.
        && ((l.definite && !seg.hamza_al(k))
            || l.lam
            || seg.has(k, EntryKind::Nationality)
            || is_lam_genitive(seg, k)
            // a place read whole (الشمالي، الأبيض) is still a word with the article
            || (seg.has(k, EntryKind::Place) && seg.tokens.folded(k).starts_with("ال")))
}

/// Whether token `k` is ل + an indefinite noun followed by a definite one (لكرة القدم), which the
/// lexicon does not read as a لِ- complement because the noun after ل has no ال.
fn is_lam_genitive(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.tokens.folded(k).starts_with('ل')
        && (seg.lex[k].info.is_none() || is_in_names(seg, k))
        && k + 1 < seg.len()
        && seg.lex[k + 1].definite
        && !seg.newline_before(k + 1)
}

/// A person after a nationality adjective that stands as a noun: `الإسباني فرناندو ألونسو`.
///
/// Fires: فاز المصري سامح عبد الرحيم ; فاز المصري سامح جابر بالذهبية.
/// Does not fire: الجانب الأمريكي يرى ; القوات الأميركية اعتقالهم (an adjective) ; اليمنيون محمد (a plural).
#[inline(never)]
fn nationality_name(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &i in triggers.iter().filter(|&&i| i + 1 < seg.len()) {
        if !seg.has(i, EntryKind::Nationality) || !is_singular_nisba(seg.tokens.folded(i)) {
            continue;
        }
        // After a nisba used as a noun (الدولي "the international") a second nisba is its nationality
        // and a name follows (الدولي الفرنسي …).
        let stacked = i > 1 && seg.tokens.folded(i - 1) == "الدولي" && !seg.newline_before(i);
        if i > 0 && follows_noun(seg, i) && !stacked {
            // After a definite noun or a name (القوات الأميركية، مدريد الإسباني) the nisba is that
            // noun's adjective, and what follows is not a person.
            continue;
        }
        if let Some(end) = name_after(seg, i + 1) {
            out.push(person(seg, i + 1, end, 0, STRONG, "nationality-name"));
        } else if let Some(end) = foreign_first_name(seg, i + 1) {
            out.push(person(seg, i + 1, end, 0, STRONG, "nationality-name"));
        }
    }
}

/// The end of a name after a nisba noun whose first word the lexicon does not know and whose shape
/// looks like a verb (ليونيل، يوري: ل or ي + …), when the next word is a family name the lexicon knows
/// (الأرجنتيني ليونيل ميسي): a verb right after a nisba noun is rare, a foreign first name is not.
fn foreign_first_name(seg: &Segment<'_, '_>, j: usize) -> Option<usize> {
    let next = j + 1;
    let plain = |k: usize| {
        k < seg.len()
            && seg.is_word(k)
            && !seg.newline_before(k)
            && !seg.lex[k].conj
            && !seg.lex[k].definite
    };
    let surname = next < seg.len()
        && (seg.has(next, EntryKind::Family) || seg.has(next, EntryKind::Person))
        && !seg.has(next, EntryKind::Common)
        && seg.reading(next).clitic_chars == 0;
    let unknown = seg.lex[j].is_unknown()
        && seg
            .index
            .word(seg.tokens.folded(j))
            .is_none_or(|w| w.classes == 0);
    (plain(j) && plain(next) && unknown && surname)
        .then(|| name_chain_from(seg, j, next).max(next + 1))
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
#[inline(never)]
fn speech_name(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &i in triggers.iter().filter(|&&i| i + 1 < seg.len()) {
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
        if let Some(end) = name_after(seg, i + 1).or_else(|| town_speaker(seg, i + 1)) {
            out.push(person(seg, i + 1, end, 0, STRONG, "speech-name"));
        } else if is_family_alone(seg, i + 1) {
            out.push(person(seg, i + 1, i + 2, 0, STRONG, "speech-name"));
        }
    }
}

/// A one-word town after a masculine speech verb (وقال فارس، ورفض بولتون) is a person of that family
/// name: a town that speaks takes the feminine verb (أعلنت واشنطن), and countries (وأكد العراق) and
/// definite names are left out. Returns the end of the name.
fn town_speaker(seg: &Segment<'_, '_>, j: usize) -> Option<usize> {
    let verb = seg.tokens.folded(j - 1);
    let l = &seg.lex[j];
    let town = j < seg.len()
        && !verb.ends_with('ت')
        && seg.is_word(j)
        && !seg.newline_before(j)
        && !l.conj
        && !l.definite
        && seg.reading(j).clitic_chars == 0
        && !l.has(EntryKind::Common)
        && !l.has(EntryKind::Function)
        && seg
            .phrase_of(j, EntryKind::Place)
            .is_some_and(|p| p.end == j + 1)
        && seg.index.is_town(seg.tokens.folded(j));
    town.then_some(j + 1)
}

/// Whether token `j` is a nisba with ال that the lexicon knows only as a family name or not at all
/// (وقال البدري، وناشد الراغبي): the subject of a speech verb, named by the family name alone. Nouns and
/// adjectives with ال that can be subjects (المسؤول، البيان، الأميركي) are vocabulary or nationalities;
/// an occupation the lexicon does not know is followed by a nationality or another adjective with ال
/// (الكيميائي الألماني، الاستشاري الطبي).
fn is_family_alone(seg: &Segment<'_, '_>, j: usize) -> bool {
    let next = j + 1;
    let adjective_follows = next < seg.len()
        && seg.is_word(next)
        && !seg.newline_before(next)
        && (seg.has(next, EntryKind::Nationality)
            || (seg.lex[next].definite
                && !seg.lex[next].conj
                && seg.reading(next).clitic_chars == 0));
    j < seg.len()
        && seg.is_word(j)
        && !seg.newline_before(j)
        && seg.lex[j].definite
        && !seg.lex[j].conj
        && seg.lex[j].clitic_chars == 0
        && unknown_family(seg, j)
        && !adjective_follows
}

/// A person followed by a role in apposition: `علي موسى مدير مستشفى`, `فايزة أبوالنجا وزيرة التعاون`.
///
/// Fires: بحضور سامي غداف وزير الثقافة. Does not fire: في تقرير وزير الخارجية (vocabulary before the
/// role) ; أنقذ حارس العربي (an unknown word, often a verb, before it).
#[inline(never)]
fn name_role(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &k in triggers.iter().filter(|&&k| k >= 1) {
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
            (k.saturating_sub(4)..k).find(|&s| is_named(seg, s) && name_from(seg, s) == Some(k));
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
#[inline(never)]
fn name_speech(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &k in triggers.iter().filter(|&&k| k >= 1) {
        if !seg.has(k, EntryKind::SpeechVerb) || seg.newline_before(k) {
            continue;
        }
        // The name starts at a sentence boundary one to three words before the verb.
        let Some(start) = (k.saturating_sub(3)..k)
            .find(|&s| opens_sentence(seg, s) && name_from(seg, s) == Some(k))
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
/// Fires: فاز محمود عبد الستار بالميدالية ; التقى سمير القنطار ; وعزا عبد الله ; ولد أبو بكر محمد بن زكريا.
/// Does not fire: التقى محمد ، (a given name alone) ; زار محمد عدن (a place after it) ; بسبب وجود ثغرة (a
/// given name that is also a noun, before an unknown word).
#[inline(never)]
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
        // A word of the vocabulary as written is not a clitic + a given name (وجود is not و + جود).
        let vocabulary_whole = seg.reading(i).clitic_chars > 0
            && seg
                .index
                .word(seg.tokens.folded(i))
                .is_some_and(|w| w.classes & EntryKind::Common.bit() != 0);
        if vocabulary_whole
            || (i > 0 && given_chain_continues(seg, i))
            // a head noun of organizations (نادي "club") names a club before a word with ال
            || (seg.has(i, EntryKind::OrgHead) && seg.tokens.folded(i + 1).starts_with("ال"))
        {
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
        // A given name that the lexicon also knows as a person alone (تشارلز) is a name, not a noun.
        if end - i == 2
            && first_end - i == 1
            && !seg.has(i, EntryKind::Person)
            && !is_named(seg, i + 1)
            && !seg.tokens.folded(i + 1).starts_with("ال")
            && given.is_none_or(|g| seg.index.entry(g.entry).entry.sub() != Some("corpus"))
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
    // The given name is tested first: it is one bit, and most words are not followed by one.
    i + 1 < seg.len()
        && seg.has(i + 1, EntryKind::Given)
        && !seg.has(i + 1, EntryKind::Function)
        && !seg.newline_before(i + 1)
        && KUNYA.contains(&seg.tokens.folded(i))
}

/// Whether a chain started before token `i` already takes it (the father's name in محمد عبدالله الحامد).
fn given_chain_continues(seg: &Segment<'_, '_>, i: usize) -> bool {
    // A given name that is also a word (ووعد، أمل) takes no word after it, so the name starts at token
    // `i`; علي, which folds like the preposition على, may still be a name's first word.
    let word = seg.has(i - 1, EntryKind::Common) && !seg.has(i - 1, EntryKind::Function);
    let starts = seg.has(i - 1, EntryKind::Given) && !word;
    !seg.lex[i].conj && starts && is_name_word(seg, i, false)
}

/// The end of a person's name that starts at token `j`, after a role, nationality or speech verb: it
/// must start like a name (a given or family name, a particle, a known person, or an unknown word
/// without ال and clitics), never a place, organization or vocabulary.
fn name_after(seg: &Segment<'_, '_>, j: usize) -> Option<usize> {
    if j < seg.len() && seg.newline_before(j) {
        return None;
    }
    name_from(seg, j)
}

/// The end of a person's name that starts at token `j`, as `name_after` reads it, where `j` may open a
/// line (a name before a verb or a role at the start of a line).
fn name_from(seg: &Segment<'_, '_>, j: usize) -> Option<usize> {
    if j >= seg.len() || !seg.is_word(j) {
        return None;
    }
    let l = &seg.lex[j];
    let named = is_named(seg, j);
    let word = seg.tokens.folded(j);
    let ka = ka_name(seg, j);
    let unknown = (ka || l.is_unknown() && seg.phrase_of(j, EntryKind::Place).is_none())
        && seg.phrase_of(j, EntryKind::Organization).is_none()
        && !lam_verb_or_masdar(word)
        && (!l.definite || seg.hamza_al(j))
        && !looks_like_verb(seg.tokens.folded(j))
        && !looks_like_imperfect(seg.tokens.folded(j))
        && !looks_like_broken_plural(seg.tokens.folded(j))
        && !looks_like_construct_participle(seg.tokens.folded(j))
        && !looks_like_accusative_participle(seg.tokens.folded(j))
        && !has_pronoun_suffix(seg.tokens.folded(j))
        && !ba_noun(seg, j);
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
    // A family name with ال that the vocabulary does not know either (نتشيرفان البارزاني) is no noun phrase.
    if !named
        && end > j + 1
        && seg.tokens.folded(j + 1).starts_with("ال")
        && !seg.hamza_al(j + 1)
        && !unknown_family(seg, j + 1)
    {
        return None;
    }
    (end > j).then_some(end)
}

/// Whether token `k` is a word with ال that the lexicon knows as nothing but a family name, or not at
/// all, and that has the nisba ending ي (البارزاني): the family name of a foreign or unknown given name.
fn unknown_family(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    l.info
        .is_none_or(|w| w.classes & !EntryKind::Family.bit() == 0)
        && seg.reading(k).clitic_chars == 0
        && seg.tokens.folded(k).ends_with('ي')
}

/// Persons joined by و to a person already proposed: `X Y وZ W` and `X Y ، وZ W` (lists of players, guests,
/// signatories). The word after و must be a known given or family name, or a word the lexicon does not
/// know (a foreign name: وكلارنس); vocabulary (ووزير، وزوجته), a word with ال and verb shapes end the list.
/// A one-word follower needs a one-word antecedent or a known name.
///
/// Fires: التقى ماركو دوفال وكارل هوبنر أمس. Does not fire: التقى ماركو دوفال ووزير الخارجية ; زار ماركو
/// دوفال والتقى ; قال ماركو دوفال وأضاف.
#[inline(never)]
fn coordinated_names(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    let mut c = 0;
    // Candidates from here on are this rule's: a follower is proposed once even when several
    // candidates end where it starts.
    let first_own = out.len();
    while c < out.len() {
        let prev = &out[c];
        c += 1;
        if prev.kind != Kind::Person || prev.end >= seg.len() {
            continue;
        }
        let mut k = prev.end;
        if matches!(seg.tokens.list[k].kind, TokenKind::Punct('،' | ',')) {
            k += 1;
        }
        if k >= seg.len() || out[first_own..].iter().any(|o| o.start == k) {
            continue;
        }
        let Some(end) = coordinated_name(seg, k) else {
            continue;
        };
        out.push(person(seg, k, end, 1, LEXICON, "coordinated"));
    }
}

/// The end of a person's name joined by و at token `k` (see `coordinated_names`).
fn coordinated_name(seg: &Segment<'_, '_>, k: usize) -> Option<usize> {
    let l = &seg.lex[k];
    let word = seg.tokens.folded(k);
    if !seg.is_word(k) || seg.newline_before(k) || !l.conj || !word.starts_with('و') {
        return None;
    }
    let stem = &word['و'.len_utf8()..];
    let named = is_named(seg, k)
        && !l.has(EntryKind::Function)
        && !l.has(EntryKind::Common)
        && !seg.marks[k].may_start(EntryKind::Place);
    // وعلي written with ي is the name or "and on" (على written without its dotless ى): a name only with
    // more name words after it (وعلي الحجار, not وعلي الرغم).
    let ali = l.has(EntryKind::Given)
        && seg.last_char(k) == Some('ي')
        && !seg.marks[k].may_start(EntryKind::Place);
    let unknown = l.is_unknown()
        && stem.chars().count() >= 3
        && !l.definite
        && !looks_like_verb(stem)
        && !looks_like_imperfect(stem)
        && !has_pronoun_suffix(stem)
        && !stem.ends_with('ه');
    if !(named || unknown || ali) || seg.is_trigger(k) {
        return None;
    }
    let mut end = k + 1;
    // A place after the name is where the persons are (وبن عيسى | الدوحة), as in `given_chain`.
    while end < seg.len()
        && end - k < MAX_NAME_WORDS
        && is_name_word(seg, end, false)
        && !is_place_after_name(seg, k, end)
    {
        end += 1;
    }
    while end > k + 1 && seg.has(end - 1, EntryKind::Particle) {
        end -= 1;
    }
    // An unknown word + a word with ال is as often a noun phrase (وبيت النابلسي) as a name.
    let construct = unknown && end > k + 1 && seg.tokens.folded(k + 1).starts_with("ال");
    ((named || end > k + 1) && !construct).then_some(end)
}

/// Whether token `end`, after the follower that starts at `k`, is a place that ends the list entry (وبن
/// عيسى | الدوحة): right after a given name a family name may be spelled like a town (ونيكول سابا).
fn is_place_after_name(seg: &Segment<'_, '_>, k: usize, end: usize) -> bool {
    seg.has(end, EntryKind::Place)
        && !is_named(seg, end)
        && !(end == k + 1 && seg.has(k, EntryKind::Given))
}

/// The writer's name in a news byline: `كتب ـ X :`, `كتب : X`, `القاهرة ـ من X ـ`. The name stands between
/// separators (a dash, a colon, a tatweel standing alone) and holds only name words.
///
/// Fires: كتب ـ خالد منصور : وافق المجلس ; القاهرة ـ من سامي ليث ـ القدس. Does not fire: كتب المؤلف
/// روايته ; كتب : " الأمر خطير " ; قدم ـ من جهته ـ.
#[inline(never)]
fn byline(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for k in 0..seg.len().saturating_sub(1) {
        // The folded bytes are compared as they are: slicing every word as a str would check its ends.
        let kataba = seg.tokens.folded_is(k, "كتب") || seg.tokens.folded_is(k, "كتبت");
        // Most tokens are neither كتب nor the start of a place: they are passed over at once.
        if !(kataba || seg.marks[k].may_start(EntryKind::Place)) || !seg.is_word(k) {
            continue;
        }
        // كتب ـ X (the name closed by another separator is evidence enough, wherever it stands; a
        // running text may have lost the line break before it) ; or a place opening a line, a dash and من:
        // القاهرة ـ من X
        // Whether the place opens a line is asked only of a place: most words are none.
        let opens = || seg.newline_before(k) || opens_sentence(seg, k);
        let after = if kataba && seg.reading(k).clitic_chars == 0 {
            byline_separator(seg, k)
        } else if let Some(p) = seg
            .phrase_of(k, EntryKind::Place)
            .filter(|p| p.reading.clitic_chars == 0 && opens())
        {
            byline_separator(seg, p.end - 1)
                .filter(|&m| m < seg.len() && seg.tokens.folded(m) == "من")
                .map(|m| m + 1)
        } else {
            None
        };
        let Some(j) = after else {
            continue;
        };
        if j >= seg.len()
            || seg.newline_before(j)
            || !(is_named(seg, j) || is_plain_unknown(seg, j))
        {
            continue;
        }
        let end = name_chain(seg, j);
        let closed =
            end == seg.len() || seg.newline_before(end) || byline_separator(seg, end - 1).is_some();
        if end > j && end - j <= 4 && closed {
            out.push(person(seg, j, end, 0, STRONG, "byline"));
        }
    }
}

/// The token after a byline separator that follows token `k`: a dash or colon token, or a tatweel standing
/// alone between `k` and the next token (the tokenizer keeps no token for it).
fn byline_separator(seg: &Segment<'_, '_>, k: usize) -> Option<usize> {
    let next = k + 1;
    if next >= seg.len() || seg.newline_before(next) {
        return None;
    }
    if matches!(
        seg.tokens.list[next].kind,
        TokenKind::Punct(':' | '-' | '–')
    ) {
        return Some(next + 1);
    }
    let gap = &seg.text[seg.tokens.bytes(k).end..seg.tokens.bytes(next).start];
    gap.contains('ـ').then_some(next)
}

/// Whether token `j` is a word the lexicon does not know, without ال, clitics or a verb's shape.
fn is_plain_unknown(seg: &Segment<'_, '_>, j: usize) -> bool {
    let l = &seg.lex[j];
    let word = seg.tokens.folded(j);
    l.is_unknown()
        && !l.definite
        && !l.conj
        && l.clitic_chars == 0
        && !looks_like_verb(word)
        && !looks_like_imperfect(word)
        && !has_pronoun_suffix(word)
}

/// Whether token `j` is ب + a noun written with a final ة (بلهجة، بطريقة) that the lexicon does not know:
/// a prepositional phrase, not a person's name (754 O and 6 names in `anercorp_lex` + `aqmar_train`).
fn ba_noun(seg: &Segment<'_, '_>, j: usize) -> bool {
    let word = seg.tokens.folded(j);
    word.starts_with('ب') && seg.last_char(j) == Some('ة') && word.chars().count() >= 4
}

/// A Dutch or Flemish name with the particle فان and an unknown word (فان باستن، فان بومل).
///
/// فان is also فإن written without hamza, but then a word of the vocabulary, a word with ال or a pronoun
/// follows (فان المجلس، فان هذه); in `anercorp_lex` no such فان is followed by an unknown word.
///
/// Fires: ويرى فان دايك أن. Does not fire: فان المجلس سيناقش ; فان هذه الأخيرة ; فإن كوستر يرى.
#[inline(never)]
fn van_name(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for i in 0..seg.len().saturating_sub(1) {
        let j = i + 1;
        // Written with a bare alif: فإن with hamza is always the conjunction.
        // The word is compared first: it turns away nearly every token.
        if !seg.tokens.folded_is(i, "فان")
            || !seg.is_word(i)
            || seg.text[seg.tokens.bytes(i)].contains(['أ', 'إ'])
            || !seg.is_word(j)
            || seg.newline_before(j)
        {
            continue;
        }
        let l = &seg.lex[j];
        let word = seg.tokens.folded(j);
        // A family name the lexicon knows alone (نيستلروي) is as good as an unknown word.
        let family = EntryKind::Person.bit() | EntryKind::Family.bit();
        let surname = |w: &crate::lookup::WordInfo| w.classes & !family == 0;
        let unknown = seg.index.word(word).is_none_or(surname)
            && l.info.is_none_or(surname)
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
    let end = name_chain_from(seg, first, start);
    if first == start && definite_surname(seg, first) {
        return end.min(first + 1);
    }
    (start.max(first + 1)..end)
        .find(|&k| seg.tokens.folded(k).starts_with("ال") && !seg.has(k - 1, EntryKind::Particle))
        .map_or(end, |k| k + 1)
}

/// Whether token `i`, the first of a name found from its context, is a family name or nisba with ال
/// (السنيورة، المالكي) that stands for the person alone: in `anercorp_lex` a person's name that starts
/// with such a word ends there 102 times in 118, and most that go on are a given name with ال (الحسن) or
/// go on with بن. A given name with ال (الحسن) and a foreign name written أل (ألونسو) go on.
fn definite_surname(seg: &Segment<'_, '_>, i: usize) -> bool {
    seg.tokens.folded(i).starts_with("ال")
        && seg.reading(i).clitic_chars == 0
        && !seg.has(i, EntryKind::Given)
        && !seg.hamza_al(i)
        && !(i + 1 < seg.len() && seg.has(i + 1, EntryKind::Particle))
}

/// Whether token `j` is an unknown word starting with ف or و that begins a name: right after a title or
/// context word, that letter starts a foreign name (فرناندو، ويلي، وليام) more often than a conjunction.
/// A word with ال or a pronoun suffix after و is a conjunct (والدفاع، ونائبه).
fn foreign_initial(seg: &Segment<'_, '_>, j: usize) -> bool {
    let word = seg.tokens.folded(j);
    seg.lex[j].is_unknown()
        && word.starts_with(['ف', 'و'])
        // ف + ال is rare right after a name; فال starts foreign names (فالدانو، فالنسيا)
        && (!seg.lex[j].definite || (word.starts_with("فال") && seg.last_char(j) != Some('ة')))
        && !has_pronoun_suffix(word)
        // ـه is the pronoun (ونائبه); a name with ف written with ة is not (فرنجية، فايزة), while و + a
        // feminine noun is a conjunct (وبقية)
        && (!word.ends_with('ه') || (word.starts_with('ف') && seg.last_char(j) == Some('ة')))
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
pub(crate) fn has_pronoun_suffix(folded: &str) -> bool {
    folded.chars().count() >= 5
        && (folded.ends_with("ها") || folded.ends_with("هم") || folded.ends_with("هما"))
}

/// True for ل + an imperfect verb or a تفعيل verbal noun (ليقرر، لتمثيل): a purpose clause, not a name.
fn lam_verb_or_masdar(folded: &str) -> bool {
    folded
        .strip_prefix('ل')
        .is_some_and(|rest| looks_like_imperfect(rest) || looks_like_masdar(rest))
}

/// The chars of a word of exactly five chars, read one by one with nothing allocated: the shape tests
/// ask this of many words in a chain.
fn five_chars(folded: &str) -> Option<[char; 5]> {
    let mut c = folded.chars();
    let five = [c.next()?, c.next()?, c.next()?, c.next()?, c.next()?];
    c.next().is_none().then_some(five)
}

/// True for a verbal noun of the pattern تفعيل (تمثيل، تحسين).
pub(crate) fn looks_like_masdar(folded: &str) -> bool {
    let Some([t, r1, r2, ya, _]) = five_chars(folded) else {
        return false;
    };
    // Names of that length with ت have a long vowel second (توفيق، توريس، تيسير).
    let vowel = |ch: char| matches!(ch, 'ا' | 'و' | 'ي');
    t == 'ت' && ya == 'ي' && !vowel(r1) && !vowel(r2)
}

/// True for unknown words shaped like an imperfect verb (يزور، يتهم، تتواصل): names starting so are in
/// the lexicon.
pub(crate) fn looks_like_imperfect(folded: &str) -> bool {
    let n = folded.chars().count();
    (folded.starts_with('ي') && n >= 4) || (folded.starts_with("تت") && n >= 5)
}

/// True for a broken plural of the pattern مفاعل (متاحف، مناطق، مصادر): five letters, م, a root letter,
/// ا, and two root letters that are not long vowels. In `anercorp_lex` and `aqmar_train` 249 words of
/// this shape are O and the 13 names are all مبارك, which the lexicon knows.
pub(crate) fn looks_like_broken_plural(folded: &str) -> bool {
    let Some([m, r1, alif, r2, r3]) = five_chars(folded) else {
        return false;
    };
    let vowel = |ch: char| matches!(ch, 'ا' | 'و' | 'ي' | 'ه');
    m == 'م' && alif == 'ا' && !vowel(r1) && !vowel(r2) && !vowel(r3)
}

/// True for a participle in the accusative, م + a root letter … ا, five letters or more (مؤكدا، متسللا،
/// مشيرا): in `anercorp_lex` + `aqmar_train` 417 such words are O and the names are known (محمدا، مقدونيا).
fn looks_like_accusative_participle(folded: &str) -> bool {
    let mut c = folded.chars();
    let (first, second) = (c.next(), c.next());
    first == Some('م')
        && second.is_some_and(|ch| !matches!(ch, 'ا' | 'و' | 'ي'))
        && folded.ends_with('ا')
        && !folded.ends_with("ها")
        && folded.chars().count() >= 5
}

/// True for a masculine plural participle in the construct state, م + a root letter … و (مراقبو، مسؤولو،
/// متمردو), or with the pronoun ـيه (محبيه، منتقديه), five letters or more: names of that shape have a
/// long vowel second (ماركو، ميتسو، ماسيمو، مونييه). In `anercorp_lex` + `aqmar_train` the shape is O 19
/// times and a name once (مليتو).
pub(crate) fn looks_like_construct_participle(folded: &str) -> bool {
    let mut c = folded.chars();
    let (first, second) = (c.next(), c.next());
    first == Some('م')
        && second.is_some_and(|ch| !matches!(ch, 'ا' | 'و' | 'ي'))
        && (folded.ends_with('و') || folded.ends_with("يه"))
        && folded.chars().count() >= 5
}

/// True for a masculine plural participle (مبتهلين، مسؤولين، متخصصين): a chain that reaches one has run
/// past the name.
fn looks_like_plural_participle(folded: &str) -> bool {
    folded.starts_with('م') && folded.ends_with("ين") && folded.chars().count() >= 6
}

/// Nouns for a sports team, written before the club's name and outside it (فريق ميلان الإيطالي), and
/// "his guest, his host" of match reports (على ضيفه ويجان، على مضيفه إسبانيول): masculine, so a club; a
/// national team is a country, feminine (ضيفتها أندورا).
const TEAM_NOUNS: [&str; 4] = ["فريق", "فريقي", "ضيفه", "مضيفه"];
/// The team nouns that also mean a guest or host outside sport.
const GUEST_NOUNS: [&str; 2] = ["ضيفه", "مضيفه"];

/// A club after a team noun: the town or name that follows فريق is the club, not a place.
///
/// Fires: في فريق ميلان الإيطالي (the nationality stays out).
/// Does not fire: انضم إلى فريق العمل (vocabulary) ; يعمل فريق من الخبراء.
#[inline(never)]
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
        // After ضيفه "his guest" a word with ال is as often an adjective (ضيفه الكريم) as a club.
        let guest = GUEST_NOUNS.contains(&stem) || GUEST_NOUNS.contains(&word);
        let mut end = i + 1;
        while end < seg.len()
            && end - i <= 2
            && is_club_word(seg, end)
            && !(guest && seg.tokens.folded(end).starts_with("ال"))
        {
            end += 1;
        }
        if end == i + 1 && !guest && town_nisba_club(seg, i + 1) {
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

/// A club named by a country or town and the nisba of another town (الجزائر الوهراني، تونس الصفاقسي: the
/// Algiers club of Oran, the Tunis club of Sfax): a place is never qualified by the nisba of a town, so the two words
/// name a club, as ANERcorp tags them. A nisba that is vocabulary or a nationality (لبنان الجنوبي، المغرب
/// العربي), or that makes one place with the word before it (الخليج الفارسي), is not one.
///
/// Fires: خسر أمام الجزائر الوهراني ; رحلة شاقة لتونس الصفاقسي. Does not fire: زار المغرب العربي ; في المغرب
/// الأقصى.
#[inline(never)]
fn town_nisba_after_place(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    let mut last_start = usize::MAX;
    for p in seg.phrases {
        // The longest place at its start: phrases are sorted by start, longest first.
        if seg.kind_of(p) != EntryKind::Place || p.start == last_start {
            continue;
        }
        last_start = p.start;
        let n = p.end;
        let plain = n < seg.len()
            && seg.is_word(n)
            && !seg.newline_before(n)
            && seg.reading(n).clitic_chars == 0
            && !seg.lex[n].conj
            && ![
                EntryKind::Common,
                EntryKind::Function,
                EntryKind::Nationality,
                EntryKind::Place,
            ]
            .iter()
            .any(|&kind| seg.has(n, kind));
        if plain && is_town_nisba(seg.index, seg.tokens.folded(n)) {
            let c = Candidate::new(
                Kind::Organization,
                p.start,
                n + 1,
                p.reading.clitic_chars,
                STRONG,
                Origin::Rule("town-nisba-club"),
            );
            out.push(c);
        }
    }
}

/// A club named by its town, followed by its nationality in the masculine (مرسيليا الفرنسي، تولوز
/// الفرنسي، وأندورا الإسباني): a town is feminine and would take ـية (ميلانو الإيطالية), so the masculine
/// adjective agrees with an unwritten نادي or فريق. The club is the town alone, the nationality outside, as
/// in `team-name`. Countries and regions are left out (they may be masculine: العراق).
///
/// A country without ال followed by the nationality of another country (أندورا الإسباني) is a club as well.
///
/// Fires: تعادل مع مرسيليا الفرنسي أمس ; أمام أندورا الإسباني. Does not fire: زار ميلانو الإيطالية ;
/// وصل إلى العراق الأمريكي.
#[inline(never)]
fn club_nationality(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    // The nationality after the place is the trigger.
    for &n in triggers.iter().filter(|&&n| n >= 1) {
        let i = n - 1;
        let adjective = seg.has(n, EntryKind::Nationality)
            && seg.is_word(n)
            && !seg.newline_before(n)
            && seg.reading(n).clitic_chars == 0
            && !seg.lex[n].conj
            && {
                let word = seg.tokens.folded(n);
                word.starts_with("ال") && word.ends_with('ي')
            };
        if !adjective || !seg.is_word(i) {
            continue;
        }
        let Some(p) = seg.phrase_of(i, EntryKind::Place) else {
            continue;
        };
        if p.end != n || seg.lex[i].has(EntryKind::Common) {
            continue;
        }
        let stem = stem_of(seg, i, p.reading.clitic_chars);
        // A country with the nationality of another (أندورا الإسباني) is a club too; not a definite one,
        // which may be masculine and described by another people's name (السودان المصري).
        let country =
            |m: Option<PhraseMatch>| m.and_then(|m| seg.index.entry(m.entry).entry.country());
        let foreign = !stem.starts_with("ال")
            && matches!(
                (country(Some(p)), country(seg.phrase_of(n, EntryKind::Nationality))),
                (Some(a), Some(b)) if a != b
            );
        if foreign || seg.index.is_town(stem) {
            // A word the lexicon does not know right before the town is the rest of the club's name
            // (سلافيا براغ التشيكي).
            let start = if p.reading.clitic_chars == 0
                && i > 0
                && !seg.newline_before(i)
                && seg.is_word(i - 1)
                && seg.reading(i - 1).clitic_chars == 0
                && !seg.lex[i - 1].conj
                && !seg.lex[i - 1].definite
                && is_unknown_word(seg, i - 1)
                && !looks_like_imperfect(seg.tokens.folded(i - 1))
                && !has_pronoun_suffix(seg.tokens.folded(i - 1))
            {
                i - 1
            } else {
                i
            };
            let mut c = Candidate::new(
                Kind::Organization,
                start,
                n,
                p.reading.clitic_chars,
                STRONG,
                Origin::Rule("club-nationality"),
            );
            c.attrs = Some(p.entry);
            out.push(c);
        }
    }
}

/// A town followed by a match score (بفوزه على مرسيليا 2 - صفر، مع ضيفه نانت 1 / 1) is a club: teams of
/// towns are clubs, while a country before a score is its national team, which news corpora tag as the
/// country.
///
/// Fires: بفوزه على مرسيليا 2 - صفر. Does not fire: بفوزها على فرنسا 3 - 1 ; وصل إلى مرسيليا 3 مرات.
#[inline(never)]
fn club_score(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for p in seg.phrases {
        if seg.kind_of(p) != EntryKind::Place || p.end - p.start != 1 || p.end + 2 >= seg.len() {
            continue;
        }
        let n = p.end;
        let toks = &seg.tokens.list;
        let score = toks[n].kind == TokenKind::Number
            && matches!(toks[n + 1].kind, TokenKind::Punct('-' | '/'))
            && (toks[n + 2].kind == TokenKind::Number || seg.tokens.folded(n + 2) == "صفر");
        if !score || seg.has(p.start, EntryKind::Common) {
            continue;
        }
        let stem = stem_of(seg, p.start, p.reading.clitic_chars);
        if seg.index.is_town(stem) {
            let mut c = Candidate::new(
                Kind::Organization,
                p.start,
                n,
                p.reading.clitic_chars,
                STRONG,
                Origin::Rule("club-score"),
            );
            c.attrs = Some(p.entry);
            out.push(c);
        }
    }
}

/// Whether a folded word is ال + the nisba of a town the lexicon knows (الفاسي ← فاس، الوجدية ← وجدة،
/// الجديدي ← الجديدة).
fn is_town_nisba(index: &Index, folded: &str) -> bool {
    let Some(rest) = folded.strip_prefix("ال") else {
        return false;
    };
    let Some(stem) = rest.strip_suffix("يه").or_else(|| rest.strip_suffix('ي')) else {
        return false;
    };
    if stem.chars().count() < 3 {
        return false;
    }
    // Built on the stack: this runs only for a nisba after a place.
    let mut buf = [0u8; 64];
    let mut spelled = |prefix: &str, suffix: &str| -> bool {
        let len = prefix.len() + stem.len() + suffix.len();
        if len > buf.len() {
            return false;
        }
        buf[..prefix.len()].copy_from_slice(prefix.as_bytes());
        buf[prefix.len()..prefix.len() + stem.len()].copy_from_slice(stem.as_bytes());
        buf[prefix.len() + stem.len()..len].copy_from_slice(suffix.as_bytes());
        std::str::from_utf8(&buf[..len]).is_ok_and(|town| index.is_town(town))
    };
    spelled("", "") || spelled("", "ه") || spelled("ال", "") || spelled("ال", "ه")
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
        && (l.has(EntryKind::Place) || l.has(EntryKind::Organization) || l.is_unknown())
}

/// An organization from its head noun and the complements that follow it.
///
/// Fires: مؤتمر حضرموت الجامع ; الصندوق الاجتماعي للتنمية ; مكتب الشؤون الاجتماعية والعمل ; اتحاد طنجة.
/// Does not fire: منظمات المجتمع المدني (no singular head) ; وزارة الخارجية، الجيش الأميركي (one complement) ;
/// وزارة الطاقة الأميركية (a description) ; قوات الاتحاد الأفريقي (a known name: its entry) ; شرطة دبي (a
/// place after a head that is not named by one).
#[inline(never)]
fn org_head(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &i in triggers {
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
        if names_known_org(seg, i + 1) && head_sub(seg, i) != Some("club") {
            // حركة حماس، قوات الاتحاد الأفريقي: the known name is the organization; its entry reports it.
            continue;
        }
        let mut end = org_complements(seg, i + 1);
        if seg
            .phrase_of(i, EntryKind::Organization)
            .is_some_and(|p| p.end - p.start > 1 && p.end < end)
        {
            // A known name is whole: what follows it is said of it (الاتحاد الأوروبي للفترة، حزب الله
            // جنوب لبنان، الجامعة العربية للشؤون الاجتماعية); its entry reports it.
            continue;
        }
        if end > i + 2 && head_sub(seg, i) == Some("club") && seg.has(i + 1, EntryKind::Place) {
            // A club prefix + its town is the whole name (دينامو كييف | الفارق، ستيوا بوخارست | الروماني).
            end = i + 2;
        }
        // One complement is enough when it is a place (اتحاد طنجة، جامعة صنعاء) after a head that is part
        // of such names.
        let enough = end >= i + 1 + MIN_ORG_COMPLEMENTS
            || (end == i + 2
                && (seg.has(i + 1, EntryKind::Place)
                    || (!seg.lex[i].definite && is_unknown_name(seg, i + 1)))
                && seg.reading(i + 1).clitic_chars == 0
                && head_takes_place(seg, i));
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

/// Whether a known organization's name starts at token `k`, right after a head noun: the head is then a
/// word about it (حركة حماس، قوات الاتحاد الأفريقي، مفوضية الاتحاد الأوروبي), which `anercorp_lex` leaves
/// outside the name (قوات + a known name 5 of 5 times, حركة 12 of 15). A one-word entry that is also
/// vocabulary does not count.
fn names_known_org(seg: &Segment<'_, '_>, k: usize) -> bool {
    k < seg.len()
        && seg.lex[k].clitic_chars == 0
        && seg.reading(k).clitic_chars == 0
        && seg.phrase_of(k, EntryKind::Organization).is_some_and(|p| {
            p.end - p.start > 1
                || !(seg.has(k, EntryKind::Common) || seg.has(k, EntryKind::Function))
        })
}

/// Whether token `k` is a word the lexicon does not know at all, written without ال or clitics, and not shaped
/// like an adjective, a verb or a plural (اتحاد طوعي، المجلس سيناقش، مجلس اتحادات): a foreign name in Arabic
/// letters (حزب كاديما، جامعة هارفارد).
fn is_unknown_name(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    let word = seg.tokens.folded(k);
    l.is_unknown()
        && seg.is_word(k)
        && !l.definite
        && !l.conj
        && l.clitic_chars == 0
        && word.chars().count() >= 3
        && word.starts_with(|c: char| ('\u{0621}'..='\u{064A}').contains(&c))
        && !word.ends_with("ات")
        && !is_singular_nisba(word)
        && !looks_like_imperfect(word)
        && !looks_like_imperfect(word.strip_prefix('س').unwrap_or(""))
        && !looks_like_verb(word)
}

/// The sub-kind of the head noun at token `head` (`university`, `company`, `club`…).
fn head_sub<'i>(seg: &Segment<'_, 'i>, head: usize) -> Option<&'i str> {
    seg.phrase_of(head, EntryKind::OrgHead)
        .and_then(|p| seg.index.entry(p.entry).entry.sub())
}

/// Whether head noun `head` names an organization by a place alone (جامعة صنعاء، اتحاد طنجة، دينامو كييف).
/// After other heads a place is where the body sits, not its name (شرطة دبي، مؤتمر روما، مستشفى صنعاء:
/// `anercorp_lex` tags the place alone or nothing, 16 of 17 times).
fn head_takes_place(seg: &Segment<'_, '_>, head: usize) -> bool {
    head_sub(seg, head)
        .is_some_and(|sub| matches!(sub, "university" | "union" | "club" | "party" | "council"))
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
/// Fires: غلطة سراي ( تركيا ) - بوردو ( فرنسا ) ; نانت ( فرنسا ) سالزبورغ ( النمسا ). Does not fire: وصل الوفد إلى باريس ( فرنسا ) أمس (not
/// at the start of an entry).
#[inline(never)]
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
                TokenKind::Punct('-' | ':' | '،' | ',' | ')')
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
    // A quote after a definite head (القوات " دون تأخير ") is what the body said, not its name; in
    // `anercorp_lex` 37 of 40 quotes after an indefinite head are the name (صحيفة " القادسية ").
    if open < seg.len()
        && !seg.lex[head].definite
        && matches!(seg.tokens.list[open].kind, TokenKind::Punct('"' | '«'))
    {
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
    while end < seg.len()
        && end - open < 3
        && (is_foreign_word(seg, end)
            || (is_foreign_whole(seg, end)
                && (end == open
                    || !seg.tokens.folded(end).starts_with('و') && seg.lex[end].info.is_none())))
    {
        end += 1;
    }
    (end > open).then_some((open, end))
}

/// Whether token `k`, right after a company or newspaper noun, is a foreign name that only looks like a
/// conjunction + a word or like a verb (فورد is not ف + ورد, فيراري not ف + يراري, يديعوت not a verb): no
/// conjunction or verb stands between such a noun and what follows it. The whole word must be unknown and
/// not an indefinite nisba (شركة يابانية، صحيفة فرنسية describe, they do not name). A later word of the name
/// may start with ف too when nothing is known of its stem (فولكس فاغن), never with و (and).
fn is_foreign_whole(seg: &Segment<'_, '_>, k: usize) -> bool {
    if k >= seg.len() {
        return false;
    }
    let word = seg.tokens.folded(k);
    let l = &seg.lex[k];
    seg.is_word(k)
        && !seg.newline_before(k)
        && seg.index.word(word).is_none()
        && !l.definite
        && !l.lam
        && seg.reading(k).clitic_chars <= u8::from(l.conj)
        && l.clitic_chars <= u8::from(l.conj)
        && !is_singular_nisba(word)
        && !looks_like_verb(word)
        && !has_pronoun_suffix(word)
        && word.chars().count() >= 4
}

/// Whether token `k` is a word the lexicon does not know (or knows as an organization), written without
/// ال, clitics or a verb's shape: a transliterated name (توتال، ياهو).
fn is_foreign_word(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    let word = seg.tokens.folded(k);
    seg.is_word(k)
        && !seg.newline_before(k)
        && (l.is_unknown() || l.has(EntryKind::Organization))
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
                || (!l.definite && (l.is_unknown() || is_in_names(seg, k)))
        })
}

/// Definite words (folded) that follow an organization's name without being part of it: when (الأسبوع
/// المقبل، الليلة، صباح، the days of the week), and its relation to another body or place (التابع للأمم
/// المتحدة، الواقعة في، السابق). None is inside an ORG span of `anercorp_lex`.
const AFTER_NAME: [&str; 25] = [
    "الاسبوع",
    "الليله",
    "اليوم",
    "الشهر",
    "المقبل",
    "المقبله",
    "الماضي",
    "الماضيه",
    "الحالي",
    "الحاليه",
    "الجاري",
    "السابق",
    "السابقه",
    "التابع",
    "التابعه",
    "الواقع",
    "الواقعه",
    "صباح",
    "مساء",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "السبت",
];

/// Whether token `k` is known only as a word of the vocabulary that also stands inside names of
/// organizations, places and works (`sub=in-names`: كرة in اتحاد كرة القدم): it ends a person's name,
/// and an organization's head takes it as it takes an unknown word.
fn is_in_names(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.lex[k]
        .info
        .is_some_and(|w| w.classes == EntryKind::Common.bit() && w.in_names)
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
        if k > start && AFTER_NAME.contains(&seg.tokens.folded(k)) {
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
            let other = seg.has(k, EntryKind::OrgHead)
                || place
                || seg.phrase_of(k, EntryKind::Place).is_some()
                || seg.has(k, EntryKind::Title)
                || seg.phrase_of(k, EntryKind::Role).is_some();
            // ف (فالدورة) opens a new clause; only و joins two parts of one name.
            let fa = word.starts_with('ف');
            if coordinated
                || k == start
                || !l.definite
                || l.lam
                || fa
                || other
                || new_noun_phrase(seg, k)
            {
                break;
            }
            coordinated = true;
        } else if !l.definite
            && !place
            && word.starts_with('ل')
            && !word.starts_with("لل")
            && !is_named(seg, k)
        {
            // لِ + a noun without ال (لتحقيق، لاصدار) is a purpose clause, not part of the name, unless
            // the noun governs a definite word right after the head's adjective (الاتحاد الإنجليزي لكرة
            // القدم، الرابطة الألمانية لصناعة النفط): then both are.
            let described = k == start + 1 && after_nisba(seg, k);
            if coordinated
                || !described
                || seg.has(k, EntryKind::OrgHead)
                || !lam_construct(seg, k)
                || end + 2 - start > MAX_ORG_COMPLEMENTS
            {
                break;
            }
            end += 1;
        } else if l.lam {
            // لِ + a noun without ال (لتحقيق) is a purpose clause; لِ + another head (للبنك، لمنظمة) is the
            // body this one belongs to, a name of its own (الجمعية العمومية | للبنك التجاري).
            if coordinated || k == start || !l.definite || seg.has(k, EntryKind::OrgHead) {
                break;
            }
        } else if !(l.definite
            || place
            || (k == start
                && (l.is_unknown() || is_in_names(seg, k))
                && !looks_like_imperfect(word)
                && !has_pronoun_suffix(word)))
        {
            break;
        }
        end += 1;
    }
    end
}

/// Whether the coordinated word `k` (والشرطة) is a noun with an adjective of its own after a name that
/// ends with an adjective (الجيش الأميركي والشرطة العراقية، الجبهة الداخلية والإصلاحات السياسية): a second
/// body or thing beside the name, not a part of it. A coordinated adjective (المجلس الاقتصادي والاجتماعي),
/// a bare noun (مكتب الشؤون الاجتماعية والعمل) or a noun in a لِ- complement (الجمعية الدولية للكيمياء
/// والكيمياء التطبيقية) stays in the name.
fn new_noun_phrase(seg: &Segment<'_, '_>, k: usize) -> bool {
    let next = k + 1;
    next < seg.len()
        && seg.is_word(next)
        && after_nisba(seg, k)
        && !seg.lex[k - 1].lam
        && !is_singular_nisba(seg.tokens.folded(k))
        && seg.lex[next].definite
        && !seg.lex[next].conj
        && seg.lex[next].clitic_chars == 0
        && seg.reading(next).clitic_chars == 0
        && (is_singular_nisba(seg.tokens.folded(next)) || seg.has(next, EntryKind::Nationality))
}

/// Whether token `k`, لِ + a noun without ال, governs the definite word after it (الاتحاد الدولي لكرة القدم،
/// الرابطة الألمانية لصناعة النفط): a لِ- complement of the name. A verb or a masdar of the derived forms
/// (لتحقيق الأهداف، لاصدار القرارات، ليعلن) is a purpose clause.
fn lam_construct(seg: &Segment<'_, '_>, k: usize) -> bool {
    let next = k + 1;
    let word = seg.tokens.folded(k);
    // إفعال (اصدار، اعلان): ا, two root letters, ا, the last root letter.
    let form_iv = word.strip_prefix('ل').is_some_and(|rest| {
        rest.chars().count() == 5 && rest.starts_with('ا') && rest.chars().nth(3) == Some('ا')
    });
    next < seg.len()
        && seg.is_word(next)
        && !seg.newline_before(next)
        && !lam_verb_or_masdar(word)
        && !form_iv
        && !seg.has(k, EntryKind::Function)
        && !has_pronoun_suffix(word)
        && seg.lex[k].clitic_chars <= 1
        && seg.lex[next].definite
        && !seg.lex[next].conj
        && !seg.lex[next].lam
        && seg.reading(next).clitic_chars == 0
        && !seg.has(next, EntryKind::Function)
}

/// Whether the word before token `k` is a definite nisba adjective (القطرية، الدولي).
fn after_nisba(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.lex[k - 1].definite && is_singular_nisba(seg.tokens.folded(k - 1))
}

/// A place after a place noun: `مدينة المكلا`, `محافظة حضرموت`. After a dual noun (مدينتي، بلدتي) the
/// second name, joined by و, is a place too (بلدتي عنبتا وكفرمان).
///
/// Fires: مدينة المكلا ; محافظة حضرموت ; بين بلدتي عنبتا وكفرمان. Does not fire: مدينة كبيرة (a common
/// word) ; مدينة ، .
#[inline(never)]
fn place_noun(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &i in triggers.iter().filter(|&&i| i + 1 < seg.len()) {
        if !seg.has(i, EntryKind::PlaceNoun) {
            continue;
        }
        let j = i + 1;
        if seg.newline_before(j) || !seg.is_word(j) || seg.lex[j].conj {
            continue;
        }
        let end = if let Some(p) = seg
            .phrase_of(j, EntryKind::Place)
            .filter(|p| p.reading.clitic_chars == 0)
        {
            let mut c =
                Candidate::new(Kind::Place, j, p.end, 0, STRONG, Origin::Rule("place-noun"));
            c.attrs = Some(p.entry);
            out.push(c);
            p.end
        } else if (is_unknown_word(seg, j) || settlement_name(seg, i, j))
            && seg.lex[j].clitic_chars == 0
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
            j + 1
        } else {
            continue;
        };
        if is_dual(seg.tokens.folded(i)) {
            second_place(seg, i, end, out);
        }
    }
}

/// Whether token `j`, a word with ال that is also vocabulary, names the settlement after the indefinite
/// noun `i` of a town, village or quarter (مدينة النور، حي الميدان، بلدة القرارة): such a noun in
/// construct is followed by its name. Not after a city's other nouns (ميناء الحاويات), a dual (مدينتي الكبيرة),
/// a region's (منطقة اليورو، بلاد المهجر) or a plural (قرى الحدود), and not a function word or a trigger.
fn settlement_name(seg: &Segment<'_, '_>, i: usize, j: usize) -> bool {
    let noun = stem_of(seg, i, seg.reading(i).clitic_chars);
    // قرى "villages" is plural: its complement is a region or a noun (قرى الحدود، قرى الجنوب); a dual
    // reads as "my …" before an adjective (مدينتي الكبيرة).
    let settlement = !seg.lex[i].definite
        && !noun.starts_with("ال")
        && noun != "قري"
        && !is_dual(noun)
        && (noun == "مدينه"
            || seg.phrase_of(i, EntryKind::PlaceNoun).is_some_and(|p| {
                matches!(
                    seg.index.entry(p.entry).entry.sub(),
                    Some("town" | "village" | "subdivision")
                )
            }));
    let word = seg.tokens.folded(j);
    settlement
        && seg.reading(j).clitic_chars == 0
        && word.starts_with("ال")
        && !seg.has(j, EntryKind::Function)
        && !seg.is_trigger(j)
        && !looks_like_verb(word)
        && !has_pronoun_suffix(word)
}

/// Whether token `j` is a word the lexicon does not know, not shaped like a verb.
fn is_unknown_word(seg: &Segment<'_, '_>, j: usize) -> bool {
    seg.lex[j].is_unknown() && !looks_like_verb(seg.tokens.folded(j))
}

/// Whether a place noun is a dual (مدينتي، بلدتي، مخيمي): it ends in ي, which the singular nouns of
/// `place_nouns.tsv` (and حي) do not.
fn is_dual(folded: &str) -> bool {
    folded.ends_with('ي') && folded.chars().count() > 3
}

/// The second name after a dual place noun: the word right after the first, written with و, that the
/// lexicon knows as a place or does not know at all (بلدتي عنبتا وكفرمان).
fn second_place(seg: &Segment<'_, '_>, noun: usize, k: usize, out: &mut Vec<Candidate>) {
    if k >= seg.len() || !seg.is_word(k) || seg.newline_before(k) || !seg.lex[k].conj {
        return;
    }
    let (end, attrs) = match seg
        .phrase_of(k, EntryKind::Place)
        .filter(|p| p.reading.clitic_chars == 1)
    {
        Some(p) => (p.end, Some(p.entry)),
        None if is_unknown_word(seg, k) && !has_pronoun_suffix(seg.tokens.folded(k)) => (
            k + 1,
            seg.phrase_of(noun, EntryKind::PlaceNoun).map(|p| p.entry),
        ),
        None => return,
    };
    let mut c = Candidate::new(Kind::Place, k, end, 1, LEXICON, Origin::Rule("place-noun"));
    c.attrs = attrs;
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_shape() {
        assert!(looks_like_verb("استعرض"));
        assert!(!looks_like_verb("اسامه"));
        assert!(!looks_like_verb("است"));
        assert!(looks_like_verb("تمسك"));
        assert!(!looks_like_verb("تشنغ"));
        assert!(!looks_like_verb("تامر"));
        assert!(looks_like_verb("راقبت"));
        assert!(looks_like_masdar("تدريب"));
        assert!(!looks_like_masdar("توفيق"));
        assert!(!looks_like_verb("اوامت"));
    }

    #[test]
    fn van_takes_a_family_name_the_lexicon_knows() {
        let lexicon =
            crate::Lexicon::parse("extra", "فيلدهوفن\tperson\n").expect("a valid lexicon");
        let extractor = crate::Extractor::builder()
            .lexicon(lexicon)
            .build()
            .expect("an extractor");
        let doc = extractor.extract("وسجل فان فيلدهوفن الهدف الثاني");
        let texts: Vec<&str> = doc.mentions().iter().map(|m| m.text()).collect();
        assert_eq!(texts, ["فان فيلدهوفن"]);
        // فان + a word of the vocabulary is still فإن.
        let doc = extractor.extract("فان المجلس سيناقش القرار");
        assert!(doc.mentions().iter().all(|m| m.text() != "فان المجلس"));
    }

    #[test]
    fn construct_participle_shape() {
        assert!(looks_like_construct_participle("مراقبو"));
        assert!(looks_like_construct_participle("محبيه"));
        assert!(!looks_like_construct_participle("مونييه"));
        assert!(looks_like_accusative_participle("متسللا"));
        assert!(!looks_like_accusative_participle("ماريا"));
        assert!(looks_like_construct_participle("مسوولو"));
        assert!(!looks_like_construct_participle("ماركو"));
        assert!(!looks_like_construct_participle("ميتسو"));
    }

    #[test]
    fn broken_plural_shape() {
        assert!(looks_like_broken_plural("متاحف"));
        assert!(looks_like_broken_plural("مخافر"));
        assert!(!looks_like_broken_plural("ماريو"));
        assert!(!looks_like_broken_plural("مسافرون"));
        assert!(!looks_like_broken_plural("ميلان"));
    }
}
