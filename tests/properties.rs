//! Property tests: whatever text comes in, extraction does not panic, every span is exact, the mentions
//! are ordered and disjoint, and the same input gives the same output on any thread.
//!
//! The generator is biased to Arabic news text and to what breaks offset arithmetic: real fragments from
//! the bundled lexicons (titles, roles, names, organization heads, places) so that the rules fire, with
//! clitics, harakat and tatweel anywhere, presentation forms, bidi and zero-width marks, mixed scripts,
//! Arabic-Indic digits, emoji, lone combining marks and very long words. The invariants themselves are in
//! `tests/support/invariants.rs`, shared with the fuzz target in `fuzz/`.
//!
//! Inputs that once broke an invariant (from the fuzzer or from these tests) are replayed from
//! `tests/data/robustness_cases.txt`.

#[path = "support/invariants.rs"]
mod invariants;

use std::sync::OnceLock;

use alam::{Entry, EntryKind, Error, Extractor, Gender, Kind, Lexicon, Rule};
use proptest::prelude::*;
use proptest::sample::{select, Index};

use invariants::check_extraction;

/// The lexicon files whose first column feeds the generator.
const FRAGMENT_FILES: [&str; 11] = [
    "titles.tsv",
    "roles.tsv",
    "particles.tsv",
    "given_names.tsv",
    "family_names.tsv",
    "org_heads.tsv",
    "organizations.tsv",
    "place_nouns.tsv",
    "places_countries.tsv",
    "nationalities.tsv",
    "speech_verbs.tsv",
];

/// The `TEXT` column of each file of [`FRAGMENT_FILES`], read once.
fn fragments() -> &'static [Vec<String>] {
    static FRAGMENTS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    FRAGMENTS.get_or_init(|| {
        FRAGMENT_FILES
            .iter()
            .map(|f| {
                let path = format!("{}/lexicons/{f}", env!("CARGO_MANIFEST_DIR"));
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
                text.lines()
                    .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                    .filter_map(|l| l.split('\t').next().map(str::to_string))
                    .collect()
            })
            .collect()
    })
}

/// A real lexicon fragment, sometimes behind clitics (لل replaces the article, as Arabic writes it).
fn fragment() -> impl Strategy<Value = String> {
    const CLITICS: [&str; 14] = [
        "", "", "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فل", "وك", "لل", "ولل",
    ];
    (
        0..FRAGMENT_FILES.len(),
        any::<Index>(),
        select(&CLITICS[..]),
    )
        .prop_map(|(f, i, clitic)| {
            let list = &fragments()[f];
            let word = &list[i.index(list.len())];
            match (clitic.strip_suffix("لل"), word.strip_prefix("ال")) {
                (Some(conj), Some(stem)) => format!("{conj}لل{stem}"),
                _ => format!("{clitic}{word}"),
            }
        })
}

/// Chars in `lo..=hi` (all of them valid scalar values).
fn char_in(lo: u32, hi: u32) -> impl Strategy<Value = char> {
    (lo..=hi).prop_map(|c| char::from_u32(c).expect("range without surrogates"))
}

/// An Arabic letter (U+0621–U+064A without tatweel, which is generated as a mark).
fn arabic_letter() -> impl Strategy<Value = char> {
    prop_oneof![char_in(0x0621, 0x063F), char_in(0x0641, 0x064A)]
}

/// Harakat, superscript alif, tatweel and the other marks folding drops.
fn arabic_mark() -> BoxedStrategy<char> {
    prop_oneof![
        char_in(0x064B, 0x0652),
        Just('\u{0670}'),
        Just('\u{0640}'),
        char_in(0x0610, 0x061A),
        char_in(0x06D6, 0x06ED),
    ]
    .boxed()
}

/// Bidi controls, zero-width characters, BOM and soft hyphen.
fn invisible() -> impl Strategy<Value = char> {
    select(vec![
        '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}',
        '\u{202C}', '\u{202D}', '\u{202E}', '\u{2060}', '\u{2066}', '\u{2067}', '\u{2068}',
        '\u{2069}', '\u{061C}', '\u{FEFF}', '\u{00AD}',
    ])
}

/// Combining marks of other scripts, which a word may start with.
fn foreign_mark() -> impl Strategy<Value = char> {
    prop_oneof![char_in(0x0300, 0x036F), char_in(0x20D0, 0x20F0)]
}

