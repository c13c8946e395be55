//! Loading lexicon files a user wrote: every snippet of `tests/data/lexicon_errors.txt` either loads with
//! the expected number of entries, or fails with the expected message naming the file, the line and the
//! reason. Also: a file's path names it in errors, and a file that cannot be read says so.

use alam::{Error, Extractor, Lexicon};

/// Undoes the escapes of a snippet: `\t \n \r \\ \"`, `\u{HEX}` (a char, as UTF-8) and `\xHH` (one byte).
fn unescape(snippet: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut chars = snippet.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            continue;
        }
        match chars.next() {
            Some('t') => out.push(b'\t'),
            Some('n') => out.push(b'\n'),
            Some('r') => out.push(b'\r'),
            Some('\\') => out.push(b'\\'),
            Some('"') => out.push(b'"'),
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(u8::from_str_radix(&hex, 16).expect("two hex digits after \\x"));
            }
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                let c = char::from_u32(u32::from_str_radix(&hex, 16).expect("hex in \\u{…}"))
                    .expect("a scalar value in \\u{…}");
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
            other => panic!("unknown escape \\{other:?} in {snippet}"),
        }
    }
    out
}

/// The cases of the data file: line number, snippet bytes, expected outcome.
fn cases() -> Vec<(usize, Vec<u8>, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/lexicon_errors.txt");
    let data = std::fs::read_to_string(path).expect("tests/data/lexicon_errors.txt");
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.is_empty())
        .map(|(i, l)| {
            let (quoted, expected) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("line {}: no tab before the expectation", i + 1));
            let snippet = quoted
                .strip_prefix('"')
                .and_then(|q| q.strip_suffix('"'))
                .unwrap_or_else(|| panic!("line {}: the snippet is not quoted", i + 1));
            (i + 1, unescape(snippet), expected.to_string())
        })
        .collect()
}

