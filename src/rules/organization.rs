//! The rules that propose organizations, in the order [`run`](super::run) calls them.
//!
//! Clubs first: a club is named by its town or country, and these rules tell it from the place by what
//! surrounds it (a team noun, the nisba of a town, a nationality in the masculine, a match score, its
//! country in brackets).
//!
//! 1. `team-name` ([`team_name`]): the club after a team noun (فريق ميلان); then `head-name`
//!    ([`facility_name`]): the foreign name after a facility noun (مسجد، سجن، معمل، فندق), the noun outside.
//! 2. `town-nisba-club` ([`town_nisba_after_place`]): a place and the nisba of another town (تونس
//!    الصفاقسي).
//! 3. `club-nationality` ([`club_nationality`]): a town and a masculine nationality (مرسيليا الفرنسي).
//! 4. `club-score` ([`club_score`]): a town before a match score; `club-match` ([`club_match`]): a town
//!    after a verb of a match (تغلب ليدز على …، فاز … على برايتون); `national-team` ([`national_team`]):
//!    منتخب + a country + لكرة, as encyclopedias title a national team (the team noun inside).
//! 5. `club-country` ([`club_country`]): a club before its country in brackets.
//!
//! Then the names built on a head noun (وزارة، شركة، جامعة…):
//!
//! 6. `head-name` and `org-head` ([`org_head`]): the proper name right after a company's or
//!    newspaper's head noun (`head-name`, [`name_after_head`]), else the head noun and its complements
//!    (`org-head`, [`org_complements`]).

use super::shape::{
    has_pronoun_suffix, is_singular_nisba, lam_verb_or_masdar, looks_like_derived_participle,
    looks_like_imperfect, looks_like_masdar, looks_like_verb,
};
use super::{
    bytes_are, is_in_names, is_named, is_unknown_word, stem_of, Candidate, Origin, Segment, STRONG,
};
use crate::lexicon::EntryKind;
use crate::lookup::{Index, PhraseMatch};
use crate::mention::Kind;
use crate::tokenize::TokenKind;

/// The fewest complements after a head noun: with one (وزارة الخارجية، الجيش الأميركي) the phrase
/// names a body of government or an army as often as an organization, and news corpora leave it untagged.
const MIN_ORG_COMPLEMENTS: usize = 2;

/// The longest complement chain after an organization's head noun.
const MAX_ORG_COMPLEMENTS: usize = 8;

/// Nouns for a sports team, written before the club's name and outside it (فريق ميلان الإيطالي), and
/// "his guest, his host" of match reports (على ضيفه ويجان، على مضيفه إسبانيول): masculine, so a club; a
/// national team is a country, feminine (ضيفتها أندورا).
const TEAM_NOUNS: [&str; 4] = ["فريق", "فريقي", "ضيفه", "مضيفه"];

/// The team nouns that also mean a guest or host outside sport.
const GUEST_NOUNS: [&str; 2] = ["ضيفه", "مضيفه"];