/// Arabic presentation forms, single chars and ligatures (U+FB50–FDFF, U+FE70–FEFF).
fn presentation_form() -> impl Strategy<Value = char> {
    prop_oneof![char_in(0xFB50, 0xFDFF), char_in(0xFE70, 0xFEFF)]
}

/// A word of random Arabic letters.
fn arabic_word() -> impl Strategy<Value = String> {
    prop::collection::vec(arabic_letter(), 1..9).prop_map(|v| v.into_iter().collect())
}

/// Words written with presentation forms: random ones and a few real ones (محمد، لا، الله، المكلا).
fn presentation_word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(presentation_form(), 1..6).prop_map(|v| v.into_iter().collect()),
        select(vec![
            "\u{FEE3}\u{FEA4}\u{FEE4}\u{FEAA}",
            "\u{FEFB}",
            "\u{FEED}\u{FEFB}\u{FEF3}\u{FE94}",
            "\u{FDF2}",
            "\u{FDFA}",
            "\u{FE8D}\u{FEDF}\u{FEE4}\u{FEDC}\u{FEFC}",
            "\u{FEED}\u{FE8D}\u{FEDF}\u{FEA4}\u{FEE0}\u{FE94}",
            "\u{FE70}\u{FE71}",
        ])
        .prop_map(str::to_string),
    ]
}

/// A run of digits: ASCII, Arabic-Indic or Eastern Arabic-Indic, maybe with Arabic separators.
fn number() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            char_in(0x30, 0x39),
            char_in(0x0660, 0x0669),
            char_in(0x06F0, 0x06F9),
            Just('\u{066B}'),
            Just('\u{066C}'),
        ],
        1..8,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn latin_word() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            char_in(0x61, 0x7A),
            char_in(0x41, 0x5A),
            char_in(0xC0, 0x17F)
        ],
        1..9,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn emoji() -> impl Strategy<Value = String> {
    prop_oneof![
        char_in(0x1F300, 0x1FAFF).prop_map(String::from),
        select(vec![
            "👨\u{200D}👩\u{200D}👧",
            "🇾🇪",
            "👍🏽",
            "❤\u{FE0F}",
            "\u{1F1FE}",
        ])
        .prop_map(str::to_string),
    ]
}

/// A very long word: one letter many times, or many random letters.
fn long_word() -> impl Strategy<Value = String> {
    prop_oneof![
        (arabic_letter(), 200usize..3000).prop_map(|(c, n)| std::iter::repeat_n(c, n).collect()),
        prop::collection::vec(arabic_letter(), 100..1500).prop_map(|v| v.into_iter().collect()),
    ]
}

/// Other scripts that an Arabic page quotes: Persian/Urdu letters, Hebrew, Syriac, CJK, Cyrillic.
fn other_script() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            select(vec!['پ', 'چ', 'ژ', 'گ', 'ک', 'ی', 'ھ', 'ہ', 'ۃ', 'ے', 'ٹ']),
            char_in(0x05D0, 0x05EA),
            char_in(0x0710, 0x072F),
            char_in(0x4E00, 0x4E40),
            char_in(0x0410, 0x044F),
        ],
        1..6,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// One piece of text, most often a real fragment or an Arabic word.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => fragment(),
        4 => arabic_word(),
        2 => presentation_word(),
        2 => number(),
        1 => latin_word(),
        1 => emoji(),
        1 => long_word(),
        1 => other_script(),
        1 => prop::collection::vec(arabic_mark(), 1..4).prop_map(|v| v.into_iter().collect()),
        1 => foreign_mark().prop_map(String::from),
        1 => invisible().prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// What stands between pieces: mostly a space, sometimes line ends, punctuation or odd whitespace.
fn separator() -> impl Strategy<Value = &'static str> {
    select(vec![
        " ",
        " ",
        " ",
        " ",
        " ",
        " ",
        " ",
        "",
        "\n",
        "\r\n",
        "\n\n",
        "\t",
        "  ",
        "\u{00A0}",
        "\u{2028}",
        "، ",
        " ، ",
        "؛ ",
        "؟ ",
        ". ",
        " «",
        "» ",
        " (",
        ") ",
        "-",
        " - ",
        ": ",
        "\u{200F} ",
        " \u{200E}",
    ])
}

/// A mark or invisible char to drop at a random position of the whole text.
fn sprinkle() -> impl Strategy<Value = (Index, char)> {
    (
        any::<Index>(),
        prop_oneof![arabic_mark(), invisible().boxed(), foreign_mark().boxed()],
    )
}