#[test]
fn every_snippet_loads_or_fails_as_expected() {
    let cases = cases();
    assert!(cases.len() > 40, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for (line, bytes, expected) in &cases {
        let got = match Lexicon::from_bytes("bad.tsv", bytes) {
            Ok(lex) => format!("ok {}", lex.len()),
            Err(e) => e.to_string(),
        };
        if &got != expected {
            failures.push(format!(
                "case on line {line}:\n  expected {expected}\n  got      {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn errors_give_their_line() {
    for (line, bytes, expected) in cases() {
        if let Err(e) = Lexicon::from_bytes("bad.tsv", &bytes) {
            let at: usize = expected
                .strip_prefix("bad.tsv:")
                .and_then(|r| r.split(':').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("case on line {line}: no line in `{expected}`"));
            assert_eq!(e.line(), Some(at), "case on line {line}");
        }
    }
}

#[test]
fn accepted_entries_keep_their_line_and_load_into_an_extractor() {
    let text = "\u{FEFF}# places\r\n\r\n عدن \t place \t sub = city \t\t\r\nالمكلا\tplace\tsub=city\tcountry=YE\r\n";
    let lex = Lexicon::parse("mine.tsv", text).unwrap();
    let lines: Vec<(usize, &str, Option<&str>)> = lex
        .entries()
        .iter()
        .map(|e| (e.line(), e.text(), e.sub()))
        .collect();
    assert_eq!(
        lines,
        [(3, "عدن", Some("city")), (4, "المكلا", Some("city"))]
    );
    let ex = Extractor::builder()
        .bundled(false)
        .lexicon(lex)
        .build()
        .unwrap();
    let doc = ex.extract("وصل إلى عدن ثم المكلا");
    let found: Vec<String> = doc
        .mentions()
        .iter()
        .map(|m| m.source().to_string())
        .collect();
    assert_eq!(found, ["lexicon:mine.tsv:3", "lexicon:mine.tsv:4"]);
}

#[test]
fn a_file_is_named_by_its_path() {
    let dir = std::env::temp_dir().join(format!("alam-lexicon-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mine.tsv");
    std::fs::write(&path, "عدن\tplace\tsub=city\nصنعاء\tplanet\n").unwrap();
    let err = Lexicon::from_path(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}:2: unknown kind `planet`", path.display())
    );
    let missing = dir.join("missing.tsv");
    let err = Lexicon::from_path(&missing).unwrap_err();
    assert!(matches!(err, Error::Io { .. }));
    assert!(
        err.to_string()
            .starts_with(&format!("cannot read {}: ", missing.display())),
        "{err}"
    );
    assert_eq!(err.line(), None);
    let err = Lexicon::from_path(&dir).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("cannot read {}: ", dir.display())),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_reader_that_fails_is_named() {
    struct Broken;
    impl std::io::Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    let err = Lexicon::from_reader("pipe", Broken).unwrap_err();
    assert_eq!(err.to_string(), "cannot read pipe: disk on fire");
}

/// An entry written with punctuation inside a word (`د.`, `بي. بي. سي`, `ديميرارا-بيربيس`) is matched
/// against the tokens the text is cut into, where each punctuation mark is a token of its own: such an
/// entry loads, and it matches.
#[test]
fn entries_with_punctuation_inside_words_match() {
    let text = "أ.د. غدير سالم\tperson\tgender=female\nبي. بي. سي\torganization\tsub=media\nأبر ديميرارا-بيربيس\tplace\tsub=region\n";
    let lex = Lexicon::parse("mine.tsv", text).unwrap();
    let ex = Extractor::builder()
        .bundled(false)
        .lexicon(lex)
        .build()
        .unwrap();
    let input = "نقلت بي.بي.سي عن أ.د. غدير سالم أنها زارت أبر ديميرارا - بيربيس";
    let doc = ex.extract(input);
    let got: Vec<(&str, &str)> = doc
        .mentions()
        .iter()
        .map(|m| (m.kind().as_str(), &input[m.span().range()]))
        .collect();
    assert_eq!(
        got,
        [
            ("organization", "بي.بي.سي"),
            ("person", "أ.د. غدير سالم"),
            ("place", "أبر ديميرارا - بيربيس"),
        ]
    );
}

/// The bundled title `د.` (with its dot a token of its own) stands before a name; the name ends at إن only
/// with the corpus vocabulary of `data-anercorp`.
#[cfg(feature = "data-anercorp")]
#[test]
fn the_bundled_abbreviated_title_matches() {
    let doc = Extractor::new().extract("قال د. محمد عبدالله الحامد إن");
    let p = &doc.mentions()[0];
    assert_eq!((p.text(), p.title()), ("محمد عبدالله الحامد", Some("د.")));
}

/// A path that never ends (`/dev/zero`) or any reader longer than `Lexicon::MAX_BYTES` is an error once
/// that much is read, not a process that fills the memory.
#[test]
fn reading_stops_at_the_cap() {
    #[cfg(unix)]
    {
        let err = Lexicon::from_path("/dev/zero").unwrap_err();
        assert!(matches!(err, Error::TooLarge { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            format!(
                "/dev/zero: larger than {} bytes: not a lexicon file (the most a lexicon may have)",
                Lexicon::MAX_BYTES
            )
        );
    }
    let endless = std::io::repeat(b'\n');
    let err = Lexicon::from_reader("endless", endless).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }), "{err}");
    // Exactly the cap is still read and parsed (blank lines: an empty lexicon).
    let at_cap = std::io::repeat(b'\n').take(Lexicon::MAX_BYTES);
    use std::io::Read;
    assert!(Lexicon::from_reader("at-cap", at_cap).unwrap().is_empty());
}

/// A bad field of megabytes is quoted by its first 100 chars and its length.
#[test]
fn errors_quote_at_most_a_hundred_chars_of_a_field() {
    let long = "ب".repeat(1_000_000);
    let cases = [
        format!("عدن\tplace\tsub={long}\n"),
        format!("عدن\t{long}\n"),
        format!("عدن\tplace\tsub=city\t{long}\n"),
        format!("عدن\tplace\tsub=city\t{long}=x\n"),
        format!("عدن\tplace\tsub=city\tcountry={long}\n"),
        format!("هند\tgiven\tgender={long}\n"),
        format!("عدن\tplace\tsub=city\tfold={long}\n"),
    ];
    for text in &cases {
        let msg = Lexicon::parse("big.tsv", text).unwrap_err().to_string();
        assert!(msg.len() < 600, "{} bytes: {}", msg.len(), &msg[..600]);
        assert!(msg.contains("… (1000000 chars)"), "{msg}");
    }
    let err = format!("{long}\tplanet")
        .parse::<alam::EntryKind>()
        .unwrap_err();
    assert!(err.to_string().len() < 600);
}

/// Entries built in code are checked as a file's lines are: the text, the attribute values, the attributes
/// a kind needs and repeats; a refused entry leaves the lexicon as it was.
#[test]
fn entries_built_in_code_are_checked_like_lines() {
    use alam::{Entry, EntryKind, Gender};
    assert!(Entry::new("  ", EntryKind::Common).is_err());
    assert!(Entry::new("عدن\u{7}", EntryKind::Common).is_err());
    let place = || Entry::new("المعلا", EntryKind::Place).unwrap();
    assert!(place().with_sub("").is_err());
    assert!(place().with_sub("ci ty").is_err());
    assert!(place().with_country("ye").is_err());
    assert!(place().with_parent("a=b").is_err());
    assert!(place().with_parent("عدن\tx").is_err());

    let mut lex = Lexicon::new("code");
    let err = lex.push(place()).unwrap_err();
    assert!(matches!(&err, Error::Entry { lexicon: Some(l), .. } if l == "code"));
    assert!(lex.is_empty());
    let err = lex
        .push(Entry::new("هند", EntryKind::Given).unwrap())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "code: entry `هند`: a given name needs `gender=`"
    );
    lex.push(
        place()
            .with_sub("district")
            .unwrap()
            .with_country("YE")
            .unwrap()
            .with_parent("عدن")
            .unwrap(),
    )
    .unwrap();
    lex.push(
        Entry::new("هند", EntryKind::Given)
            .unwrap()
            .with_gender(Gender::Female),
    )
    .unwrap();
    // The same name as another kind is fine; as the same kind, a repeat.
    lex.push(Entry::new("المعلا", EntryKind::Common).unwrap())
        .unwrap();
    assert!(lex.push(place().with_sub("city").unwrap()).is_err());
    assert_eq!(lex.len(), 3);
    // A parsed lexicon refuses a pushed repeat of one of its lines too.
    let mut parsed = Lexicon::parse("mine.tsv", "عدن\tplace\tsub=city\n").unwrap();
    let again = Entry::new("عَدن", EntryKind::Place)
        .unwrap()
        .with_sub("town")
        .unwrap();
    assert_eq!(
        parsed.push(again).unwrap_err().to_string(),
        "mine.tsv: entry `عَدن`: it repeats entry 1 (`عدن`, place): entries of one kind must differ after folding"
    );
}
