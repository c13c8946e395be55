//! # alam — people, organizations and places in Arabic text
//!
//! `alam` (from اسم علم, "proper noun") finds the people, organizations and places in Arabic news text
//! with gazetteers and pattern rules: no model, no downloads, pure Rust. Every mention carries its exact
//! byte and char offsets into the text you gave, whatever diacritics, tatweel, presentation forms or
//! invisible marks it contains.
//!
//! ```
//! let text = "وفي افتتاح الندوة حضر الأستاذ محمد عبدالله الحامد والأستاذة أوسان محمد باحسين";
//! let doc = alam::Extractor::new().extract(text);
//! let people: Vec<_> = doc.persons().iter().map(|p| (p.name(), p.title(), p.gender())).collect();
//! assert_eq!(people, [
//!     ("محمد عبدالله الحامد", Some("الأستاذ"), Some(alam::Gender::Male)),
//!     ("أوسان محمد باحسين", Some("الأستاذة"), Some(alam::Gender::Female)),
//! ]);
//! for m in doc.mentions() {
//!     assert_eq!(&text[m.span().range()], m.text());
//! }
//! ```
//!
//! # Overview
//!
//! The crate has one entry point, [`Extractor`]. [`Extractor::new`] gives the extractor with the bundled
//! lexicons; it is built once per process, cheap to clone, and `Send + Sync`, so build it once and share
//! it. [`Extractor::builder`] returns an [`ExtractorBuilder`] to add your own [`Lexicon`]s and [`Rule`]s,
//! turn bundled tiers on or off, and choose the [`Kind`]s to report.
//!
//! [`Extractor::extract`] takes any `&str` of up to [`Span::MAX_OFFSET`] bytes (4 GiB − 1: offsets are
//! 32-bit; [`Extractor::try_extract`] returns an error for a longer text, `extract` panics) and returns a
//! [`Document`]:
//!
//! * [`Document::mentions`]: every [`Mention`] in text order — its [`Kind`] (person, organization,
//!   place), its [`Span`] in the original text, its text as written, where it came from ([`Source`]: a
//!   lexicon line or a named rule), and per kind a title, role and [`Gender`] (persons) or a [`SubKind`]
//!   (city, governorate, ministry… from a documented vocabulary, one per name) and country (places,
//!   organizations). Places inside an organization's name are [`Mention::nested`].
//! * [`Document::persons`], [`Document::organizations`], [`Document::places`]: the entities, each
//!   gathering every mention of one name in the document ([`Person`], [`Organization`], [`Place`]).
//!
//! A `Document<'t>` borrows the text it was extracted from, as a `regex::Match<'h>` borrows its
//! haystack: a mention's text, a person's role and an entity's name are slices of it, not copies, so
//! a mention costs a hundred bytes or so whatever its length. [`Document::into_owned`] (and
//! `into_owned` on each mention and entity) copies what it borrows into a `Document<'static>`, to keep
//! it after the text is gone; [`Extractor::extract_stream`], whose texts it drops, hands out owned
//! documents, and deserialized ones are owned too.
//!
//! ```
//! let text = String::from("زار الأستاذ محمد عبدالله الحامد مدينة المكلا");
//! let doc = alam::Extractor::new().extract(&text);
//! let first = &doc.mentions()[0];
//! // The mention's text is the caller's own bytes: the same address, not a copy.
//! assert!(std::ptr::eq(first.text(), &text[first.span().range()]));
//! let kept: alam::Document<'static> = doc.into_owned();
//! drop(text);
//! assert_eq!(kept.persons()[0].name(), "محمد عبدالله الحامد");
//! ```
//!
//! How it works, in short: the text is cut into segments of at most 64 KiB and tokens; each token is
//! *folded* (see [Normalization](#normalization)) and looked up in the lexicons under each of its clitic
//! readings (و، ف، ب، ل، ك، لل); rules propose candidates from trigger words (a title before a name, a head
//! noun such as وزارة before an organization's name, a place noun such as مدينة); one resolution policy
//! (strongest evidence, then longest, then leftmost) keeps non-overlapping mentions; finally names found with
//! a title are looked for again in the rest of the document, also by the family name alone. The modules
//! of this pipeline, what each owns, and where a new rule, lexicon kind or output field goes are laid out
//! in `ARCHITECTURE.md` in the repository.
//!
//! # Examples
//!
//! ### Extract people with their titles
//!
//! The title is not part of the name's span; it is a field of the mention, in its canonical form (here
//! `الأستاذة` though the text has `للأستاذة`), with its own span. Gender comes from the title, the role or
//! the given name.
//!
//! ```
//! use alam::{Extractor, Gender, Kind};
//!
//! let text = "وقدّم الشكر للأستاذة أوسان محمد باحسين والدكتور عبدالعزيز سعيد الصيغ";
//! let doc = Extractor::new().extract(text);
//! for m in doc.mentions().iter().filter(|m| m.kind() == Kind::Person) {
//!     println!("{} — {:?}, {:?}", m.text(), m.title(), m.gender());
//! }
//! let first = &doc.mentions()[0];
//! assert_eq!(first.text(), "أوسان محمد باحسين");
//! assert_eq!(first.title(), Some("الأستاذة"));
//! assert_eq!(first.gender(), Some(Gender::Female));
//! assert_eq!(doc.mentions()[1].title(), Some("الدكتور"));
//! ```
//!
//! ### Iterate over organizations and the places in their names
//!
//! ```
//! let text = "وأكد المشاركون في الندوة التي نظمها مؤتمر حضرموت الجامع في مقر وزارة الصحة العامة والسكان";
//! let doc = alam::Extractor::new().extract(text);
//! let names: Vec<_> = doc.organizations().iter().map(|o| o.name()).collect();
//! assert_eq!(names, ["مؤتمر حضرموت الجامع", "وزارة الصحة العامة والسكان"]);
//!
//! for m in doc.mentions().iter().filter(|m| m.kind() == alam::Kind::Organization) {
//!     for place in m.nested() {
//!         assert_eq!((m.text(), place.text()), ("مؤتمر حضرموت الجامع", "حضرموت"));
//!     }
//! }
//! ```
//!
//! ### Load a custom lexicon
//!
//! A lexicon is a text file in the format described in [Lexicons](#lexicons); load it with
//! [`Lexicon::from_path`] (errors name the file and line), or parse a string, or build one in code.
//!
//! ```
//! use alam::{Entry, EntryKind, Extractor, Lexicon};
//!
//! // From a file: `let lex = Lexicon::from_path("my_places.tsv")?;`
//! let mut lex = Lexicon::parse("newsroom", "القلوعة\tplace\tsub=town\tcountry=YE\n")?;
//! lex.push(Entry::new("المحافظ", EntryKind::Title)?.with_gender(alam::Gender::Male))?;
//!
//! let ex = Extractor::builder().lexicon(lex).build()?;
//! let doc = ex.extract("وصل المحافظ سالم بن بريك إلى القلوعة");
//! assert_eq!(doc.persons()[0].name(), "سالم بن بريك");
//! assert_eq!(doc.places()[0].name(), "القلوعة");
//! assert_eq!(doc.mentions()[1].source().to_string(), "lexicon:newsroom:1");
//! # Ok::<(), alam::Error>(())
//! ```
//!
//! ### Add a rule
//!
//! A [`Rule`] is a regular expression over the folded text; its matches become mentions when they cover
//! whole words (clitics left out), and they compete with the built-in rules on the same terms.
//!
//! ```
//! use alam::{Extractor, Kind, Rule};
//!
//! let striker = Rule::new("striker", Kind::Person, r"المهاجم (?P<mention>\w+ \w+)")?;
//! let ex = Extractor::builder().bundled(false).rule(striker).build()?;
//! let doc = ex.extract("وسجّل المهاجم وليد الجيلاني هدفاً");
//! let m = &doc.mentions()[0];
//! assert_eq!((m.text(), m.source().to_string().as_str()), ("وليد الجيلاني", "rule:striker"));
//! # Ok::<(), alam::Error>(())
//! ```
//!
//! ### Serialize to JSON
//!
//! With the `serde` feature (on by default) every result type implements `serde::Serialize` and
//! `serde::Deserialize`. A mention serializes as `kind`, `text`, `start`, `end` (bytes), `char_start`,
//! `char_end`, `title`, `title_span`, `role`, `role_span`, `gender` (persons only), `sub_kind`,
//! `country`, `source`, `entity` and `nested`, in this order, and reads back as it was. `title_span` and
//! `role_span` are `null` or an object `{"start", "end", "char_start", "char_end"}` (bytes and chars, ends
//! exclusive, clitics left out), as [`Mention::title_span`] and [`Mention::role_span`] give them.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! let doc = alam::Extractor::new().extract("في مدينة المكلا");
//! let json = serde_json::to_value(&doc.mentions()[0]).unwrap();
//! assert_eq!(json["kind"], "place");
//! assert_eq!(json["text"], "المكلا");
//! assert_eq!((json["start"].as_u64(), json["char_start"].as_u64()), (Some(16), Some(9)));
//! assert_eq!(json["source"], "rule:place-noun");
//!
//! let text = "وقال وزير الخارجية الدكتور عبدالعزيز سعيد الصيغ";
//! let json = serde_json::to_value(&alam::Extractor::new().extract(text).mentions()[0]).unwrap();
//! let role = &json["role_span"];
//! let (start, end) = (role["start"].as_u64().unwrap(), role["end"].as_u64().unwrap());
//! assert_eq!(&text[start as usize..end as usize], "وزير الخارجية");
//! assert_eq!(json["title_span"]["char_start"], 19);
//!
//! let whole = serde_json::to_string(&doc).unwrap(); // mentions, persons, organizations, places
//! assert!(whole.starts_with("{\"mentions\":["));
//! # }
//! ```
//!
//! ### Process many documents
//!
//! [`Extractor::extract_many`] runs over all cores (with the default `parallel` feature) and returns the
//! documents in input order. For a large corpus, feed it batches so memory stays bounded; the `extract`
//! example does this for folders of files (`cargo run --release --example extract -- --format jsonl DIR`).
//!
//! ```
//! let ex = alam::Extractor::new();
//! let articles = vec![
//!     "في مدينة المكلا".to_string(),
//!     "الأستاذ محمد عبدالله الحامد".to_string(),
//!     String::new(),
//! ];
//! for batch in articles.chunks(2) {
//!     for doc in ex.extract_many(batch) {
//!         println!("{} mentions", doc.mentions().len());
//!     }
//! }
//! let docs = ex.extract_many(&articles);
//! assert_eq!(docs.iter().map(|d| d.mentions().len()).collect::<Vec<_>>(), [1, 1, 0]);
//! ```
//!
//! Or let [`Extractor::extract_stream`] do the batching: it takes any iterator of texts (lines of a
//! file, rows of a database), reads it lazily and hands out the documents in order, holding only a window
//! of a few hundred texts per thread (`cargo run --release --example extract -- --lines DUMP.txt` reads a
//! one-article-a-line dump this way, offsets relative to each line).
//!
//! ```
//! let ex = alam::Extractor::new();
//! let lines = ["في مدينة المكلا", "الأستاذ محمد عبدالله الحامد", ""];
//! let counts: Vec<usize> = ex.extract_stream(lines).map(|d| d.mentions().len()).collect();
//! assert_eq!(counts, [1, 1, 0]);
//! ```
//!
//! One very long text (a book, a 100 MB dump read whole) is best read with
//! [`Extractor::extract_each`], which hands its mentions out one at a time, in text order and numbered
//! as [`Extractor::extract`] numbers them, without holding a [`Document`] of them all (the `extract`
//! example's `jsonl` output of one file works so).
//!
//! ```
//! let ex = alam::Extractor::new();
//! let mut places = 0;
//! ex.extract_each("من عدن إلى المكلا ثم إلى عدن", |m| {
//!     places += usize::from(m.kind() == alam::Kind::Place);
//! });
//! assert_eq!(places, 3);
//! ```
//!
//! # Offsets
//!
//! A [`Span`] gives UTF-8 byte offsets ([`Span::start`], [`Span::end`], [`Span::range`]) and char
//! offsets ([`Span::char_start`], [`Span::char_end`]: counts of Rust `char`s, i.e. Unicode scalar values,
//! from the start of the text; not UTF-16 units, not grapheme clusters). Ends are exclusive. For every
//! mention `&text[m.span().range()] == m.text()`, and the bytes are on char boundaries. Folding never
//! moves an offset: matching reads a folded copy, every reported offset points into your text.
//!
//! A span covers whole words of the original text with three exceptions, all on its edges:
//!
//! * clitics are never inside a span: `بالمكلا` gives `المكلا`, `وللأستاذة` gives its title without `و`
//!   and `ل`; harakat on a clitic stay with the clitic;
//! * harakat and tatweel inside or at the end of a word stay in the span (`المُكَلّا`), but a haraka with no
//!   letter before it does not start one;
//! * invisible controls (U+200B–U+200F, U+202A–U+202E, U+2060, U+2066–U+2069, U+061C, U+FEFF) are never at
//!   either edge.
//!
//! ```
//! let text = "وصلوا \u{200F}بالمُكَلّا\u{200E} أمس";
//! let doc = alam::Extractor::new().extract(text);
//! let m = &doc.mentions()[0];
//! assert_eq!(m.text(), "المُكَلّا");
//! assert_eq!(&text[m.span().range()], m.text());
//! assert_eq!(text.chars().skip(m.span().char_start()).take(m.span().char_end() - m.span().char_start())
//!     .collect::<String>(), m.text());
//! ```
//!
//! # Normalization
//!
//! Lexicon entries, rule patterns and the text are compared in a *folded* form ([`fold`]), one character
//! at a time:
//!
//! 1. Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) become their compatibility decomposition
//!    (`ﻻ` → `لا`); an isolated haraka form vanishes. The result is folded by the next steps.
//! 2. Dropped: harakat and other Arabic combining marks (U+0610–U+061A, U+064B–U+065F, U+0670,
//!    U+06D6–U+06DC, U+06DF–U+06E4, U+06E7–U+06E8, U+06EA–U+06ED), tatweel U+0640, and the invisible
//!    controls listed under [Offsets](#offsets).
//! 3. Letters: `أ إ آ ٱ` → `ا`; `ى ی` → `ي`; `ة ھ ہ` → `ه`; `ک` → `ك`.
//! 4. Digits: Arabic-Indic `٠–٩` and Persian `۰–۹` → ASCII `0–9`.
//! 5. ASCII letters are lower-cased. Everything else is kept.
//!
//! [`fold`] of a whole string also collapses every run of whitespace to one space, as lexicon entries are
//! stored. Clitics are not folded away: they are tried as readings of a word at match time (whole word
//! first, then و/ف, then ب/ل/ك, then لل read as ل + ال, then a conjunction and a preposition together), so
//! a name such as وليد or بدر is never cut.
//!
//! ```
//! assert_eq!(alam::fold("الأُسْتَاذَة"), "الاستاذه");
//! assert_eq!(alam::fold("مستشفى  ٢٢ مايو"), "مستشفي 22 مايو");
//! ```
//!
//! # Lexicons
//!
//! A lexicon is UTF-8 text, one entry a line: the entry as written, a tab, its kind, then optional
//! `key=value` attributes separated by tabs. Blank lines and lines starting with `#` are skipped; a BOM and
//! CRLF line ends are accepted.
//!
//! ```text
//! # my_places.tsv (each <TAB> is one tab character)
//! القلوعة<TAB>place<TAB>sub=town<TAB>country=YE<TAB>parent=التواهي
//! جمعية الإصلاح الخيرية<TAB>organization<TAB>sub=association
//! المحافظ<TAB>title<TAB>gender=male<TAB>cat=political
//! وليد<TAB>given<TAB>gender=male
//! ```
//!
//! The kinds ([`EntryKind`]) are names — `person`, `given`, `family`, `particle`, `organization`, `place`
//! (which needs `sub=`) — trigger words — `title`, `role`, `org-head`, `place-noun`, `speech-verb` — and
//! vocabulary that blocks false names — `nationality`, `common`, `function`. Attributes are `gender`
//! (`male`, `female`, `unisex`), `sub` (a [`SubKind`] such as `city` or `ministry`), `cat` (a title's
//! category), `country` (ISO 3166-1 alpha-2), `parent` (the enclosing place) and `fold` (checked against
//! the fold of the text). Any mistake is an [`Error`] that names the file, the line and the reason.
//!
//! To add entries for your application, put them in a file of your own and pass it to
//! [`ExtractorBuilder::lexicon`]: it is added to the bundled lexicons (or replaces them with
//! [`ExtractorBuilder::bundled`]`(false)`). A multi-word entry wins over a one-word entry; a one-word
//! name that is also a `common` word needs a trigger around it to be reported. To fix the bundled data
//! itself, edit the files in `lexicons/` of the repository; the generated ones are rebuilt with
//! `tools/build_lexicons.py` and every file is checked by `tools/check_lexicons.py`.
//!
//! The bundled lexicons come in tiers ([`Tier`]): [`Tier::Default`] (countries, subdivisions, cities,
//! Yemeni governorates and districts, given and family names, titles, roles, organizations, trigger words)
//! and the opt-in [`Tier::YemenVillages`] (about 30,000 uzlas and villages, off by default because many
//! are also common words; turn it on with [`ExtractorBuilder::tier`]). Where each file comes from, its
//! licence and how it is built are documented in `lexicons/README.md` and `lexicons/NOTICE`.
//!
//! A name is often in several files with different sub-kinds (صنعاء is a governorate, a CLDR subdivision
//! and a city): its mentions report one, the first by [`SubKind::precedence`] (a city in any file is a
//! city; a governorate stays a governorate), whichever entry or rule found them. A `sub=` value outside
//! the vocabulary of [`SubKind`] is reported as [`SubKind::Other`].
//!
//! ```
//! use alam::{Extractor, Lexicon, SubKind};
//! let lex = Lexicon::parse("mine", "سوق الملح\tplace\tsub=souk\n")?;
//! let ex = Extractor::builder().lexicon(lex).build()?;
//! let doc = ex.extract("من سوق الملح في صنعاء إلى حضرموت");
//! let subs: Vec<_> = doc.mentions().iter().map(|m| m.sub_kind()).collect();
//! # #[cfg(feature = "data-geonames")] // where صنعاء is a city
//! assert_eq!(subs, [Some(SubKind::Other("souk".into())), Some(SubKind::City), Some(SubKind::Governorate)]);
//! # Ok::<(), alam::Error>(())
//! ```
//!
//! # Accuracy
//!
//! Entity-level exact match (same type, same first and last token), PERS/LOC/ORG, on the files of the
//! evaluation kit: ANERcorp news (`anercorp_lex`, from which the corpus lexicons are harvested, scored in
//! 5-fold cross-validation with lexicons rebuilt from the other folds; `anercorp_dev`, never used to build
//! anything) and AQMAR Arabic Wikipedia (another domain). Errors are read on the first two only; the dev
//! files are only scored. Reproduce with `cargo run --release --example evaluate -- FILE` (any CoNLL file;
//! `--errors` lists false hits and misses) and `python3 tools/accuracy_table.py`.
//!
//! | data | PERS F1 | LOC F1 | ORG F1 | micro P | micro R | micro F1 |
//! |---|---:|---:|---:|---:|---:|---:|
//! | ANERcorp `anercorp_lex` (news), 5-fold CV | 0.802 | 0.865 | 0.704 | 0.848 | 0.792 | **0.819** |
//! | the same, harvested lexicons left empty (no name of the corpus known) | 0.676 | 0.855 | 0.678 | 0.770 | 0.760 | **0.765** |
//! | AQMAR `aqmar_train` (Wikipedia) | 0.605 | 0.714 | 0.573 | 0.763 | 0.575 | **0.656** |
//! | ANERcorp dev (news, 1,720 entities) | 0.814 | 0.896 | 0.759 | 0.855 | 0.803 | **0.829** |
//! | AQMAR dev (Wikipedia, 552 entities) | 0.775 | 0.685 | 0.600 | 0.752 | 0.687 | **0.718** |
//!
//! The cross-validated figure is the one to expect on unseen news; the second row, on news about people
//! and bodies the corpus never mentions.
//!
//! The acceptance article (`tests/data/seed_article.txt`) comes out exactly as its gold file says (every
//! mention with exact bounds, titles and genders), which `tests/seed.rs` asserts. More in `ACCURACY.md`
//! in the repository.
//!
//! # Performance
//!
//! Throughput of [`Extractor::extract`] on news text and the cost of building an extractor, measured with
//! the criterion benches in `benches/` (`cargo bench`). The bundled lexicons are compiled into tables by
//! `build.rs` and read in place, so nothing is parsed at run time; [`Extractor::new`] builds the index once
//! per process, and later calls share it.
//!
//! Measured with `cargo bench --bench extract` on a quiet 2-vCPU AMD EPYC (2.6 GHz), rustc 1.95, on 3 Dec
//! 2026 (MB = 10⁶ bytes), with the floor in the same run; the host's speed varies from hour to hour, so
//! compare each row with the floor of its own run; peak memory with `/usr/bin/time -v`. Details, earlier
//! rounds and what was optimized: `benches/README.md` in the repository.
//!
//! | benchmark (single thread unless said) | result |
//! |---|---:|
//! | `extract`, 10.8 MB of news | 71.4 MB/s (151 ms) |
//! | bare aho-corasick scan of the lexicon names, same text (the floor) | 108.3 MB/s (1.52× faster than extraction) |
//! | adversarial, 1 MB each: news / one title repeated / given names in a row / one word / harakat | 53.4 / 258 / 66.3 / 448 / 352 MB/s on 25 Nov |
//! | building the default extractor (index of the lexicons compiled by `build.rs`) | 3.7 ms warm, 6.1–7.2 ms the first in a process |
//! | 1,600 documents: sequential / `extract_many` on 2 cores | 58.5 / 119.8 MB/s (2.05×) |
//! | peak memory of the `extract` example on a 10.8 MB file / 100.3 MB of news (the final code) | 38.1 MB / 169.4 MB; 35.0 MB / 149.3 MB with [`ExtractorBuilder::low_memory`] |
//!
//! These are the code of 3 Dec 11:52 UTC; the rules and speed work since run 23.2 % fewer instructions
//! on the same news (about 93 MB/s by that count; no quiet run was possible after it: see
//! `benches/README.md`); the memory row is of the final code.
//!
//! # Untrusted input
//!
//! Any `&str` is valid input to [`Extractor::extract`]: it does not panic, and its memory is bounded by
//! the 64 KiB segment size plus the results. Lexicons and rule patterns from users are checked when
//! loaded and return an [`Error`]; a rule pattern is compiled by the [`regex`](https://docs.rs/regex)
//! crate, whose matching time is linear in the text.
//!
//! # Crate features
//!
//! * `parallel` (default): [`Extractor::extract_many`] and [`Extractor::extract_stream`] run over all
//!   cores with `rayon`. Without it (`default-features = false`) they run on the calling thread, with
//!   the same results.
//! * `serde` (default): `Serialize` and `Deserialize` for [`Mention`], [`Span`], [`Kind`], [`Gender`],
//!   [`SubKind`], [`Source`], [`Document`], [`Person`], [`Organization`] and [`Place`].
//! * Data, one feature per licence of the bundled lexicons (the crate's code is MIT OR Apache-2.0; the
//!   MIT, CC0-1.0 and Apache-2.0 data is always compiled in):
//!   * `data-anercorp` (default, CC-BY-SA-4.0): names and common words harvested from the ANERcorp
//!     corpus. Worth most of the accuracy: without it micro F1 on ANERcorp dev drops from 0.833 to 0.688.
//!   * `data-cldr` (default, Unicode-3.0): Unicode CLDR countries, subdivisions and cities.
//!   * `data-geonames` (default, CC-BY-4.0): GeoNames cities.
//!   * `data-villages` (off, MIT with a provenance caveat): the files of [`Tier::YemenVillages`]; asking
//!     for that tier without it is an [`Error::MissingFeature`].
//!
//!   With `default-features = false` the binary holds only MIT, CC0-1.0 and Apache-2.0 data. The README has the
//!   table of what each feature adds and is worth.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod clitic;
mod custom;
mod document;
mod entity;
mod error;
mod extractor;
mod lexicon;
mod lookup;
mod mention;
mod normalize;
mod resolve;
mod rules;
mod table;
mod tokenize;

pub use custom::Rule;
pub use document::{Document, Organization, Person, Place};
pub use entity::EntityRef;
pub use error::{Error, ParseError};
pub use extractor::{Extractor, ExtractorBuilder};
pub use lexicon::{Entry, EntryKind, Lexicon, Tier};
pub use mention::{Gender, Kind, Mention, Source, SourceName, Span, SubKind};
pub use normalize::fold;

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