/// Puts each `(position, char)` at that char position of `text`.
fn sprinkled(text: String, marks: &[(Index, char)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, c) in marks {
        let i = at.index(chars.len() + 1);
        chars.insert(i, *c);
    }
    chars.into_iter().collect()
}

/// A text of pieces and separators, with marks and invisible chars sprinkled anywhere.
fn text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((piece(), separator()), 0..40),
        prop::collection::vec(sprinkle(), 0..6),
    )
        .prop_map(|(parts, marks)| {
            let joined: String = parts.iter().flat_map(|(p, s)| [p.as_str(), *s]).collect();
            sprinkled(joined, &marks)
        })
}

/// A word of a name: a given or family name of the lexicons, or a word they do not know (a foreign name).
fn name_word() -> impl Strategy<Value = String> {
    let list = |f: usize| {
        any::<Index>().prop_map(move |i| {
            let list = &fragments()[f];
            list[i.index(list.len())].clone()
        })
    };
    prop_oneof![3 => list(3), 3 => list(4), 2 => arabic_word()]
}

/// How a name comes up in a document that talks of a few people: introduced by a title, role, speech
/// verb or nationality, then written again whole, by its last or first word, behind clitics, next to
/// another name's word, or not at all (other text).
#[derive(Debug, Clone)]
enum Event {
    /// Introduced by a fragment of this file of [`FRAGMENT_FILES`], then its full name.
    Introduced(usize, Index),
    Full,
    Last(&'static str),
    First(&'static str),
    /// Its last word and another name's last word (or first word), side by side.
    SideBySide(Index, bool),
    Other(String),
}

fn event() -> impl Strategy<Value = Event> {
    let clitic = select(&["", "", "و", "ف", "ب", "ل", "وب", "لل"][..]);
    // titles, roles, nationalities, speech verbs
    let trigger = select(&[0usize, 0, 1, 9, 10, 10][..]);
    prop_oneof![
        3 => (trigger, any::<Index>()).prop_map(|(f, i)| Event::Introduced(f, i)),
        2 => Just(Event::Full),
        4 => clitic.clone().prop_map(Event::Last),
        1 => clitic.prop_map(Event::First),
        2 => (any::<Index>(), any::<bool>()).prop_map(|(i, first)| Event::SideBySide(i, first)),
        3 => piece().prop_map(Event::Other),
    ]
}

/// A document of recurring names: one to four names of one to three words, and what happens to each
/// in turn, so that the document pass finds names again, joins given names to family names, and meets
/// mentions it added itself.
fn recurring_names() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::collection::vec(name_word(), 1..4), 1..5),
        prop::collection::vec((any::<Index>(), event(), separator()), 1..40),
    )
        .prop_map(|(names, events)| {
            let mut text = String::new();
            for (who, event, sep) in events {
                let name = &names[who.index(names.len())];
                let (first, last) = (&name[0], &name[name.len() - 1]);
                match event {
                    Event::Introduced(f, i) => {
                        let list = &fragments()[f];
                        text.push_str(&list[i.index(list.len())]);
                        text.push(' ');
                        text.push_str(&name.join(" "));
                    }
                    Event::Full => text.push_str(&name.join(" ")),
                    Event::Last(clitic) => text.push_str(&format!("{clitic}{last}")),
                    Event::First(clitic) => text.push_str(&format!("{clitic}{first}")),
                    Event::SideBySide(other, first_word) => {
                        let other = &names[other.index(names.len())];
                        let word = if first_word {
                            &other[0]
                        } else {
                            &other[other.len() - 1]
                        };
                        text.push_str(&format!("{word} {last}"));
                    }
                    Event::Other(piece) => text.push_str(&piece),
                }
                text.push_str(sep);
            }
            text
        })
}