/// A club after a team noun: the town or name that follows فريق is the club, not a place.
///
/// Fires: في فريق ميلان الإيطالي (the nationality stays out).
/// Does not fire: انضم إلى فريق العمل (vocabulary) ; يعمل فريق من الخبراء ; وقاد فريق محاميها الدفاع (a
/// pronoun) ; وأجرى فريق جيولوجي مسحا (an indefinite nisba describes the team).
#[inline(never)]
pub(super) fn team_name(seg: &Segment<'_, '_>, starts: &[usize], out: &mut Vec<Candidate>) {
    for &i in starts {
        let word = seg.tokens.folded(i);
        let stem = word
            .char_indices()
            .nth(usize::from(
                seg.reading(i).clitic_chars.max(seg.lex[i].clitic_chars()),
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

/// Whether `team_name` may start at a token whose folded bytes are `folded` (asked of every token but the
/// last, in `Starts::of`): the stem ends the word, so a word that ends with no team noun needs no clitic
/// reading.
#[inline]
pub(super) fn team_may_start(folded: &[u8]) -> bool {
    TEAM_TAILS.iter().any(|t| folded.ends_with(t.as_bytes()))
}

/// The team nouns that end no other: a word that ends with مضيفه ends with ضيفه, so `team_may_start`
/// compares it once (a test asked of every token; the test below checks the list).
const TEAM_TAILS: [&str; 3] = ["فريق", "فريقي", "ضيفه"];

/// The last four bytes (two letters) of a word, as one number: compared with [`FACILITY_TAILS`] before any
/// slice, since comparing slices called `bcmp` for every token.
const fn tail(b: &[u8]) -> u32 {
    let n = b.len();
    u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]])
}

/// The last two letters of each facility noun (جد، جن، مل، بر، دق).
const FACILITY_TAILS: [u32; 5] = [
    tail(FACILITY_NOUNS[0].as_bytes()),
    tail(FACILITY_NOUNS[1].as_bytes()),
    tail(FACILITY_NOUNS[2].as_bytes()),
    tail(FACILITY_NOUNS[3].as_bytes()),
    tail(FACILITY_NOUNS[4].as_bytes()),
];

/// Whether `facility_name` may start at a word whose folded bytes are `folded`: it ends with a facility
/// noun (مسجد، لمعمل، بفندق). Asked in `Starts::of` only of a word before one the lexicon does not know or
/// knows as a name token alone (the name `facility_name` takes), the class bits being read first.
#[inline]
pub(super) fn facility_may_start(folded: &[u8]) -> bool {
    folded.len() >= 6
        && FACILITY_TAILS.contains(&tail(folded))
        && FACILITY_NOUNS
            .iter()
            .any(|t| folded.ends_with(t.as_bytes()))
}

/// Nouns of a building that an institution is named after, written before its name and outside it
/// (مسجد، سجن، معمل، مختبر، فندق), folded. They are no `org_heads.tsv` heads: their complements (مسجد الحسن
/// الثاني، سجن النساء) are a person, a place or a description, and only a foreign name after them is the
/// institution's.
const FACILITY_NOUNS: [&str; 5] = ["مسجد", "سجن", "معمل", "مختبر", "فندق"];

/// The institution named by a foreign word or two right after an indefinite facility noun (rule
/// `head-name`, as after a company's head): the name, the noun left outside, as `anercorp_lex` tags it (the
/// name alone 20 times after مسجد، سجن، معمل، فندق, the noun inside never).
///
/// Fires: صلى في مسجد كوربيلان ; نزل في فندق ريغالتو سوبيرا ; قضى سنتين في سجن غرانسيو. Does not fire: مسجد
/// الحسن الثاني (a definite word: a person, a place or a description) ; مسجد رائع، سجن مهجور (the shape of an
/// adjective) ; مسجد يعتبر من أقدم (a verb) ; وسجن كوربيلان عشر سنوات (سجن opening a clause is the verb).
#[inline(never)]
pub(super) fn facility_name(seg: &Segment<'_, '_>, starts: &[usize], out: &mut Vec<Candidate>) {
    for &i in starts {
        let word = seg.tokens.folded(i);
        let stem = stem_of(
            seg,
            i,
            seg.reading(i).clitic_chars.max(seg.lex[i].clitic_chars()),
        );
        if !(FACILITY_NOUNS.contains(&stem) || FACILITY_NOUNS.contains(&word))
            || seg.lex[i].definite()
            || (word.ends_with("سجن") && opens_clause(seg, i))
        {
            continue;
        }
        let mut end = i + 1;
        while end < seg.len() && end - i <= 2 && is_facility_name_word(seg, end) {
            end += 1;
        }
        if end > i + 1 {
            out.push(Candidate::new(
                Kind::Organization,
                i + 1,
                end,
                0,
                STRONG,
                Origin::Rule("head-name"),
            ));
        }
    }
}

/// Whether token `i` opens a clause: the first word of a line or after punctuation, or written with و/ف.
/// سجن there is the passive verb "was jailed" (وسجن كوربيلان عشر سنوات), its subject a person.
fn opens_clause(seg: &Segment<'_, '_>, i: usize) -> bool {
    i == 0 || !seg.is_word(i - 1) || seg.newline_before(i) || seg.lex[i].conj()
}

/// Whether token `k` may be a word of the foreign name after a facility noun: unknown to the lexicon or
/// known only as a word of persons' names (بارك، مارش), four letters or more (not سيء، قرب، يقع), written
/// without ال or clitics and not shaped like a verb, an adjective or a plural أفعال (أحداث). Names of
/// these places end in ين، ون as often as plurals do (شيراتون), so that ending is no test here.
fn is_facility_name_word(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    let word = seg.tokens.folded(k);
    let n = word.chars().count();
    (l.is_unknown() || l.info.is_some_and(|w| w.classes == EntryKind::Name.bit()))
        && seg.is_word(k)
        && !seg.newline_before(k)
        && !l.definite()
        && !l.conj()
        && l.clitic_chars() == 0
        && seg.reading(k).clitic_chars == 0
        && n >= 4
        && word.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        && !looks_like_verb(word)
        && !looks_like_imperfect(word)
        && !has_pronoun_suffix(word)
        && !is_singular_nisba(word)
        && !looks_like_adjective(word)
        && !(n == 5 && word.starts_with('ا') && word.chars().nth(3) == Some('ا'))
}

/// Whether a word the lexicon does not know has the shape of a describing adjective after a facility noun:
/// فاعل (رائع)، مفعول (مهجور، مشهور) or a derived participle (متهالك، مستقل).
fn looks_like_adjective(word: &str) -> bool {
    let n = word.chars().count();
    (n == 4 && word.chars().nth(1) == Some('ا'))
        || (n == 5 && word.starts_with('م') && word.chars().nth(3) == Some('و'))
        || looks_like_derived_participle(word)
}

/// Whether tokens `k` and `k + 1` are a club named by a word with ال and a nisba that is neither vocabulary
/// nor a nationality (the nisba of its town: النادي الزموري، الجمعية الزمورية), as written after a team
/// noun. A known adjective (فريق العمل الحكومي) is vocabulary, not a club.
fn town_nisba_club(seg: &Segment<'_, '_>, k: usize) -> bool {
    let plain = |j: usize| {
        j < seg.len()
            && seg.is_word(j)
            && !seg.newline_before(j)
            && !seg.lex[j].conj()
            && !seg.lex[j].lam()
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
pub(super) fn town_nisba_after_place(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
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
            && !seg.lex[n].conj()
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
/// وصل إلى العراق الأمريكي ; هبطت في مطار مرسيليا الفرنسي (the nationality agrees with the place noun).
#[inline(never)]
pub(super) fn club_nationality(
    seg: &Segment<'_, '_>,
    triggers: &[usize],
    out: &mut Vec<Candidate>,
) {
    // The nationality after the place is the trigger.
    for &n in triggers.iter().filter(|&&n| n >= 1) {
        let i = n - 1;
        let adjective = seg.has(n, EntryKind::Nationality)
            && seg.is_word(n)
            && !seg.newline_before(n)
            && seg.reading(n).clitic_chars == 0
            && !seg.lex[n].conj()
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
                && !seg.lex[i - 1].conj()
                && !seg.lex[i - 1].definite()
                && is_unknown_word(seg, i - 1)
                && !looks_like_imperfect(seg.tokens.folded(i - 1))
                && !has_pronoun_suffix(seg.tokens.folded(i - 1))
            {
                i - 1
            } else {
                i
            };
            if start > 0 && seg.has(start - 1, EntryKind::PlaceNoun) {
                // The nationality agrees with the place noun (مطار عمان الأردني، ميناء بيرل هاربر
                // الأمريكي).
                continue;
            }
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

/// A town followed by a match score (بفوزه على مرسيليا 2 - صفر، مع ضيفه نابولي 1 / 1) is a club: teams of
/// towns are clubs, while a country before a score is its national team, which news corpora tag as the
/// country.
///
/// Fires: بفوزه على مرسيليا 2 - صفر. Does not fire: بفوزها على فرنسا 3 - 1 ; وصل إلى مرسيليا 3 مرات.
#[inline(never)]
pub(super) fn club_score(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
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

/// A town as the team of a match: right after a verb of a match won, lost or drawn, in the masculine that
/// agrees with an unwritten نادي or فريق (فاز، تغلب، تعادل، هزم، خسر، التقى، واجه, with و or ف or none), or
/// after على، أمام، مع، ضد within three words after such a verb (فاز الفريق على ليدز). Teams named by a town
/// are clubs; a country after these verbs is its national team, which news corpora tag as the country, so
/// only towns are taken (as in `club-score`). A city that does something itself takes the verb in the
/// feminine (فازت القاهرة بتنظيم الدورة) and is left alone.
///
/// Fires: تغلب ليدز على ضيفه ; وفاز الفريق على ليدز أمس. Does not fire: فازت القاهرة بتنظيم الدورة ;
/// تعادل العراق مع الأردن (countries) ; وصل الوفد إلى ليدز أمس (no match verb).
#[inline(never)]
pub(super) fn club_match(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for p in seg.phrases {
        if seg.kind_of(p) != EntryKind::Place
            || p.end - p.start != 1
            || p.start == 0
            || p.reading.clitic_chars != 0
            || seg.newline_before(p.start)
            || seg.has(p.start, EntryKind::Common)
        {
            continue;
        }
        let i = p.start;
        let after_verb = is_match_verb(seg, i - 1)
            || (MATCH_PREPOSITIONS.contains(&seg.tokens.folded(i - 1))
                && (i.saturating_sub(5)..i - 1)
                    .rev()
                    .take_while(|&k| seg.is_word(k) && !seg.newline_before(k + 1))
                    .any(|k| is_match_verb(seg, k)));
        if !after_verb || !seg.index.is_town(seg.tokens.folded(i)) {
            continue;
        }
        let mut c = Candidate::new(
            Kind::Organization,
            i,
            p.end,
            0,
            STRONG,
            Origin::Rule("club-match"),
        );
        c.attrs = Some(p.entry);
        out.push(c);
    }
}

/// The verbs of a match won, lost or drawn, in the masculine past (folded): the subject or the object of one
/// is a team.
const MATCH_VERBS: [&str; 7] = ["فاز", "تغلب", "تعادل", "هزم", "خسر", "التقي", "واجه"];

/// The prepositions that introduce the other team after a match verb (folded: على is written علي too).
const MATCH_PREPOSITIONS: [&str; 4] = ["علي", "امام", "مع", "ضد"];

/// Whether token `k` is a match verb (`MATCH_VERBS`), alone or after و or ف.
fn is_match_verb(seg: &Segment<'_, '_>, k: usize) -> bool {
    // Compared as bytes, و (D9 88) and ف (D9 81) too: asked of the word before every one-word place,
    // where slicing the word as a str and a char pattern cost more than the comparisons. The verbs of
    // six and eight bytes as fixed-size arrays (`bytes_are`): comparing slices called `bcmp` for every
    // word of a verb's length.
    let word = seg.tokens.folded_bytes(k);
    let is_verb = |w: &[u8]| MATCH_VERBS.iter().any(|v| bytes_are(w, v));
    seg.is_word(k)
        && (is_verb(word)
            || match word {
                [0xD9, 0x88 | 0x81, rest @ ..] => is_verb(rest),
                _ => false,
            })
}

/// A national team written as Wikipedia titles it: منتخب + a country + لكرة (منتخب البرازيل لكرة القدم),
/// the team noun inside, the sport outside. Without the sport after it, news writes the country for the
/// team (مدرب منتخب فرنسا), which news corpora tag as the place, and the rule stays out.
///
/// Fires: فاز منتخب البرازيل لكرة القدم بالكأس ; ومنتخب تشيلي لكرة السلة. Does not fire: مدرب منتخب
/// فرنسا قال (no sport after the country).
#[inline(never)]
pub(super) fn national_team(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    for p in seg.phrases {
        if seg.kind_of(p) != EntryKind::Place || p.start == 0 || p.end >= seg.len() {
            continue;
        }
        let noun = p.start - 1;
        // The last bytes first (every form below ends with the team noun), without slicing the word as a
        // str: asked of the word before every place.
        if !seg.tokens.folded_ends_with(noun, "منتخب") {
            continue;
        }
        let word = seg.tokens.folded(noun);
        let clitic = if word == "منتخب" {
            0
        } else if word.len() == "منتخب".len() + 2
            && word.ends_with("منتخب")
            && word.starts_with(['و', 'ب', 'ل', 'ف'])
        {
            1
        } else {
            continue;
        };
        if !seg.is_word(noun) || !seg.tokens.folded(p.end).starts_with("لكره") {
            continue;
        }
        out.push(Candidate::new(
            Kind::Organization,
            noun,
            p.end,
            clitic,
            STRONG,
            Origin::Rule("national-team"),
        ));
    }
}

/// A club followed by its country in brackets, as results tables write them: `بوردو ( فرنسا )`.
///
/// Fires: بشكتاش ( تركيا ) - ليون ( فرنسا ) ; نانت ( فرنسا ) سالزبورغ ( النمسا ). Does not fire: وصل الوفد إلى باريس ( فرنسا ) أمس (not
/// at the start of an entry).
#[inline(never)]
pub(super) fn club_country(seg: &Segment<'_, '_>, out: &mut Vec<Candidate>) {
    // The countries are walked, not the tokens: the place that starts after a bracket (`phrase_of`: the
    // longest at its start, the first in the list) is looked for among the matches, which are sorted by
    // start, longest first. (A walk over every token for a bracket cost some 8 instructions a token.)
    let mut last_start = usize::MAX;
    for country in seg.phrases {
        if seg.kind_of(country) != EntryKind::Place || country.start == last_start {
            continue;
        }
        last_start = country.start;
        // The bracket before it, not the segment's first token nor one of its last two.
        let Some(open) = country.start.checked_sub(1) else {
            continue;
        };
        if open == 0 || open + 2 >= seg.len() || seg.tokens.list[open].kind != TokenKind::Punct('(')
        {
            continue;
        }
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

/// Whether a folded word is ال + the nisba of a town the lexicon knows (الفاسي ← فاس، التعزي ← تعز،
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
        && !l.conj()
        && seg.reading(k).clitic_chars == 0
        && !(l.lam() || (l.definite() && l.clitic_chars() > 0))
        && !l.has(EntryKind::Nationality)
        && !l.has(EntryKind::Function)
        && !seg.is_trigger(k)
        && (l.has(EntryKind::Place)
            || l.has(EntryKind::Organization)
            || (l.is_unknown() && {
                // not a noun with a pronoun (فريق عملها) nor letters run into digits (فريق من12), nor an
                // indefinite nisba, which describes the team (فريق علمي، فريق بلجيكي)
                let word = seg.tokens.folded(k);
                !has_pronoun_suffix(word)
                    && word.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
                    && !(!l.definite() && word.ends_with('ي') && word.chars().nth(3).is_some())
            }))
}

/// An organization from its head noun and the complements that follow it.
///
/// Fires: مؤتمر حضرموت الجامع ; الصندوق الاجتماعي للتنمية ; مكتب الشؤون الاجتماعية والعمل ; اتحاد تطوان.
/// Does not fire: منظمات المجتمع المدني (no singular head) ; حزب قومي التوجه (a description) ; وزارة الخارجية، الجيش الأميركي (one complement) ;
/// وزارة الطاقة الأميركية (a description) ; قوات الاتحاد الأفريقي (a known name: its entry) ; شرطة دبي (a
/// place after a head that is not named by one) ; نادي نيوكاسل يونايتد (a club known by its town and a second
/// word: the entry reports نيوكاسل يونايتد, the head outside).
#[inline(never)]
pub(super) fn org_head(seg: &Segment<'_, '_>, triggers: &[usize], out: &mut Vec<Candidate>) {
    for &i in triggers {
        if !seg.has(i, EntryKind::OrgHead) || !seg.is_word(i) {
            continue;
        }
        if let Some((start, end)) = name_after_head(seg, i) {
            let mut c = Candidate::new(
                Kind::Organization,
                start,
                end,
                0,
                STRONG,
                Origin::Rule("head-name"),
            );
            // The head's sub-kind: شركة X is a company, صحيفة X a newspaper.
            c.attrs = seg.phrase_of(i, EntryKind::OrgHead).map(|p| p.entry);
            out.push(c);
            continue;
        }
        if names_known_org(seg, i + 1) && head_sub(seg, i) != Some("club") {
            // حركة حماس، قوات الاتحاد الأفريقي: the known name is the organization; its entry reports it.
            continue;
        }
        if seg.lex[i].definite()
            && i + 1 < seg.len()
            && (!seg.lex[i + 1].definite() || seg.lex[i + 1].conj())
            && !seg.lex[i + 1].lam()
        {
            // A definite noun takes no genitive: what follows it is another phrase (المؤتمر سيبحث،
            // الاتحاد بتنظيم); its name goes on with an adjective or a لِ- complement.
            continue;
        }
        if !seg.lex[i].definite() && describes_head(seg, i + 1) {
            // An indefinite head + an indefinite nisba is a description, no name (حزب قومي التوجه،
            // مؤتمر عربي المستوى).
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
        // A nationality after the name says where the body is from (نادي أندرليخت | البلجيكي); after a
        // لِ- complement or a coordinated word it qualifies that word (للمقاطعات الفرنسية).
        while end > i + 2
            && is_trailing_nationality(seg, end - 1)
            && !(i + 1..end - 1).any(|k| seg.lex[k].lam() || seg.lex[k].conj())
        {
            end -= 1;
        }
        if i + 1 < seg.len()
            && head_sub(seg, i) == Some("club")
            && seg.has(i + 1, EntryKind::Place)
            && seg
                .phrase_of(i + 1, EntryKind::Organization)
                .is_some_and(|p| p.end - p.start > 1 && seg.reading(i + 1).clitic_chars == 0)
        {
            // A club known by its town and a second word (نادي | نيوكاسل يونايتد): the known name is
            // the club, the head outside it; its entry reports it.
            continue;
        }
        if end > i + 2 && head_sub(seg, i) == Some("club") && seg.has(i + 1, EntryKind::Place) {
            // A club prefix + its town is the whole name (دينامو زغرب | الفارق، سبارتا براغ | التشيكي).
            end = i + 2;
        }
        // One complement is enough when it is a place (اتحاد تطوان، جامعة صنعاء) after a head that is part
        // of such names.
        let enough = end >= i + 1 + MIN_ORG_COMPLEMENTS
            || (end == i + 2
                && (seg.has(i + 1, EntryKind::Place)
                    || (!seg.lex[i].definite() && is_unknown_name(seg, i + 1)))
                && seg.reading(i + 1).clitic_chars == 0
                && head_takes_place(seg, i));
        if end < i + 4
            && matches!(head_sub(seg, i), Some("court" | "hospital" | "school"))
            && only_place_distinguishes(seg, i + 1, end)
        {
            // محكمة مدينة X، مستشفى X الدولي: a court, a hospital or a school is named after the town it
            // serves; when that town is the chain's only proper word, the place is the entity, as with one
            // complement (`head_takes_place`).
            continue;
        }
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

/// Whether token `k`, right after an indefinite head noun, is an indefinite adjective of it: a nisba of
/// four to seven letters (ending ي, or ية) that is no known place or organization, which makes the head
/// the start of a description rather than of a name. Longer words ending so are mostly foreign names
/// transliterated (a place's name with a final ي), which a name may hold.
///
/// Fires: حزب قومي التوجه ; مؤتمر عربي المستوى ; شركة أوروبية للطيران. Does not fire: جامعة هارفارد ;
/// حزب البعث (definite) ; جامعة صنعاء (a place) ; شركة ميتسوبيشي للصناعات (nine letters).
fn describes_head(seg: &Segment<'_, '_>, k: usize) -> bool {
    if k >= seg.len() || !seg.is_word(k) {
        return false;
    }
    let l = &seg.lex[k];
    let word = seg.tokens.folded(k);
    !l.definite()
        && !l.conj()
        && l.clitic_chars() == 0
        && seg.reading(k).clitic_chars == 0
        && !seg.has(k, EntryKind::Place)
        && !seg.has(k, EntryKind::Organization)
        && (((4..=7).contains(&word.chars().count()) && is_singular_nisba(word))
            || is_plain_adjective(word))
}

/// Whether a folded word is shaped like a plain adjective agreeing with an indefinite noun: فعيل or فعيلة
/// (جديد، كبيرة) or a feminine فاعلة (تابعة، ناشئة). After an indefinite head noun it describes the body
/// (تحالف جديد للمتمردين، قوات تابعة للأمم المتحدة); a foreign name so short and so shaped is rare.
///
/// Fires: جديد ; صغيرة ; تابعة. Does not fire: هارفارد ; ليدز ; تابع (masculine فاعل, as often a noun).
fn is_plain_adjective(word: &str) -> bool {
    let c: Vec<char> = word.chars().take(6).collect();
    match c.len() {
        4 => c[2] == 'ي' && !matches!(c[3], 'ه' | 'ا' | 'ي' | 'و') && !matches!(c[0], 'ا' | 'ي'),
        5 => c[4] == 'ه' && (c[2] == 'ي' || c[1] == 'ا') && !matches!(c[0], 'ا' | 'ي' | 'و'),
        _ => false,
    }
}

/// Whether token `k` is a feminine noun with a possessive pronoun, its ة written ت before it (إدارته،
/// حكومتنا، قيادتهم): a possessed noun is no proper name (مجلس إدارته is its board).
///
/// Fires: إدارته ; حكومتنا ; قيادتهم. Does not fire: ثابتة (ة written, not ه) ; غوته (four letters).
fn is_possessed_feminine(seg: &Segment<'_, '_>, k: usize) -> bool {
    let word = seg.tokens.folded(k);
    word.chars().count() >= 5
        && (["تها", "تهم", "تنا", "تكم"]
            .iter()
            .any(|s| word.ends_with(s))
            || (word.ends_with("ته") && seg.last_char(k) == Some('ه')))
}

/// Whether an unknown word is an imperfect verb of three letters (يضم، يقع، يعد): ي + a hollow or doubled
/// root, which `looks_like_imperfect` leaves to names of four letters or more.
fn short_imperfect(word: &str) -> bool {
    word.starts_with('ي') && word.chars().count() == 3
}

/// Whether token `k`, the last complement of an organization's name, is a nationality with ال that says
/// where the body is from rather than naming it (نادي أندرليخت البلجيكي، جامعة ريكو اليابانية).
fn is_trailing_nationality(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    seg.has(k, EntryKind::Nationality) && l.definite() && !l.conj() && !l.lam()
}

/// Whether a known organization's name starts at token `k`, right after a head noun: the head is then a
/// word about it (حركة حماس، قوات الاتحاد الأفريقي، مفوضية الاتحاد الأوروبي), which `anercorp_lex` leaves
/// outside the name (قوات + a known name 5 of 5 times, حركة 12 of 15). A one-word entry that is also
/// vocabulary does not count.
fn names_known_org(seg: &Segment<'_, '_>, k: usize) -> bool {
    k < seg.len()
        && seg.lex[k].clitic_chars() == 0
        && seg.reading(k).clitic_chars == 0
        && seg.phrase_of(k, EntryKind::Organization).is_some_and(|p| {
            p.end - p.start > 1
                || !(seg.has(k, EntryKind::Common) || seg.has(k, EntryKind::Function))
        })
}

/// Whether token `k` is a word the lexicon does not know at all, written without ال or clitics, and not shaped
/// like an adjective, a verb or a plural (اتحاد طوعي، المجلس سيناقش، مجلس اتحادات): a foreign name in Arabic
/// letters (حزب ميرتس، جامعة هارفارد).
fn is_unknown_name(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    let word = seg.tokens.folded(k);
    l.is_unknown()
        && seg.is_word(k)
        && !l.definite()
        && !l.conj()
        && l.clitic_chars() == 0
        && word.chars().count() >= 3
        && word.starts_with(|c: char| ('\u{0621}'..='\u{064A}').contains(&c))
        && !word.ends_with("ات")
        && !is_singular_nisba(word)
        && !looks_like_imperfect(word)
        && !looks_like_imperfect(word.strip_prefix('س').unwrap_or(""))
        && !looks_like_verb(word)
        && !short_imperfect(word)
        && !is_possessed_feminine(seg, k)
}

/// The sub-kind of the head noun at token `head` (`university`, `company`, `club`…).
fn head_sub<'i>(seg: &Segment<'_, 'i>, head: usize) -> Option<&'i str> {
    seg.phrase_of(head, EntryKind::OrgHead)
        .and_then(|p| seg.index.entry(p.entry).entry.sub())
}

/// Whether head noun `head` names an organization by a place alone (جامعة صنعاء، اتحاد تطوان، دينامو زغرب).
/// After other heads a place is where the body sits, not its name (شرطة دبي، مؤتمر روما، مستشفى صنعاء:
/// `anercorp_lex` tags the place alone or nothing, 16 of 17 times).
fn head_takes_place(seg: &Segment<'_, '_>, head: usize) -> bool {
    head_sub(seg, head)
        .is_some_and(|sub| matches!(sub, "university" | "union" | "club" | "party" | "council"))
}

/// Whether a definite bank head and its complements `head + 1..end`, all masculine nisba adjectives, name a bank
/// (البنك الزراعي، للبنك الأهلي، المصرف العربي الدولي). A definite head + nisba is usually a description
/// (الحكومة اللبنانية، الجيش الأمريكي), but "the commercial bank" names one institution.
fn is_bank_name(seg: &Segment<'_, '_>, head: usize, end: usize) -> bool {
    seg.lex[head].definite()
        && end > head + 1
        && seg
            .phrase_of(head, EntryKind::OrgHead)
            .is_some_and(|p| seg.index.entry(p.entry).entry.sub() == Some("bank"))
        && (head + 1..end).all(|k| {
            let l = &seg.lex[k];
            l.definite()
                && !l.lam()
                && !l.conj()
                && !seg.has(k, EntryKind::Place)
                // masculine, as بنك and مصرف are: a feminine nisba qualifies another noun
                // (خطط البنك التنموية)
                && seg.tokens.folded(k).ends_with('ي')
        })
}

/// The proper name right after a head noun (rule `head-name`), which is the organization's name without
/// the head: a name
/// in quotes (شركة " زيلارو "، صحيفة « الشرق الأوسط »), foreign words the lexicon does not know (شركة
/// بتروليكا الفرنسية، صحيفة لوسوار), or a place after a newspaper noun (صحيفة القدس).
///
/// Fires: من إنتاج شركة بتروليكا ; مع شركة " زيلارو " ; نشرت صحيفة القدس. Does not fire: برنامج أوراق
/// دين (not a company or newspaper) ; قالت الشركة إن ; وصلت الصحيفة القدس ; قال تلفزيون دبي (a broadcaster's
/// town) ; وهي شركة تعاونية ناشئة (a feminine nisba agrees with the head: an adjective) ; شركة كهرباء
/// ليما (a noun in construct with a place).
fn name_after_head(seg: &Segment<'_, '_>, head: usize) -> Option<(usize, usize)> {
    let open = head + 1;
    // A quote after a definite head (القوات " دون تأخير ") is what the body said, not its name; in
    // `anercorp_lex` 37 of 40 quotes after an indefinite head are the name (صحيفة " القادسية ").
    if open < seg.len()
        && !seg.lex[head].definite()
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
    if sub == Some("media") && !seg.lex[head].definite() && !is_broadcaster(seg, head) {
        if let Some(end) = newspaper_title(seg, open) {
            return Some((open, end));
        }
    }
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
    if end < seg.len()
        && seg.is_word(end)
        && !seg.newline_before(end)
        && seg.has(end, EntryKind::Place)
        && !seg.lex[end].definite()
        && seg
            .reading(end)
            .clitic_chars
            .max(seg.lex[end].clitic_chars())
            == 0
    {
        // A bare place right after the words is their genitive (شركة نفط نيبال، شركة كهرباء ليما): the
        // words are a common noun the lexicon lacks, in a construct with the place, not a name.
        return None;
    }
    (end > open).then_some((open, end))
}

/// The heads of a broadcaster named after the town it sends from (تلفزيون دبي، إذاعة لندن): the place
/// there is the town, not the station's name, as `anercorp_lex` tags it. A channel (قناة الجزيرة) or a
/// newspaper (صحيفة القدس) takes a place as its name.
const BROADCASTERS: [&str; 2] = ["تلفزيون", "اذاعه"];

/// Whether the head noun at token `head` is a broadcaster's (تلفزيون، إذاعة, with clitic letters or none).
fn is_broadcaster(seg: &Segment<'_, '_>, head: usize) -> bool {
    let word = seg.tokens.folded(head);
    let stem = stem_of(seg, head, seg.reading(head).clitic_chars);
    BROADCASTERS.contains(&word) || BROADCASTERS.contains(&stem)
}

/// The end of a newspaper's title at token `k`, right after an indefinite newspaper noun (صحيفة، جريدة،
/// مجلة): a place there is the name the paper takes (صحيفة القدس، لجريدة الشرق الأوسط), not the place.
/// A definite noun (الصحيفة القدس) is no construct and is not asked.
fn newspaper_title(seg: &Segment<'_, '_>, k: usize) -> Option<usize> {
    if k >= seg.len()
        || !seg.is_word(k)
        || seg.newline_before(k)
        || seg.reading(k).clitic_chars != 0
    {
        return None;
    }
    seg.phrase_of(k, EntryKind::Place).map(|p| p.end)
}

/// Whether token `k`, right after a company or newspaper noun, is a foreign name that only looks like a
/// conjunction + a word or like a verb (فورد is not ف + ورد, فيرانو not ف + يراري, لاستامبا not a verb): no
/// conjunction or verb stands between such a noun and what follows it. The whole word must be unknown and
/// not an indefinite nisba (شركة يابانية، صحيفة فرنسية describe, they do not name). A later word of the name
/// may start with ف too when nothing is known of its stem (فيرانو), never with و (and).
fn is_foreign_whole(seg: &Segment<'_, '_>, k: usize) -> bool {
    if k >= seg.len() {
        return false;
    }
    let word = seg.tokens.folded(k);
    let l = &seg.lex[k];
    seg.is_word(k)
        && !seg.newline_before(k)
        && seg.index.word(word).is_none()
        && !l.definite()
        && !l.lam()
        && seg.reading(k).clitic_chars <= u8::from(l.conj())
        && l.clitic_chars() <= u8::from(l.conj())
        && !is_singular_nisba(word)
        && !looks_like_verb(word)
        && !has_pronoun_suffix(word)
        && word.chars().count() >= 4
        && !is_common_noun_shape(word)
}

/// Whether token `k` is a word the lexicon does not know (or knows as an organization), written without
/// ال, clitics or a verb's shape: a transliterated name (بتروليكا، زيلارو). Not a feminine nisba (شركة
/// إماراتية، مجلة أسبوعية، صحيفة يومية): an adjective agreeing with the head, which it describes.
fn is_foreign_word(seg: &Segment<'_, '_>, k: usize) -> bool {
    let l = &seg.lex[k];
    let word = seg.tokens.folded(k);
    seg.is_word(k)
        && !seg.newline_before(k)
        && (l.is_unknown() || l.has(EntryKind::Organization))
        && !l.definite()
        && !l.conj()
        && l.clitic_chars() == 0
        && seg.reading(k).clitic_chars == 0
        && !looks_like_verb(word)
        && !looks_like_imperfect(word)
        && !has_pronoun_suffix(word)
        && !(word.ends_with("يه") && word.chars().nth(3).is_some())
        && !is_common_noun_shape(word)
}

/// Whether an unknown folded word is shaped like an Arabic common noun rather than a transliterated name:
/// a verbal noun of the forms تفعيل or إفعال (تسويق، إنتاج), a plural in ات of five letters or more
/// (سيارات), a broken plural مفاعل or فعائل (مكاسب، رسائل) or a feminine participle مفعلة (مدرجة). After a
/// company or newspaper noun such a word says what the company does (شركة إنتاج، شركة سيارات), it does not
/// name it; the corpus-derived vocabulary knows most of these words, unseen text holds others.
///
/// Fires: تسويق ; انتاج ; سيارات ; مكاسب ; رسائل ; مدرجه. Does not fire: نوفارتيس ; فيات ; ميامي ; موتورولا.
fn is_common_noun_shape(word: &str) -> bool {
    let vowel = |ch: char| matches!(ch, 'ا' | 'و' | 'ي' | 'ه');
    let c: Vec<char> = word.chars().take(8).collect();
    let n = c.len();
    let form_iv = n == 5 && c[0] == 'ا' && c[3] == 'ا' && !vowel(c[1]) && !vowel(c[2]);
    let plural_at = n >= 5 && word.ends_with("ات");
    let broken = n == 5 && c[2] == 'ا' && ((c[0] == 'م' && !vowel(c[1])) || c[3] == 'ئ');
    let participle = n == 5 && c[0] == 'م' && c[4] == 'ه' && !c[1..4].iter().any(|&ch| vowel(ch));
    looks_like_masdar(word) || form_iv || plural_at || broken || participle
}

/// Whether the complements `start..end` make a proper name rather than a description: they hold a place
/// or an unknown name (مؤتمر حضرموت الجامع، مؤسسة كرونو الألمانية), a لِ- complement (الصندوق الاجتماعي
/// للتنمية), or three words or more (مكتب الشؤون الاجتماعية والعمل). Two plain words with ال (وزارة الطاقة
/// الأميركية، مجلس الإنماء الوطني) are as often a description, left untagged in news corpora.
fn is_distinctive_chain(seg: &Segment<'_, '_>, start: usize, end: usize) -> bool {
    end - start >= 3
        || (start..end).any(|k| {
            let l = &seg.lex[k];
            l.lam()
                || seg.has(k, EntryKind::Place)
                || (!l.definite() && (l.is_unknown() || is_in_names(seg, k)))
        })
}

/// Whether a short chain of complements `start..end` is distinctive only through a place: no لِ-
/// complement and no unknown word, a place among them that is no nisba (العربية names no town).
///
/// Fires: محكمة مدينة طنطا ; مستشفى دمياط العام. Does not fire: محكمة طنطا للأسرة (a لِ- complement) ;
/// مستشفى سانت ماري (an unknown word).
fn only_place_distinguishes(seg: &Segment<'_, '_>, start: usize, end: usize) -> bool {
    (start..end).any(|k| seg.has(k, EntryKind::Place) && !is_singular_nisba(seg.tokens.folded(k)))
        && !(start..end).any(|k| {
            let l = &seg.lex[k];
            l.lam()
                || (!seg.has(k, EntryKind::Place)
                    && !l.definite()
                    && (l.is_unknown() || is_in_names(seg, k)))
        })
}

/// Definite words (folded) that follow an organization's name without being part of it: when (الآن، الأسبوع
/// المقبل، الليلة، صباح، the days of the week), and its relation to another body or place (التابع للأمم
/// المتحدة، الواقعة في، السابق), and the state it is in, said of it by the writer (الحزب الحاكم، الجبهة
/// المتمردة، الهيئة … الجديد، الحركة المحظورة، المؤسسة العريقة). None is inside an ORG span of `anercorp_lex`
/// or `aqmar_train`. Left out: الجديدة (inside a name three times), المعارض(ة) and المستقلة, which are
/// also nouns or parts of names (مؤسسة المعارض، قوى المعارضة، الهيئة المستقلة للانتخابات).
const AFTER_NAME: [&str; 43] = [
    "الان",
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
    "الجديد",
    "الحاكم",
    "الحاكمه",
    "المحظور",
    "المحظوره",
    "المنحل",
    "المنحله",
    "المتمرد",
    "المتمرده",
    "النافذ",
    "النافذه",
    "العريق",
    "العريقه",
    "الموالي",
    "المواليه",
    "الشهير",
    "الشهيره",
];

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
            || seg.phrase_of(k, EntryKind::Role).is_some() && !l.definite();
        if person_trigger || looks_like_verb(seg.tokens.folded(k)) {
            break;
        }
        if k > start && AFTER_NAME.contains(&seg.tokens.folded(k)) {
            break;
        }
        let place = seg.has(k, EntryKind::Place);
        if k > start && participle_with_object(seg, k) {
            // A participle that governs a prepositional phrase (المدججة بالسلاح، المشاركة في) says what
            // the body does or holds, like a relative clause: the name ends before it.
            break;
        }
        if place && !l.definite() && k > start && after_nisba(seg, k) {
            // An adjective takes no genitive: a bare name after one (وكالة الأنباء القطرية قنا) is the
            // acronym or another entity, not part of the name.
            break;
        }
        let clitics = seg.reading(k).clitic_chars.max(l.clitic_chars());
        if clitics > u8::from(l.conj()) && !l.lam() {
            // ب/ك + word (بالإصلاحات، بدارفور) starts a prepositional phrase after the name.
            break;
        }
        let word = seg.tokens.folded(k);
        if l.conj() {
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
                || !l.definite()
                || l.lam()
                || fa
                || other
                || new_noun_phrase(seg, k)
            {
                break;
            }
            coordinated = true;
        } else if !l.definite()
            && !place
            && word.starts_with('ل')
            && !word.starts_with("لل")
            && !is_named(seg, k)
        {
            // لِ + a noun without ال (لتحقيق، لاصدار) is a purpose clause, not part of the name, unless
            // the noun governs a definite word right after the head's adjective (الاتحاد الإنجليزي لكرة
            // القدم، الرابطة الهولندية لصناعة الألبان): then both are.
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
        } else if l.lam() {
            // لِ + a noun without ال (لتحقيق) is a purpose clause; لِ + another head (للبنك، لمنظمة) is the
            // body this one belongs to, a name of its own (الجمعية العمومية | للبنك الزراعي).
            if coordinated || k == start || !l.definite() || seg.has(k, EntryKind::OrgHead) {
                break;
            }
        } else if !(l.definite()
            || place
            || (k == start
                && (l.is_unknown() || is_in_names(seg, k))
                && !looks_like_imperfect(word)
                && !short_imperfect(word)
                && !is_possessed_feminine(seg, k)
                && !has_pronoun_suffix(word)))
        {
            break;
        }
        end += 1;
    }
    end
}

/// Prepositions (folded) that open the object of a participle (المشاركة في، المسؤولة عن).
const PARTICIPLE_PREPOSITIONS: [&str; 7] = ["في", "من", "عن", "على", "علي", "الى", "مع"];

/// Whether token `k`, a complement after the first, is a participle with ال (ال + م, no nisba) followed by
/// its prepositional object — في، من، عن، على، إلى، مع or a word with ب (الفرقة المشاركة في، الميليشيا
/// المدججة بالسلاح): a description of the body, as a relative clause is, not a word of its name. A place
/// or a known name (الأمم المتحدة في) stays.
///
/// Fires: اتحاد الفصائل الوطنية المدججة بالسلاح ; بعثة المنتخب المشاركة في البطولة.
/// Does not fire: منظمة الأمم المتحدة في (a known name) ; اللجنة المنظمة للبطولة (ل: a complement).
fn participle_with_object(seg: &Segment<'_, '_>, k: usize) -> bool {
    let next = k + 1;
    if next >= seg.len() || !seg.is_word(next) {
        return false;
    }
    let l = &seg.lex[k];
    let word = seg.tokens.folded(k);
    let after = seg.tokens.folded(next);
    l.definite()
        && !l.conj()
        && !l.lam()
        && word.starts_with("الم")
        && word.chars().count() >= 6
        && !is_singular_nisba(word)
        && word != "المتحده"
        && !seg.has(k, EntryKind::Place)
        && !seg.has(k, EntryKind::Organization)
        && (PARTICIPLE_PREPOSITIONS.contains(&after)
            || (after.starts_with('ب')
                && seg
                    .reading(next)
                    .clitic_chars
                    .max(seg.lex[next].clitic_chars())
                    > 0))
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
        && !seg.lex[k - 1].lam()
        && !is_singular_nisba(seg.tokens.folded(k))
        && seg.lex[next].definite()
        && !seg.lex[next].conj()
        && seg.lex[next].clitic_chars() == 0
        && seg.reading(next).clitic_chars == 0
        && (is_singular_nisba(seg.tokens.folded(next)) || seg.has(next, EntryKind::Nationality))
}

/// Whether token `k`, لِ + a noun without ال, governs the definite word after it (الاتحاد الدولي لكرة القدم،
/// الرابطة الهولندية لصناعة الألبان): a لِ- complement of the name. A verb or a masdar of the derived forms
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
        && seg.lex[k].clitic_chars() <= 1
        && seg.lex[next].definite()
        && !seg.lex[next].conj()
        && !seg.lex[next].lam()
        && seg.reading(next).clitic_chars == 0
        && !seg.has(next, EntryKind::Function)
}

/// Whether the word before token `k` is a definite nisba adjective (القطرية، الدولي).
fn after_nisba(seg: &Segment<'_, '_>, k: usize) -> bool {
    seg.lex[k - 1].definite() && is_singular_nisba(seg.tokens.folded(k - 1))
}

#[cfg(test)]
mod tests {
    use super::{
        is_common_noun_shape, is_plain_adjective, short_imperfect, TEAM_NOUNS, TEAM_TAILS,
    };

    #[test]
    fn common_noun_shapes_are_no_company_names() {
        for w in ["انتاج", "سيارات", "مكاسب", "رسائل", "مدرجه", "تصدير"]
        {
            assert!(is_common_noun_shape(w), "{w}");
        }
        for w in ["نوفارتيس", "فيات", "ميامي", "موتورولا", "لوموند", "يونهاب"]
        {
            assert!(!is_common_noun_shape(w), "{w}");
        }
    }

    #[test]
    fn plain_adjectives_and_short_verbs_have_their_shapes() {
        // Folded words (ة as ه).
        for w in ["جديد", "كبير", "صغيره", "تابعه", "ناشئه"] {
            assert!(is_plain_adjective(w), "{w}");
        }
        for w in ["هارفارد", "ليدز", "تابع", "ريال", "اوكسفورد", "بيرزيت"]
        {
            assert!(!is_plain_adjective(w), "{w}");
        }
        assert!(short_imperfect("يضم") && short_imperfect("يقع"));
        assert!(!short_imperfect("ييلز") && !short_imperfect("يزيد"));
    }

    #[test]
    fn every_team_noun_ends_with_a_team_tail() {
        for noun in TEAM_NOUNS {
            assert!(
                TEAM_TAILS.iter().any(|t| noun.ends_with(t)),
                "{noun}: add it to TEAM_TAILS"
            );
        }
        for tail in TEAM_TAILS {
            assert!(TEAM_NOUNS.contains(&tail), "{tail} is no team noun");
        }
    }
}