/// An extractor whose only lexicon is made of the text's own words, so that every odd word (presentation
/// forms, marks, emoji, digits) can be a title, a place or an organization head and the rules fire on it.
fn own_words_extractor(text: &str, picks: &[(Index, u8)]) -> Extractor {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut lex = Lexicon::new("own-words");
    for (i, k) in picks {
        if words.is_empty() {
            break;
        }
        let word = words[i.index(words.len())];
        let (kind, sub) = match k % 6 {
            0 => (EntryKind::Title, None),
            1 => (EntryKind::Place, Some("city")),
            2 => (EntryKind::OrgHead, Some("other")),
            3 => (EntryKind::PlaceNoun, Some("city")),
            4 => (EntryKind::Given, None),
            _ => (EntryKind::Person, None),
        };
        // Words that fold to nothing (marks only) are rightly refused.
        if let Ok(mut e) = Entry::new(word, kind) {
            if let Some(sub) = sub {
                e = e.with_sub(sub).expect("a valid sub");
            }
            if k & 8 != 0 {
                e = e.with_gender(Gender::Female);
            } else if kind == EntryKind::Given {
                e = e.with_gender(Gender::Male);
            }
            // A word drawn twice for one kind is refused as a repeat, as a file's second line would be.
            let _ = lex.push(e);
        }
    }
    Extractor::builder()
        .bundled(false)
        .lexicon(lex)
        .build()
        .expect("a lexicon built in code")
}

/// `cases` cases, scaled by `PROPTEST_CASES` / 256 when that is set (`PROPTEST_CASES=25600` runs a
/// hundred times as many cases, for a deeper search than the default quick run).
/// A custom rule pattern: a generic one (empty matches, matches inside words, whole lines, a `mention`
/// group that may take no part), or words of the text itself, escaped, maybe with a group after them.
fn pattern(text: &str, pick: Index, generic: &'static str, form: u8) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || form % 3 == 0 {
        return generic.to_string();
    }
    let w = regex::escape(words[pick.index(words.len())]);
    match form % 3 {
        1 => w,
        _ => format!(r"{w}\s*(?P<mention>\w+(?: \w+)?)"),
    }
}

const GENERIC_PATTERNS: [&str; 20] = [
    r"\w+",
    r"\w+ \w+",
    r"(?P<mention>\w+) \w+",
    r"\w+ (?P<mention>\w+)",
    r"(?P<mention>\w+)?",
    r"(?P<mention>)",
    ".",
    ".*",
    "(?s).*",
    r"\b",
    "x*",
    "",
    r"\S+",
    r"[^ ]+ ",
    r"و?ب?ال\w+",
    r"\d+",
    r"\n",
    r"الاستاذ (?P<mention>\w+ \w+)",
    r"(?:مدينه|محافظه) (?P<mention>\w+)",
    "(",
];

fn config(cases: u32) -> ProptestConfig {
    let default = ProptestConfig::default();
    ProptestConfig {
        cases: (u64::from(cases) * u64::from(default.cases) / 256).max(1) as u32,
        failure_persistence: None,
        ..default
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn bundled_lexicons_keep_every_invariant(text in text()) {
        let ex = Extractor::new();
        check_extraction(&ex, &text);
        // The token dump used to tune rules reads the same tokens: it must not panic either.
        prop_assert!(ex.explain(&text).lines().count() <= text.chars().count());
    }

    #[test]
    fn own_word_lexicons_keep_every_invariant(
        text in text(),
        picks in prop::collection::vec((any::<Index>(), any::<u8>()), 0..12),
    ) {
        let ex = own_words_extractor(&text, &picks);
        check_extraction(&ex, &text);
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// The document pass: names found again alone, with clitics, given names taken before family names
    /// (the overlap of issue 16 came from a given name that was a name the pass had just added).
    #[test]
    fn recurring_names_keep_every_invariant(text in recurring_names()) {
        let doc = check_extraction(&Extractor::new(), &text);
        let persons_only = Extractor::builder().kinds([Kind::Person]).build().expect("build");
        check_extraction(&persons_only, &text);
        prop_assert!(doc.mentions().len() <= text.split_whitespace().count());
    }
}

proptest! {
    #![proptest_config(config(4))]

    /// The same over 64 KiB, where the document pass reads each segment again from a summary, or
    /// (`low_memory`) tokenizes it again: the same document either way.
    #[test]
    fn long_recurring_names_keep_every_invariant(
        texts in prop::collection::vec(recurring_names(), 1..8),
    ) {
        let mut text = String::new();
        let mut k = 0;
        while text.len() < 150_000 {
            text.push_str(&texts[k % texts.len()]);
            text.push('\n');
            k += 1;
        }
        check_extraction(&Extractor::new(), &text);
        let lean = Extractor::builder().low_memory(true).build().unwrap();
        prop_assert_eq!(lean.extract(&text), Extractor::new().extract(&text));
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Custom rules read a folded haystack of their own and map matches back to tokens: every mention
    /// they give must be as exact as the built-in rules' mentions.
    #[test]
    fn custom_rules_keep_every_invariant(
        text in text(),
        rules in prop::collection::vec(
            (any::<Index>(), select(&GENERIC_PATTERNS[..]), any::<u8>(), select(&Kind::ALL[..])),
            1..4,
        ),
        bundled in any::<bool>(),
    ) {
        let mut b = Extractor::builder();
        b.bundled(bundled);
        for (n, (pick, generic, form, kind)) in rules.into_iter().enumerate() {
            let name = format!("r{n}");
            match Rule::new(&name, kind, &pattern(&text, pick, generic, form)) {
                Ok(rule) => {
                    b.rule(rule);
                }
                Err(Error::Rule { rule, .. }) => prop_assert_eq!(rule, name),
                Err(e) => panic!("unexpected error {e}"),
            }
        }
        check_extraction(&b.build().expect("rules build"), &text);
    }
}

proptest! {
    #![proptest_config(config(24))]

    /// `extract_each` hands out exactly the mentions of `extract`, in order.
    #[test]
    fn each_gives_the_mentions_of_extract(text in text()) {
        let ex = Extractor::new();
        let mut each = Vec::new();
        ex.extract_each(&text, |m| each.push(m));
        prop_assert_eq!(each, ex.extract(&text).into_mentions());
    }

    #[test]
    fn threads_agree_with_one_thread(texts in prop::collection::vec(text(), 1..6)) {
        let ex = Extractor::new();
        let alone: Vec<_> = texts.iter().map(|t| ex.extract(t)).collect();
        prop_assert_eq!(&ex.extract_many(&texts), &alone);
        let threads: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = texts.iter().map(|t| s.spawn(|| ex.extract(t))).collect();
            handles.into_iter().map(|h| h.join().expect("no panic")).collect()
        });
        prop_assert_eq!(&threads, &alone);
    }
}

proptest! {
    #![proptest_config(config(3))]

    /// Texts over 64 KiB are cut into segments: the cuts must keep every offset exact.
    #[test]
    fn long_texts_keep_every_invariant(
        parts in prop::collection::vec((piece(), separator()), 20..60),
        newlines in any::<bool>(),
    ) {
        let mut text = String::new();
        let mut k = 0;
        while text.len() < 150_000 {
            let (p, s) = &parts[k % parts.len()];
            text.push_str(p);
            text.push_str(if newlines || s.contains('\n') { s } else { " " });
            k += 1;
        }
        check_extraction(&Extractor::new(), &text);
        let lean = Extractor::builder().low_memory(true).build().unwrap();
        prop_assert_eq!(lean.extract(&text), Extractor::new().extract(&text));
    }
}

/// Undoes the escapes of `tests/data/robustness_cases.txt`: `\n`, `\r`, `\t`, `\\` and `\u{…}`.
fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                let code = u32::from_str_radix(&hex, 16).expect("hex in \\u{…}");
                out.push(char::from_u32(code).expect("a scalar value in \\u{…}"));
            }
            other => panic!("unknown escape \\{other:?} in {line:?}"),
        }
    }
    out
}

#[test]
fn replayed_cases_keep_every_invariant() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/robustness_cases.txt"
    );
    let data = std::fs::read_to_string(path).expect("tests/data/robustness_cases.txt");
    let cases: Vec<String> = data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(unescape)
        .collect();
    assert!(!cases.is_empty(), "no cases in {path}");
    let ex = Extractor::new();
    for text in &cases {
        check_extraction(&ex, text);
    }
}

#[test]
fn escapes_round_trip() {
    assert_eq!(unescape(r"a\tb\n\u{200F}\\"), "a\tb\n\u{200F}\\");
}

/// Texts over 64 KiB with no whitespace to cut at: the segment cut falls inside a word or between the
/// bytes of a long char's neighbours, and every offset must stay exact.
#[test]
fn texts_without_a_place_to_cut_keep_every_invariant() {
    let ex = Extractor::new();
    let texts = [
        format!("{}الأستاذ محمد عبدالله", "ب".repeat(40_000)),
        "😀".repeat(20_000) + " في مدينة المكلا",
        "\u{064E}".repeat(40_000),
        "\u{200F}".repeat(25_000),
        "\u{FEFB}\u{FDFA}".repeat(15_000),
        format!("{}\u{0640}في عدن", "ﻣﺤﻤﺪ".repeat(6_000)),
        "مدينة".repeat(15_000) + " المكلا",
    ];
    for text in &texts {
        assert!(text.len() > 1 << 16, "{} bytes", text.len());
        check_extraction(&ex, text);
    }
}
