//! Lexicon files: parsing the line format, and the lexicons bundled with the crate.
//!
//! The format is documented in `lexicons/README.md` and in the crate documentation: one entry a line,
//! `TEXT<TAB>KIND` followed by `key=value` attributes, `#` comments.

use std::collections::hash_map::Entry as MapEntry;
use std::fmt;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::error::{quote, Error, ParseError};
use crate::mention::{is_label, Gender, SubKind};
use crate::normalize::fold;
use crate::table;
use crate::tokenize::is_word_char;

/// What a lexicon entry is.
///
/// ```
/// use alam::EntryKind;
/// assert_eq!("org-head".parse::<EntryKind>().unwrap(), EntryKind::OrgHead);
/// assert_eq!(EntryKind::PlaceNoun.as_str(), "place-noun");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum EntryKind {
    /// The full name of a known person.
    Person,
    /// A given (first) name.
    Given,
    /// A family, tribe or nisba name.
    Family,
    /// A name particle such as بن or أبو.
    Particle,
    /// A title standing before a name (الأستاذ، الدكتور).
    Title,
    /// A role or office standing before a name (رئيس الوزراء).
    Role,
    /// The full name of a known organization.
    Organization,
    /// A head noun that starts organization names (وزارة، شركة).
    OrgHead,
    /// The full name of a place.
    Place,
    /// A noun that introduces a place name (مدينة، محافظة).
    PlaceNoun,
    /// A nationality adjective (اليمني): never a place.
    Nationality,
    /// A speech verb (قال، أكد) that marks a neighbouring person.
    SpeechVerb,
    /// A common word: not a name on its own evidence, and it ends a name chain.
    Common,
    /// A function word (preposition, pronoun, relative, demonstrative): ends every chain.
    Function,
    /// A token seen in persons' names, given or family, often a foreign (transliterated) one
    /// (كوفالسكي): weak evidence, a person only with context (another name, a title, a role, a speech
    /// verb). One word.
    Name,
}

impl EntryKind {
    /// Every kind, in a fixed order.
    ///
    /// ```
    /// for kind in alam::EntryKind::ALL {
    ///     assert_eq!(kind.as_str().parse::<alam::EntryKind>(), Ok(kind));
    /// }
    /// ```
    pub const ALL: [EntryKind; 15] = [
        EntryKind::Person,
        EntryKind::Given,
        EntryKind::Family,
        EntryKind::Particle,
        EntryKind::Title,
        EntryKind::Role,
        EntryKind::Organization,
        EntryKind::OrgHead,
        EntryKind::Place,
        EntryKind::PlaceNoun,
        EntryKind::Nationality,
        EntryKind::SpeechVerb,
        EntryKind::Common,
        EntryKind::Function,
        EntryKind::Name,
    ];

    /// The name used in lexicon files.
    ///
    /// ```
    /// assert_eq!(alam::EntryKind::SpeechVerb.as_str(), "speech-verb");
    /// ```
    pub fn as_str(self) -> &'static str {
        // One list of the names, shared with `build.rs` (which stores a kind as its place in it).
        table::KINDS[self as usize]
    }

    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

const _: () = assert!(table::KINDS.len() == EntryKind::ALL.len());

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses the name used in lexicon files; anything else is a [`ParseError`].
///
/// ```
/// let err = "planet".parse::<alam::EntryKind>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown kind `planet`");
/// ```
impl FromStr for EntryKind {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EntryKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| ParseError::new("kind", s, None))
    }
}

/// One line of a lexicon.
///
/// ```
/// let lex = alam::Lexicon::parse("x", "المكلا\tplace\tsub=city\tcountry=YE\n").unwrap();
/// let e = &lex.entries()[0];
/// assert_eq!(e.text(), "المكلا");
/// assert_eq!(e.folded(), "المكلا");
/// assert_eq!(e.sub(), Some("city"));
/// assert_eq!(e.country(), Some("YE"));
/// ```
#[derive(Clone)]
pub struct Entry {
    /// Where the text of the fields is: a line of a bundled file, read in place, or the entry's own text.
    /// An entry of the bundled set is 40 bytes (150 with a string, a `Cow`, for each field; 80 with a
    /// `Cow` of the file's text and a `u32` range for each): the index holds 22,000 of them, written
    /// anew at the start of every process.
    src: Src,
    kind: EntryKind,
    gender: Option<Gender>,
    /// Whether a gender was given at all (`gender=unisex` leaves `gender` empty).
    gender_given: bool,
    /// The sub-kind as [`SubSlot`] holds it: [`Entry::sub`] gives a sub-kind of the vocabulary without
    /// reading the entry's text. Rules ask it during extraction (of every one-word place a lexicon
    /// names, for one), and the text of a bundled entry is its line of the embedded file, mostly out
    /// of the caches: each read there was a cache miss.
    sub: SubSlot,
    /// u32, not usize: an entry is one of the largest values of the index, and a lexicon has at most
    /// [`Lexicon::MAX_BYTES`] bytes.
    line: u32,
}

/// The text fields of an [`Entry`], in the order of [`Entry::at`].
#[derive(Clone, Copy)]
enum Field {
    Text,
    Folded,
    Sub,
    Cat,
    Country,
    Parent,
}

/// The text of an [`Entry`]'s fields.
#[derive(Clone)]
enum Src {
    /// A line of the bundled file `BUNDLED[file]`, which starts at byte `line_at` of the file's text;
    /// each field's place in the line, in the order of [`Field`].
    Bundled {
        file: u8,
        line_at: u32,
        at: [Short; 6],
    },
    /// Text of the entry's own: parsed at run time, built in code, or changed by a setter.
    Own(Box<Own>),
}

/// The entry's own text: its fields one after another, each at its [`Slot`] (in the order of [`Field`]).
#[derive(Clone)]
struct Own {
    text: String,
    at: [Slot; 6],
}

/// Where a field of a bundled line lies in the line, as the file's table gives it (see `src/table.rs`):
/// `start` is `u16::MAX` for a field not given. `build.rs` leaves lines of 64 KiB or more to the parser.
#[derive(Clone, Copy)]
struct Short {
    start: u16,
    len: u16,
}

/// Where a field of an [`Entry`] lies in its own text: `start` is [`Slot::NONE`] for a field not given.
#[derive(Clone, Copy)]
struct Slot {
    start: u32,
    len: u32,
}

impl Slot {
    const NONE: Slot = Slot {
        start: u32::MAX,
        len: 0,
    };
}

/// An entry's sub-kind in one byte: none, a value of [`SubKind::ALL`] by its place there (plus one), or
/// [`SubSlot::OTHER`] for a value outside it, read from the entry's text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct SubSlot(u8);

/// The vocabulary's sub-kinds, in a static so that their names are `&'static str`.
static SUB_KINDS: [SubKind; SubKind::ALL.len()] = SubKind::ALL;

impl SubSlot {
    const NONE: SubSlot = SubSlot(0);
    const OTHER: SubSlot = SubSlot(u8::MAX);

    /// The slot of the sub-kind `value`, if given.
    fn of(value: Option<&str>) -> SubSlot {
        match value.map(SubKind::place_in_all) {
            None => SubSlot::NONE,
            Some(Some(at)) => SubSlot(at as u8 + 1),
            Some(None) => SubSlot::OTHER,
        }
    }
}

const _: () = assert!(SubKind::ALL.len() < u8::MAX as usize);

impl Entry {
    /// A field's text, if given.
    #[inline]
    fn field(&self, f: Field) -> Option<&str> {
        match &self.src {
            Src::Bundled { file, line_at, at } => {
                Entry::bundled_field(*file, *line_at, at[f as usize])
            }
            Src::Own(own) => {
                let slot = own.at[f as usize];
                (slot.start != u32::MAX).then(|| {
                    &own.text[slot.start as usize..slot.start as usize + slot.len as usize]
                })
            }
        }
    }

    /// A field of a line of a bundled file, if given.
    #[inline]
    fn bundled_field(file: u8, line_at: u32, short: Short) -> Option<&'static str> {
        if short.start == u16::MAX {
            return None;
        }
        let start = line_at as usize + short.start as usize;
        BUNDLED[file as usize]
            .text
            .get(start..start + short.len as usize)
    }

    /// Sets a field to `value`, which is added to the entry's own text (made from the fields it has
    /// when the entry borrowed a bundled file's text until then).
    fn set(&mut self, f: Field, value: &str) -> Result<(), String> {
        if let Src::Bundled { file, line_at, at } = self.src {
            let mut own = Own {
                text: String::new(),
                at: [Slot::NONE; 6],
            };
            for (slot, short) in own.at.iter_mut().zip(at) {
                if let Some(value) = Entry::bundled_field(file, line_at, short) {
                    *slot = Slot {
                        start: own.text.len() as u32,
                        len: value.len() as u32,
                    };
                    own.text.push_str(value);
                }
            }
            self.src = Src::Own(Box::new(own));
        }
        let Src::Own(own) = &mut self.src else {
            unreachable!("an entry's text is its own once it is set")
        };
        let (Ok(start), Ok(len)) = (u32::try_from(own.text.len()), u32::try_from(value.len()))
        else {
            return Err("the entry's fields are too long (more than 4 GB)".to_string());
        };
        if start.checked_add(len).is_none_or(|end| end == u32::MAX) {
            return Err("the entry's fields are too long (more than 4 GB)".to_string());
        }
        own.text.push_str(value);
        own.at[f as usize] = Slot { start, len };
        if let Field::Sub = f {
            self.sub = SubSlot::of(Some(value));
        }
        Ok(())
    }

    /// An entry of a line of a bundled file (see [`Src::Bundled`]).
    fn bundled(src: Src, kind: EntryKind, gender: Option<Gender>, gender_given: bool) -> Entry {
        let mut entry = Entry {
            src,
            kind,
            gender,
            gender_given,
            sub: SubSlot::NONE,
            line: 0,
        };
        entry.sub = SubSlot::of(entry.field(Field::Sub));
        entry
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        [
            Field::Text,
            Field::Folded,
            Field::Sub,
            Field::Cat,
            Field::Country,
            Field::Parent,
        ]
        .into_iter()
        .all(|f| self.field(f) == other.field(f))
            && self.kind == other.kind
            && self.gender == other.gender
            && self.gender_given == other.gender_given
            && self.line == other.line
    }
}

impl Eq for Entry {}

impl fmt::Debug for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entry")
            .field("text", &self.text())
            .field("folded", &self.folded())
            .field("kind", &self.kind)
            .field("gender", &self.gender)
            .field("gender_given", &self.gender_given)
            .field("sub", &self.sub())
            .field("cat", &self.category())
            .field("country", &self.country())
            .field("parent", &self.parent())
            .field("line", &self.line)
            .finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Entry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Entry", 9)?;
        s.serialize_field("text", self.text())?;
        s.serialize_field("folded", self.folded())?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("gender", &self.gender)?;
        s.serialize_field("sub", &self.sub())?;
        s.serialize_field("cat", &self.category())?;
        s.serialize_field("country", &self.country())?;
        s.serialize_field("parent", &self.parent())?;
        s.serialize_field("line", &self.line)?;
        s.end()
    }
}

impl Entry {
    /// Builds an entry in code, as a lexicon line would: the text is checked as a file's `TEXT` field is
    /// (no control characters, not empty after folding; whitespace inside it collapsed to single spaces).
    /// The attributes a kind requires (a place's `sub`, a given name's gender) are set with the `with_*`
    /// setters and checked by [`Lexicon::push`], since they come after `new`.
    ///
    /// ```
    /// use alam::{Entry, EntryKind};
    /// let e = Entry::new("الأستاذة", EntryKind::Title)?.with_gender(alam::Gender::Female);
    /// assert_eq!(e.folded(), "الاستاذه");
    /// assert!(Entry::new("\u{064E}", EntryKind::Title).is_err()); // a haraka alone folds to nothing
    /// assert!(Entry::new("عدن\u{0}", EntryKind::Place).is_err());
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn new(text: &str, kind: EntryKind) -> Result<Entry, Error> {
        let err = |reason: &str| Error::Entry {
            lexicon: None,
            text: quote(text),
            reason: reason.to_string(),
        };
        if let Some(c) = text.chars().find(|c| c.is_control() && !c.is_whitespace()) {
            return Err(err(&format!(
                "the control character U+{:04X} in the text",
                c as u32
            )));
        }
        if text.len() as u64 > Lexicon::MAX_BYTES {
            return Err(err(&format!(
                "the text is longer than a lexicon may be ({} bytes)",
                Lexicon::MAX_BYTES
            )));
        }
        Entry::unchecked(text, kind).ok_or_else(|| err("the entry text is empty after folding"))
    }

    /// The entry for `text` and `kind` with no attributes, or `None` when the text folds to nothing (or
    /// its fields would not fit the `u32` ranges of an entry: [`Entry::new`] turns such a text away
    /// first, and a lexicon line is shorter).
    fn unchecked(text: &str, kind: EntryKind) -> Option<Entry> {
        let text = single_spaced(text);
        let folded = token_words(&fold(&text));
        if folded.is_empty() {
            return None;
        }
        let (Ok(len), Ok(folded_len)) = (u32::try_from(text.len()), u32::try_from(folded.len()))
        else {
            return None;
        };
        if len
            .checked_add(folded_len)
            .is_none_or(|end| end == u32::MAX)
        {
            return None;
        }
        let mut at = [Slot::NONE; 6];
        at[Field::Text as usize] = Slot { start: 0, len };
        at[Field::Folded as usize] = Slot {
            start: len,
            len: folded_len,
        };
        Some(Entry {
            src: Src::Own(Box::new(Own {
                text: text + &folded,
                at,
            })),
            kind,
            gender: None,
            gender_given: false,
            sub: SubSlot::NONE,
            line: 0,
        })
    }

    fn invalid(&self, reason: String) -> Error {
        Error::Entry {
            lexicon: None,
            text: quote(self.text()),
            reason,
        }
    }

    /// Sets the gender.
    ///
    /// ```
    /// use alam::{Entry, EntryKind, Gender};
    /// let e = Entry::new("المهندسة", EntryKind::Title)?.with_gender(Gender::Female);
    /// assert_eq!(e.gender(), Some(Gender::Female));
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn with_gender(mut self, gender: Gender) -> Entry {
        self.gender = Some(gender);
        self.gender_given = true;
        self
    }

    /// Says that the name is of both genders, as `gender=unisex` does in a file: [`Entry::gender`] stays
    /// `None`, and a given name so marked may be pushed into a lexicon.
    ///
    /// ```
    /// use alam::{Entry, EntryKind, Lexicon};
    /// let mut lex = Lexicon::new("code");
    /// assert!(lex.push(Entry::new("نور", EntryKind::Given)?).is_err()); // a given name needs a gender
    /// lex.push(Entry::new("نور", EntryKind::Given)?.with_unisex())?;
    /// assert_eq!(lex.entries()[0].gender(), None);
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn with_unisex(mut self) -> Entry {
        self.gender = None;
        self.gender_given = true;
        self
    }

    /// Sets the sub-kind (`city`, `ministry`…): lower-case ASCII letters, digits and `-`, as `sub=` in a
    /// file.
    ///
    /// ```
    /// let e = alam::Entry::new("القلوعة", alam::EntryKind::Place)?.with_sub("town")?;
    /// assert_eq!(e.sub(), Some("town"));
    /// assert!(alam::Entry::new("القلوعة", alam::EntryKind::Place)?.with_sub("Town").is_err());
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn with_sub(mut self, sub: &str) -> Result<Entry, Error> {
        let value = parse_label("sub", sub).map_err(|r| self.invalid(r))?;
        self.set(Field::Sub, &value).map_err(|r| self.invalid(r))?;
        Ok(self)
    }

    /// Sets a title's category (`academic`, `religious`…), as `cat=` in a file.
    ///
    /// ```
    /// let e = alam::Entry::new("الدكتورة", alam::EntryKind::Title)?.with_category("academic")?;
    /// assert_eq!(e.category(), Some("academic"));
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn with_category(mut self, cat: &str) -> Result<Entry, Error> {
        let value = parse_label("cat", cat).map_err(|r| self.invalid(r))?;
        self.set(Field::Cat, &value).map_err(|r| self.invalid(r))?;
        Ok(self)
    }

    /// Sets the ISO 3166-1 alpha-2 country code (two upper-case letters), as `country=` in a file.
    ///
    /// ```
    /// let e = alam::Entry::new("القلوعة", alam::EntryKind::Place)?.with_country("YE")?;
    /// assert_eq!(e.country(), Some("YE"));
    /// assert!(alam::Entry::new("القلوعة", alam::EntryKind::Place)?.with_country("Yemen").is_err());
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn with_country(mut self, code: &str) -> Result<Entry, Error> {
        let value = parse_country(code).map_err(|r| self.invalid(r))?;
        self.set(Field::Country, &value)
            .map_err(|r| self.invalid(r))?;
        Ok(self)
    }

    /// Sets the enclosing place's name (a district's governorate), as `parent=` in a file: not empty,
    /// no tab, control character or `=`.
    ///
    /// ```
    /// let e = alam::Entry::new("القلوعة", alam::EntryKind::Place)?.with_parent("عدن")?;
    /// assert_eq!(e.parent(), Some("عدن"));
    /// assert!(alam::Entry::new("القلوعة", alam::EntryKind::Place)?.with_parent(" ").is_err());
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn with_parent(mut self, parent: &str) -> Result<Entry, Error> {
        let value = parent.trim();
        if value.is_empty() || value.contains('=') || value.chars().any(char::is_control) {
            return Err(self.invalid(format!(
                "the parent `{}` is empty or holds `=`, a tab or a control character",
                quote(parent)
            )));
        }
        self.set(Field::Parent, value)
            .map_err(|r| self.invalid(r))?;
        Ok(self)
    }

    /// The attribute a kind requires and the entry lacks, as the file parser reports it.
    fn missing_attribute(&self) -> Option<&'static str> {
        match self.kind {
            EntryKind::Place if self.sub().is_none() => Some("a place needs `sub=`"),
            EntryKind::Given if !self.gender_given => Some("a given name needs `gender=`"),
            EntryKind::Name if self.folded().contains(' ') => Some("a name token is one word"),
            _ => None,
        }
    }

    /// The entry as written in the lexicon (display form).
    ///
    /// ```
    /// let e = alam::Entry::new("الأُستاذ", alam::EntryKind::Title).unwrap();
    /// assert_eq!(e.text(), "الأُستاذ");
    /// ```
    pub fn text(&self) -> &str {
        self.field(Field::Text).unwrap_or_default()
    }
    /// The folded form the matcher compares: the fold of the text, with each punctuation mark or symbol
    /// a word of its own, as the text's tokens have it (`د.` is matched as the two tokens `د` and `.`).
    ///
    /// ```
    /// let e = alam::Entry::new("أ.د.", alam::EntryKind::Title).unwrap();
    /// assert_eq!(e.folded(), "ا . د .");
    /// ```
    ///
    /// ```
    /// let e = alam::Entry::new("الأُستاذ", alam::EntryKind::Title).unwrap();
    /// assert_eq!(e.folded(), "الاستاذ");
    /// ```
    pub fn folded(&self) -> &str {
        self.field(Field::Folded).unwrap_or_default()
    }
    /// The folded form when it is borrowed from a bundled file's text.
    pub(crate) fn folded_static(&self) -> Option<&'static str> {
        match self.src {
            Src::Bundled { file, line_at, at } => {
                Entry::bundled_field(file, line_at, at[Field::Folded as usize])
            }
            Src::Own(_) => None,
        }
    }
    /// What the entry is.
    ///
    /// ```
    /// let e = alam::Entry::new("وزارة", alam::EntryKind::OrgHead).unwrap();
    /// assert_eq!(e.kind(), alam::EntryKind::OrgHead);
    /// ```
    pub fn kind(&self) -> EntryKind {
        self.kind
    }
    /// The gender, for names, titles, roles and nationalities. `None` where unknown or unisex.
    ///
    /// ```
    /// let lex = alam::Lexicon::parse("x", "الأستاذة\ttitle\tgender=female\n").unwrap();
    /// assert_eq!(lex.entries()[0].gender(), Some(alam::Gender::Female));
    /// ```
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
    /// The sub-kind (`city`, `country`, `ministry`…), where given.
    ///
    /// ```
    /// let lex = alam::Lexicon::parse("x", "عدن\tplace\tsub=city\n").unwrap();
    /// assert_eq!(lex.entries()[0].sub(), Some("city"));
    /// ```
    pub fn sub(&self) -> Option<&str> {
        match self.sub {
            SubSlot::NONE => None,
            SubSlot::OTHER => self.field(Field::Sub),
            SubSlot(at) => Some(SUB_KINDS[usize::from(at) - 1].as_str()),
        }
    }
    /// The title category (`academic`, `religious`…), where given.
    ///
    /// ```
    /// let lex = alam::Lexicon::parse("x", "الدكتور\ttitle\tgender=male\tcat=academic\n").unwrap();
    /// assert_eq!(lex.entries()[0].category(), Some("academic"));
    /// ```
    pub fn category(&self) -> Option<&str> {
        self.field(Field::Cat)
    }
    /// The ISO 3166-1 alpha-2 country code, where given.
    ///
    /// ```
    /// let lex = alam::Lexicon::parse("x", "عدن\tplace\tsub=city\tcountry=YE\n").unwrap();
    /// assert_eq!(lex.entries()[0].country(), Some("YE"));
    /// ```
    pub fn country(&self) -> Option<&str> {
        self.field(Field::Country)
    }
    /// The enclosing place's name, where given.
    ///
    /// ```
    /// let lex = alam::Lexicon::parse("x", "المعلا\tplace\tsub=district\tparent=عدن\n").unwrap();
    /// assert_eq!(lex.entries()[0].parent(), Some("عدن"));
    /// ```
    pub fn parent(&self) -> Option<&str> {
        self.field(Field::Parent)
    }
    /// The 1-based line of the lexicon the entry came from (0 for entries built in code).
    ///
    /// ```
    /// let lex = alam::Lexicon::parse("x", "# places\n\nعدن\tplace\tsub=city\n").unwrap();
    /// assert_eq!(lex.entries()[0].line(), 3);
    /// ```
    pub fn line(&self) -> usize {
        self.line as usize
    }
}

/// A list of entries loaded from one source, with the name used in errors and in mention sources.
///
/// ```
/// let text = "# my places\nالمكلا\tplace\tsub=city\nالأستاذة\ttitle\tgender=female\n";
/// let lex = alam::Lexicon::parse("mine.tsv", text).unwrap();
/// assert_eq!(lex.name(), "mine.tsv");
/// assert_eq!(lex.len(), 2);
/// ```
#[derive(Clone)]
pub struct Lexicon {
    name: Arc<str>,
    entries: Vec<Entry>,
    /// The index of each (folded text, kind) in `entries`, made on the first [`Lexicon::push`] (a parsed
    /// lexicon is checked for repeats while it is parsed, and most are never pushed into).
    keys: Option<FxHashMap<(String, EntryKind), usize>>,
}

/// A summary: the name and the entry count per kind, not the entries (a bundled lexicon has thousands).
///
/// ```
/// let lex = alam::Lexicon::parse("mine", "عدن\tplace\tsub=city\nالمكلا\tplace\tsub=city\n")?;
/// assert_eq!(format!("{lex:?}"), r#"Lexicon { name: "mine", entries: 2, kinds: {place: 2} }"#);
/// # Ok::<(), alam::Error>(())
/// ```
impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("name", &&*self.name)
            .field("entries", &self.entries.len())
            .field("kinds", &KindCounts::of(&self.entries))
            .finish()
    }
}

/// Entry counts per kind, printed as `{kind: count, …}` in kind order.
#[derive(Default, Clone)]
pub(crate) struct KindCounts([usize; EntryKind::ALL.len()]);

impl KindCounts {
    pub(crate) fn add(&mut self, kind: EntryKind) {
        self.0[kind as usize] += 1;
    }

    pub(crate) fn of<'e>(entries: impl IntoIterator<Item = &'e Entry>) -> KindCounts {
        let mut counts = [0; EntryKind::ALL.len()];
        for e in entries {
            counts[e.kind as usize] += 1;
        }
        KindCounts(counts)
    }
}

impl fmt::Debug for KindCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (k, &n) in EntryKind::ALL.iter().zip(&self.0) {
            if n > 0 {
                map.key(&format_args!("{k}")).value(&n);
            }
        }
        map.finish()
    }
}

impl Lexicon {
    /// An empty lexicon to fill with [`Lexicon::push`].
    ///
    /// ```
    /// let mut lex = alam::Lexicon::new("code");
    /// lex.push(alam::Entry::new("سيئون", alam::EntryKind::Place)?.with_sub("city")?)?;
    /// assert_eq!(lex.len(), 1);
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn new(name: &str) -> Lexicon {
        Lexicon {
            name: Arc::from(name),
            entries: Vec::new(),
            keys: None,
        }
    }

    /// The most bytes a lexicon may have: 64 MiB, some 25 times the largest bundled file. Reading stops
    /// there, so that a path such as `/dev/zero` or a huge file given by mistake is an
    /// [`Error::TooLarge`] instead of filling the memory.
    ///
    /// ```
    /// # #[cfg(unix)] {
    /// let err = alam::Lexicon::from_path("/dev/zero").unwrap_err();
    /// assert!(matches!(err, alam::Error::TooLarge { .. }));
    /// # }
    /// ```
    pub const MAX_BYTES: u64 = 64 << 20;

    /// Parses lexicon text. `name` is used in error messages and as the source of the mentions it yields.
    ///
    /// Accepted as they are: an empty text (an empty lexicon); a UTF-8 BOM at the start of the text or of
    /// any line (as left by concatenating files); CRLF line ends; blank lines and comment lines (first
    /// non-blank char `#`); spaces around fields and around `=`; tabs and spaces at the end of a line.
    /// Every other line must be an entry: a line that does not follow the format is an error naming
    /// `name`, the line number and the reason, and so is an entry whose folded text and kind repeat an
    /// earlier line of the same text (a typo or a conflict: which line's attributes would win?). Nothing is
    /// skipped silently.
    ///
    /// ```
    /// let err = alam::Lexicon::parse("bad.tsv", "سيئون\tplace\n").unwrap_err();
    /// assert_eq!(err.to_string(), "bad.tsv:1: a place needs `sub=`");
    /// let err = alam::Lexicon::parse("dup.tsv", "هند\tgiven\tgender=female\nهنْد\tgiven\tgender=male\n");
    /// assert_eq!(
    ///     err.unwrap_err().to_string(),
    ///     "dup.tsv:2: `هنْد` (given) repeats line 1 (`هند`): entries of one kind must differ after folding"
    /// );
    /// ```
    pub fn parse(name: &str, text: &str) -> Result<Lexicon, Error> {
        Lexicon::check_size(name, text.len())?;
        let mut entries: Vec<Entry> = Vec::new();
        let mut first_line: FxHashMap<(String, EntryKind), usize> = FxHashMap::default();
        for (i, raw) in text.split('\n').enumerate() {
            let n = i + 1;
            let line = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
            let line = line.strip_suffix('\r').unwrap_or(line);
            let content = line.trim();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let mut entry = parse_line(line).map_err(|reason| Error::lexicon(name, n, reason))?;
            entry.line = n as u32;
            match first_line.entry((entry.folded().to_string(), entry.kind)) {
                MapEntry::Vacant(v) => {
                    v.insert(entries.len());
                }
                MapEntry::Occupied(o) => {
                    let first = &entries[*o.get()];
                    let reason = format!(
                        "`{}` ({}) repeats line {} (`{}`): entries of one kind must differ after folding",
                        quote(entry.text()),
                        entry.kind,
                        first.line,
                        quote(first.text())
                    );
                    return Err(Error::lexicon(name, n, reason));
                }
            }
            entries.push(entry);
        }
        Ok(Lexicon {
            name: Arc::from(name),
            entries,
            keys: None,
        })
    }

    fn check_size(name: &str, len: usize) -> Result<(), Error> {
        if len as u64 > Lexicon::MAX_BYTES {
            return Err(Error::TooLarge {
                file: name.to_string(),
                limit: Lexicon::MAX_BYTES,
            });
        }
        Ok(())
    }

    /// Reads and parses a lexicon file; its path names it in errors. At most [`Lexicon::MAX_BYTES`] are
    /// read: a larger file is an [`Error::TooLarge`].
    ///
    /// ```no_run
    /// let lex = alam::Lexicon::from_path("my_places.tsv")?;
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Lexicon, Error> {
        let path = path.as_ref();
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        let bytes = read_capped(file, &path.display().to_string()).map_err(|e| match e {
            Capped::Io(source) => io(source),
            Capped::Error(e) => e,
        })?;
        Lexicon::from_bytes(&path.display().to_string(), &bytes)
    }

    /// Reads and parses a lexicon from any reader, at most [`Lexicon::MAX_BYTES`] of it (more is an
    /// [`Error::TooLarge`]).
    ///
    /// ```
    /// let lex = alam::Lexicon::from_reader("stdin", "عدن\tplace\tsub=city\n".as_bytes()).unwrap();
    /// assert_eq!(lex.len(), 1);
    /// let endless = std::io::repeat(b'#');
    /// assert!(matches!(alam::Lexicon::from_reader("endless", endless), Err(alam::Error::TooLarge { .. })));
    /// ```
    pub fn from_reader(name: &str, reader: impl Read) -> Result<Lexicon, Error> {
        let bytes = read_capped(reader, name).map_err(|e| match e {
            Capped::Io(source) => Error::Io {
                path: name.into(),
                source,
            },
            Capped::Error(e) => e,
        })?;
        Lexicon::from_bytes(name, &bytes)
    }

    /// Parses lexicon bytes, reporting the line and offset of the first invalid UTF-8 byte.
    ///
    /// A text in UTF-16 or UTF-32 (with a byte-order mark, or without one when its NUL bytes show it) is
    /// refused with its encoding named and a hint to save it as UTF-8.
    ///
    /// ```
    /// let err = alam::Lexicon::from_bytes("x.tsv", b"ok\tcommon\n\xff\n").unwrap_err();
    /// assert_eq!(err.to_string(), "x.tsv:2: invalid UTF-8 at byte offset 10");
    /// let utf32: Vec<u8> = "\u{FEFF}عدن\tcommon\n".chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
    /// let err = alam::Lexicon::from_bytes("x.tsv", &utf32).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "x.tsv:1: the file is UTF-32LE (it starts with a UTF-32 byte-order mark): save it as UTF-8"
    /// );
    /// ```
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Lexicon, Error> {
        Lexicon::check_size(name, bytes.len())?;
        if let Some(wide) = wide_encoding(bytes) {
            return Err(Error::lexicon(
                name,
                1,
                format!("the file is {wide}: save it as UTF-8"),
            ));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Lexicon::parse(name, text),
            Err(e) => {
                let offset = e.valid_up_to();
                let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
                Err(Error::Utf8 {
                    file: name.to_string(),
                    line,
                    offset,
                })
            }
        }
    }

    /// Adds an entry, checked as a line of a file is: an entry that lacks an attribute its kind requires
    /// (a place's `sub`, a given name's gender) or that repeats the folded text and kind of an entry
    /// already in the lexicon is an [`Error::Entry`], and the lexicon is left as it was.
    ///
    /// ```
    /// use alam::{Entry, EntryKind, Lexicon};
    /// let mut lex = Lexicon::new("code");
    /// lex.push(Entry::new("القلوعة", EntryKind::Place)?.with_sub("town")?)?;
    /// assert_eq!(lex.entries()[0].text(), "القلوعة");
    /// let err = lex.push(Entry::new("سيئون", EntryKind::Place)?).unwrap_err();
    /// assert_eq!(err.to_string(), "code: entry `سيئون`: a place needs `sub=`");
    /// let again = Entry::new("القلوعه", EntryKind::Place)?.with_sub("town")?;
    /// assert_eq!(
    ///     lex.push(again).unwrap_err().to_string(),
    ///     "code: entry `القلوعه`: it repeats entry 1 (`القلوعة`, place): entries of one kind must differ after folding"
    /// );
    /// assert_eq!(lex.len(), 1);
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn push(&mut self, entry: Entry) -> Result<(), Error> {
        let invalid = |reason: String| Error::Entry {
            lexicon: Some(self.name.to_string()),
            text: quote(entry.text()),
            reason,
        };
        if let Some(reason) = entry.missing_attribute() {
            return Err(invalid(reason.to_string()));
        }
        let entries = &self.entries;
        let keys = self.keys.get_or_insert_with(|| {
            entries
                .iter()
                .enumerate()
                .map(|(i, e)| ((e.folded().to_string(), e.kind), i))
                .collect()
        });
        match keys.entry((entry.folded().to_string(), entry.kind)) {
            MapEntry::Occupied(o) => {
                let first = &entries[*o.get()];
                Err(invalid(format!(
                    "it repeats entry {} (`{}`, {}): entries of one kind must differ after folding",
                    o.get() + 1,
                    quote(first.text()),
                    first.kind
                )))
            }
            MapEntry::Vacant(v) => {
                v.insert(entries.len());
                self.entries.push(entry);
                Ok(())
            }
        }
    }

    /// The lexicon's name.
    ///
    /// ```
    /// assert_eq!(alam::Lexicon::new("my-places").name(), "my-places");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }
    pub(crate) fn shared_name(&self) -> Arc<str> {
        Arc::clone(&self.name)
    }
    /// The entries, in file order.
    ///
    /// ```
    /// let lex = alam::Lexicon::parse("x", "عدن\tplace\tsub=city\nالمكلا\tplace\tsub=city\n").unwrap();
    /// let names: Vec<_> = lex.entries().iter().map(|e| e.text()).collect();
    /// assert_eq!(names, ["عدن", "المكلا"]);
    /// ```
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
    /// How many entries there are.
    ///
    /// ```
    /// let lex = alam::Lexicon::parse("x", "# a comment\nعدن\tplace\tsub=city\n").unwrap();
    /// assert_eq!(lex.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    /// True when there are no entries.
    ///
    /// ```
    /// assert!(alam::Lexicon::parse("x", "# only comments\n").unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Why [`read_capped`] failed.
enum Capped {
    Io(std::io::Error),
    Error(Error),
}

/// All of `reader`, or [`Error::TooLarge`] as soon as it gives more than [`Lexicon::MAX_BYTES`].
fn read_capped(reader: impl Read, name: &str) -> Result<Vec<u8>, Capped> {
    let mut bytes = Vec::new();
    reader
        .take(Lexicon::MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(Capped::Io)?;
    Lexicon::check_size(name, bytes.len()).map_err(Capped::Error)?;
    Ok(bytes)
}

/// The wide encoding `bytes` are in, named for an error, when they are UTF-16 or UTF-32 rather than UTF-8:
/// by the byte-order mark, or without one by where the NUL bytes stand in the first 4 KiB (an ASCII char,
/// such as the tab and the kind of every lexicon line, has one NUL byte in UTF-16 and three in UTF-32; a
/// UTF-8 lexicon has none, as a NUL is an error anywhere in it).
pub(crate) fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    const BOMS: [(&[u8], &str); 4] = [
        (
            &[0xFF, 0xFE, 0, 0],
            "UTF-32LE (it starts with a UTF-32 byte-order mark)",
        ),
        (
            &[0, 0, 0xFE, 0xFF],
            "UTF-32BE (it starts with a UTF-32 byte-order mark)",
        ),
        (
            &[0xFF, 0xFE],
            "UTF-16LE (it starts with a UTF-16 byte-order mark)",
        ),
        (
            &[0xFE, 0xFF],
            "UTF-16BE (it starts with a UTF-16 byte-order mark)",
        ),
    ];
    if let Some((_, name)) = BOMS.iter().find(|(bom, _)| bytes.starts_with(bom)) {
        return Some(name);
    }
    let head = &bytes[..bytes.len().min(4096)];
    let zeros = head.iter().filter(|&&b| b == 0).count();
    // Fewer NULs than one every eight bytes: a stray NUL in UTF-8 text, reported as such by the parser.
    if head.len() < 4 || zeros * 8 < head.len() {
        return None;
    }
    // UTF-32 of the Basic Multilingual Plane: two NUL bytes of every four, at the same places.
    let words = &head[..head.len() - head.len() % 4];
    let nul_at = |o: usize| words.iter().skip(o).step_by(4).all(|&b| b == 0);
    if nul_at(2) && nul_at(3) {
        return Some("UTF-32LE (without a byte-order mark: its NUL bytes show it)");
    }
    if nul_at(0) && nul_at(1) {
        return Some("UTF-32BE (without a byte-order mark: its NUL bytes show it)");
    }
    // UTF-16: the NUL bytes of ASCII chars all at odd offsets (little-endian) or all at even ones.
    let nul_even = head.iter().step_by(2).any(|&b| b == 0);
    let nul_odd = head.iter().skip(1).step_by(2).any(|&b| b == 0);
    match (nul_even, nul_odd) {
        (false, true) => Some("UTF-16LE (without a byte-order mark: its NUL bytes show it)"),
        (true, false) => Some("UTF-16BE (without a byte-order mark: its NUL bytes show it)"),
        _ => None,
    }
}

/// `text` with its words joined by single spaces.
fn single_spaced(text: &str) -> String {
    // Lexicon lines are almost always so already: then a copy does.
    let already = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.chars().any(|c| c != ' ' && c.is_whitespace());
    if already {
        text.to_string()
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// Splits `s` at an ASCII byte, as `str::split` does: on short lines a plain scan of the bytes is cheaper
/// than the pattern search, which the parse of thousands of lines feels.
fn split_ascii(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(at) => {
                rest = Some(&r[at + 1..]);
                Some(&r[..at])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

fn parse_line(line: &str) -> Result<Entry, String> {
    if let Some(c) = line.chars().find(|&c| c.is_control() && c != '\t') {
        return Err(if c == '\r' {
            "a carriage return (CR) inside the line: lines must end with LF or CRLF".to_string()
        } else {
            format!("the control character U+{:04X} in the line", c as u32)
        });
    }
    // Trailing tabs are what spreadsheets leave behind; an empty field before real ones is an error below.
    let mut fields = split_ascii(line.trim_end(), b'\t');
    let text = fields.next().unwrap_or_default().trim();
    if text.is_empty() {
        return Err("the entry text is empty".into());
    }
    let kind: EntryKind = match fields.next().map(str::trim) {
        Some("") => return Err("the kind is empty (two tabs in a row?)".into()),
        Some(k) => k.parse().map_err(|e: ParseError| e.to_string())?,
        None => return Err("expected TEXT<TAB>KIND, found no tab".into()),
    };
    let mut entry = Entry::unchecked(text, kind)
        .ok_or_else(|| "the entry text is empty after folding".to_string())?;
    let mut stored_fold = None;
    let mut seen: Vec<&str> = Vec::new();
    for field in fields {
        let field = field.trim();
        if field.is_empty() {
            return Err("an empty attribute field (two tabs in a row?)".into());
        }
        let (key, value) = field
            .split_once('=')
            .map(|(k, v)| (k.trim(), v.trim()))
            .filter(|(k, _)| !k.is_empty())
            .ok_or_else(|| format!("expected an attribute key=value, found `{}`", quote(field)))?;
        if value.is_empty() {
            return Err(format!("the attribute `{}` has no value", quote(key)));
        }
        if value.contains('=') {
            return Err(format!(
                "the value of `{}` contains `=` (a space instead of a tab between two attributes?)",
                quote(key)
            ));
        }
        if seen.contains(&key) {
            return Err(format!("the attribute `{key}` is given twice"));
        }
        seen.push(key);
        match key {
            "gender" => {
                entry.gender = parse_gender(value)?;
                entry.gender_given = true;
            }
            "sub" => entry.set(Field::Sub, &parse_label(key, value)?)?,
            "cat" => entry.set(Field::Cat, &parse_label(key, value)?)?,
            "country" => entry.set(Field::Country, &parse_country(value)?)?,
            "parent" => entry.set(Field::Parent, value)?,
            "fold" => stored_fold = Some(value),
            _ => return Err(format!("unknown attribute `{}`", quote(key))),
        }
    }
    if let Some(stored) = stored_fold {
        // Whitespace inside the stored fold is collapsed like the text's, so only letters can differ.
        let stored = stored.split_whitespace().collect::<Vec<_>>().join(" ");
        // The stored fold is `fold(TEXT)`; the entry's matching form differs only where punctuation
        // stands inside a word, so the fold is computed again only then.
        if stored != entry.folded() {
            let plain = fold(entry.text());
            if stored != plain {
                return Err(format!(
                    "the stored fold `{}` differs from the fold of the text `{}`",
                    quote(&stored),
                    quote(&plain)
                ));
            }
        }
    }
    match entry.missing_attribute() {
        Some(reason) => Err(reason.into()),
        None => Ok(entry),
    }
}

/// Puts a space around each char of `folded` that the tokenizer makes a token of its own (punctuation and
/// symbols), so that the words of an entry are the folded forms of the tokens it must match.
fn token_words(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    let mut in_word = false;
    for c in folded.chars() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        let word_char = is_word_char(c);
        // A space before each new word and before each punctuation mark; none inside a word.
        let continues_word = word_char && in_word;
        if !out.is_empty() && !continues_word {
            out.push(' ');
        }
        out.push(c);
        in_word = word_char;
    }
    out
}

fn parse_gender(value: &str) -> Result<Option<Gender>, String> {
    match value {
        "male" => Ok(Some(Gender::Male)),
        "female" => Ok(Some(Gender::Female)),
        "unisex" => Ok(None),
        _ => Err(format!(
            "unknown gender `{}` (expected male, female or unisex)",
            quote(value)
        )),
    }
}

/// A `sub=` or `cat=` value: lower-case ASCII letters, digits and `-`, as the mentions report it.
fn parse_label(key: &str, value: &str) -> Result<String, String> {
    if is_label(value) {
        Ok(value.to_string())
    } else {
        Err(format!(
            "the {key} `{}` is not lower-case ASCII letters, digits and `-` (such as `city`)",
            quote(value)
        ))
    }
}

fn parse_country(value: &str) -> Result<String, String> {
    if value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(value.to_string())
    } else {
        Err(format!(
            "the country `{}` is not an ISO 3166-1 alpha-2 code such as YE",
            quote(value)
        ))
    }
}

/// Which bundled lexicons a builder loads.
///
/// A tier is the run-time choice; which files are compiled in at all is the choice of the cargo features
/// (see the crate documentation, "Crate features"): [`Tier::YemenVillages`] needs the `data-villages`
/// feature, and asking for it without that feature is an error of
/// [`ExtractorBuilder::build`](crate::ExtractorBuilder::build).
///
/// ```
/// let built = alam::Extractor::builder().tier(alam::Tier::YemenVillages, true).build();
/// assert_eq!(built.is_ok(), cfg!(feature = "data-villages"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Tier {
    /// The default set: names, titles, organizations, places, trigger words (as many of them as the
    /// enabled data features compile in).
    Default,
    /// Yemeni uzlas and villages: off by default, because many of them are common words; compiled in only
    /// with the `data-villages` feature.
    YemenVillages,
}

impl Tier {
    /// The file names (`anercorp_names.tsv` …, relative to `lexicons/`) of the bundled lexicons of this
    /// tier that this build compiles in (see [`Tier::is_compiled`] and the data features), in the order
    /// the builder loads them. With [`ExtractorBuilder::bundled(false)`] and
    /// [`Lexicon::from_path`] they let a tool read the same set from another folder, such as lexicons
    /// rebuilt from part of a corpus for cross-validation (`examples/evaluate.rs --lexicons`).
    ///
    /// [`ExtractorBuilder::bundled(false)`]: crate::ExtractorBuilder::bundled
    ///
    /// ```
    /// let files: Vec<&str> = alam::Tier::Default.files().collect();
    /// assert_eq!(files.contains(&"anercorp_names.tsv"), cfg!(feature = "data-anercorp"));
    /// assert!(!files.contains(&"places_yemen_villages.tsv"));
    /// ```
    pub fn files(self) -> impl Iterator<Item = &'static str> {
        BUNDLED
            .iter()
            .filter(move |b| b.tier == self && b.compiled)
            .map(|b| b.name.trim_start_matches("lexicons/"))
    }

    /// The cargo feature that compiles the tier's files in, if it needs one.
    ///
    /// ```
    /// assert_eq!(alam::Tier::YemenVillages.feature(), Some("data-villages"));
    /// assert_eq!(alam::Tier::Default.feature(), None);
    /// ```
    pub fn feature(self) -> Option<&'static str> {
        match self {
            Tier::Default => None,
            Tier::YemenVillages => Some("data-villages"),
        }
    }

    /// Whether this build has the tier's files compiled in.
    ///
    /// ```
    /// assert!(alam::Tier::Default.is_compiled());
    /// assert_eq!(alam::Tier::YemenVillages.is_compiled(), cfg!(feature = "data-villages"));
    /// ```
    pub fn is_compiled(self) -> bool {
        BUNDLED.iter().any(|b| b.tier == self && b.compiled)
    }
}

/// One bundled lexicon file.
pub(crate) struct Bundled {
    pub(crate) name: &'static str,
    /// The file's text; empty when its feature is off (the file is then not in the binary).
    pub(crate) text: &'static str,
    /// The table `build.rs` compiled the file into (see `src/table.rs`), read in place; empty when the
    /// feature is off.
    pub(crate) table: &'static [u8],
    pub(crate) tier: Tier,
    /// Whether the file is compiled into this build.
    pub(crate) compiled: bool,
    /// Every entry is a `name` token: `build.rs` made the file a set of folded tokens, which the index
    /// reads in place (see [`bundled_name_tokens`]) rather than as entries.
    pub(crate) name_tokens: bool,
}

/// Whether a table that `build.rs` wrote is a set of `name` tokens (decided there, from the file).
const fn is_name_table(table: &[u8]) -> bool {
    let magic = table::NAMES.to_le_bytes();
    table.len() >= 4
        && table[0] == magic[0]
        && table[1] == magic[1]
        && table[2] == magic[2]
        && table[3] == magic[3]
}

/// The text and the table of a bundled file, or empty ones when the feature that compiles it in is off:
/// `include_str!` and `include_bytes!` are then not expanded at all, so the data is not in the binary.
macro_rules! bundled_data {
    ($file:literal) => {
        (
            include_str!(concat!("../lexicons/", $file)),
            include_bytes!(concat!(env!("OUT_DIR"), "/", $file, ".bin")).as_slice(),
        )
    };
    ($file:literal, $feature:literal) => {{
        #[cfg(feature = $feature)]
        let data = bundled_data!($file);
        #[cfg(not(feature = $feature))]
        let data: (&str, &[u8]) = ("", &[]);
        data
    }};
}

macro_rules! bundled_feature {
    () => {
        None::<&'static str>
    };
    ($feature:literal) => {
        Some($feature)
    };
}

macro_rules! bundled {
    ($($tier:ident $file:literal $(if $feature:literal)?),* $(,)?) => {
        &[$(Bundled {
            name: concat!("lexicons/", $file),
            text: bundled_data!($file $(, $feature)?).0,
            table: bundled_data!($file $(, $feature)?).1,
            tier: Tier::$tier,
            compiled: bundled_feature!($($feature)?).is_none() $(|| cfg!(feature = $feature))?,
            name_tokens: is_name_table(bundled_data!($file $(, $feature)?).1),
        }),*]
    };
}

/// The lexicon files the crate can compile in, each with the feature that does (see `Cargo.toml` and
/// `lexicons/README.md` for the licence behind each feature). The order is the order of the index.
/// Every file of `lexicons/` must be here (a test checks it); `build.rs` compiles each of them.
pub(crate) static BUNDLED: &[Bundled] = bundled![
    Default "function_words.tsv",
    Default "titles.tsv",
    Default "roles.tsv",
    Default "particles.tsv",
    Default "org_heads.tsv",
    Default "place_nouns.tsv",
    Default "speech_verbs.tsv",
    Default "nationalities.tsv",
    Default "organizations.tsv",
    Default "places_countries.tsv",
    Default "places_countries_cldr.tsv" if "data-cldr",
    Default "places_variants.tsv",
    Default "places_subdivisions.tsv" if "data-cldr",
    Default "places_yemen.tsv",
    Default "places_cities_cldr.tsv" if "data-cldr",
    Default "places_cities_geonames.tsv" if "data-geonames",
    Default "given_names.tsv",
    Default "family_names.tsv",
    Default "anercorp_names.tsv" if "data-anercorp",
    Default "anercorp_common.tsv" if "data-anercorp",
    Default "ambiguous_names.tsv",
    Default "ambiguous_names_cldr.tsv" if "data-cldr",
    Default "ambiguous_names_geonames.tsv" if "data-geonames",
    Default "names_wikidata.tsv",
    Default "names_wikipedia.tsv",
    Default "historical_peoples.tsv",
    Default "historical_rulers.tsv",
    YemenVillages "places_yemen_villages.tsv" if "data-villages",
];

/// The folded `name` tokens of a bundled file of them, as the set `build.rs` made: looked up in place.
#[derive(Clone, Copy)]
pub(crate) struct NameTokens {
    table: &'static [u8],
    text: &'static str,
}

impl NameTokens {
    /// Whether `folded`, whose [`NameTokens::hash`] is `hash`, is one of the tokens.
    #[inline]
    pub(crate) fn contains_hashed(&self, folded: &str, hash: u64) -> bool {
        table::has_name(self.table, self.text, folded, hash)
    }

    /// Whether `folded` is one of the tokens.
    #[cfg(test)]
    pub(crate) fn contains(&self, folded: &str) -> bool {
        self.contains_hashed(folded, NameTokens::hash(folded))
    }

    /// The hash that places a token in every set of them.
    #[inline]
    pub(crate) fn hash(folded: &str) -> u64 {
        table::name_hash(folded.as_bytes())
    }

    /// Every token, in no particular order.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'static str> {
        table::names(self.table, self.text)
    }
}

impl fmt::Debug for NameTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NameTokens({} bytes)", self.table.len())
    }
}

/// The folded forms of a bundled file of `name` tokens, read from the table `build.rs` made of the
/// lines' `fold=`, without parsing the file. The test suite checks them against the full parser
/// (`bundled_tables_read_what_the_parser_reads`).
pub(crate) fn bundled_name_tokens(b: &Bundled) -> NameTokens {
    debug_assert!(b.name_tokens);
    NameTokens {
        table: b.table,
        text: b.text,
    }
}

/// The entries of one bundled file, read from its table: each field a slice of the file's text, no line
/// parsed but the few `build.rs` marks irregular. The bundled files are checked by the test suite, so a
/// failure here is a bug in the crate, not in the caller's input.
#[cfg(test)]
pub(crate) fn load_bundled(b: &Bundled) -> Lexicon {
    Lexicon {
        name: Arc::from(b.name),
        entries: bundled_entries(b).collect(),
        keys: None,
    }
}

/// How many entries the table of a bundled file of records holds.
pub(crate) fn bundled_len(b: &Bundled) -> usize {
    if b.table.is_empty() {
        return 0;
    }
    assert!(
        table::word(b.table, 0) == table::RECORDS,
        "{}: no table of records (a crate bug)",
        b.name
    );
    table::word(b.table, 1) as usize
}

/// The entries of a bundled file, read from its table (see [`load_bundled`]).
pub(crate) fn bundled_entries(b: &Bundled) -> impl ExactSizeIterator<Item = Entry> + '_ {
    let text: &'static str = b.text;
    let table = b.table;
    // The file's place in `BUNDLED`, which its entries hold to read their text in place.
    let file = BUNDLED
        .iter()
        .position(|x| std::ptr::eq(x, b))
        .and_then(|i| u8::try_from(i).ok());
    (0..bundled_len(b)).map(move |r| {
        let at = (2 + r * table::RECORD_WORDS) * 4;
        // The record's words, read from one slice (one bounds check).
        let record: &[u8; table::RECORD_WORDS * 4] = table
            .get(at..at + table::RECORD_WORDS * 4)
            .and_then(|r| r.try_into().ok())
            .unwrap_or_else(|| panic!("{}: a table cut short (a crate bug)", b.name));
        let word0 = table::word(record, 0);
        let line = table::word(record, 1) as usize;
        let mut entry = if word0 & table::IRREGULAR != 0 {
            let line_at = table::word(record, table::LINE_AT) as usize;
            let raw =
                &text[line_at..line_at + table::word(record, table::Field::Text as usize) as usize];
            let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            match parse_line(raw) {
                Ok(entry) => entry,
                Err(e) => panic!(
                    "bundled lexicon is malformed (a crate bug): {}",
                    Error::lexicon(b.name, line, e)
                ),
            }
        } else {
            let (gender, gender_given) = match (word0 >> 8) & 0xFF {
                table::GENDER_MALE => (Some(Gender::Male), true),
                table::GENDER_FEMALE => (Some(Gender::Female), true),
                table::GENDER_UNISEX => (None, true),
                table::GENDER_NONE => (None, false),
                other => panic!(
                    "{}:{line}: gender {other} in its table (a crate bug)",
                    b.name
                ),
            };
            let mut entry = Entry::bundled(
                bundled_src(file, text, record),
                EntryKind::ALL[(word0 & 0xFF) as usize],
                gender,
                gender_given,
            );
            if word0 & table::SPACED != 0 {
                // The matching form, made of the fold (a few hundred lines): the entry's text is then
                // its own.
                let spaced = table::spaced(entry.folded());
                if let Err(e) = entry.set(Field::Folded, &spaced) {
                    panic!("{}:{line}: {e} (a crate bug)", b.name);
                }
            }
            entry
        };
        entry.line = line as u32;
        entry
    })
}

/// The text of the entry of a regular record of a bundled file's table: read in place when the file
/// is `BUNDLED[file]` (the record's fields are then copied as they are), else copied into the entry's
/// own.
fn bundled_src(
    file: Option<u8>,
    text: &'static str,
    record: &[u8; table::RECORD_WORDS * 4],
) -> Src {
    let line_at = table::word(record, table::LINE_AT);
    let shorts: [Short; 6] = std::array::from_fn(|k| {
        let w = table::word(record, table::Field::Text as usize + k);
        Short {
            start: w as u16,
            len: (w >> 16) as u16,
        }
    });
    if let Some(file) = file {
        return Src::Bundled {
            file,
            line_at,
            at: shorts,
        };
    }
    let mut own = Own {
        text: String::new(),
        at: [Slot::NONE; 6],
    };
    for (slot, short) in own.at.iter_mut().zip(shorts) {
        if short.start != u16::MAX {
            let from = line_at as usize + short.start as usize;
            *slot = Slot {
                start: own.text.len() as u32,
                len: u32::from(short.len),
            };
            own.text.push_str(&text[from..from + short.len as usize]);
        }
    }
    Src::Own(Box::new(own))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        Lexicon::parse("t.tsv", text).unwrap_err().to_string()
    }

    #[test]
    fn parses_attributes() {
        let lex = Lexicon::parse(
            "t",
            "حسين\tgiven\tgender=male\nالمكلا\tplace\tsub=city\tcountry=YE\tparent=حضرموت\tfold=المكلا\n",
        )
        .unwrap();
        assert_eq!(lex.entries()[0].gender(), Some(Gender::Male));
        assert_eq!(lex.entries()[1].parent(), Some("حضرموت"));
        assert_eq!(lex.entries()[1].line(), 2);
    }

    #[test]
    fn bom_crlf_blank_and_comments() {
        let lex = Lexicon::parse("t", "\u{FEFF}# c\r\n\r\nعدن\tplace\tsub=city\r\n   \n").unwrap();
        assert_eq!(lex.len(), 1);
        assert_eq!(lex.entries()[0].line(), 3);
    }

    #[test]
    fn lenient_layout_loses_nothing() {
        let text = "# a\n  # b\n عدن \t place \t sub = city \t\t\n\u{FEFF}صنعاء\tplace\tsub=city\n";
        let lex = Lexicon::parse("t", text).unwrap();
        let got: Vec<_> = lex.entries().iter().map(|e| (e.line(), e.text())).collect();
        assert_eq!(got, [(3, "عدن"), (4, "صنعاء")]);
    }

    #[test]
    fn punctuation_inside_an_entry_stands_alone_as_in_the_text() {
        assert_eq!(token_words("د."), "د .");
        assert_eq!(token_words("ا.د."), "ا . د .");
        assert_eq!(token_words("ديميرارا-بيربيس"), "ديميرارا - بيربيس");
        assert_eq!(token_words("الكونغو - برازافيل"), "الكونغو - برازافيل");
        assert_eq!(token_words("بي. بي. سي"), "بي . بي . سي");
        assert_eq!(token_words("عبدالله 2024"), "عبدالله 2024");
        let lex = Lexicon::parse("t", "د.\ttitle\tgender=unisex\tfold=د.\n").unwrap();
        assert_eq!(lex.entries()[0].folded(), "د .");
    }

    #[test]
    fn repeated_entries_in_one_file_are_errors() {
        assert_eq!(
            err("عدن\tplace\tsub=city\nعدن\tcommon\nعَدن\tplace\tsub=town\n"),
            "t.tsv:3: `عَدن` (place) repeats line 1 (`عدن`): entries of one kind must differ after folding"
        );
    }

    #[test]
    fn empty_file_is_an_empty_lexicon() {
        assert!(Lexicon::parse("t", "").unwrap().is_empty());
    }

    #[test]
    fn errors_name_file_line_and_reason() {
        assert_eq!(
            err("عدن\n"),
            "t.tsv:1: expected TEXT<TAB>KIND, found no tab"
        );
        assert_eq!(err("#\nعدن\tcity\n"), "t.tsv:2: unknown kind `city`");
        assert_eq!(
            err("عدن\tplace\tsub=city\tsize=3\n"),
            "t.tsv:1: unknown attribute `size`"
        );
        assert_eq!(
            err("عدن\tplace\tsub=city\tcity\n"),
            "t.tsv:1: expected an attribute key=value, found `city`"
        );
        assert_eq!(
            err("عدن\tplace\tsub=city\tsub=town\n"),
            "t.tsv:1: the attribute `sub` is given twice"
        );
        assert_eq!(err("هند\tgiven\n"), "t.tsv:1: a given name needs `gender=`");
        assert_eq!(
            err("هند\tgiven\tgender=f\n"),
            "t.tsv:1: unknown gender `f` (expected male, female or unisex)"
        );
        assert_eq!(
            err("\u{064E}\tcommon\n"),
            "t.tsv:1: the entry text is empty after folding"
        );
        assert_eq!(err("\tcommon\n"), "t.tsv:1: the entry text is empty");
        assert_eq!(
            err("عدن\tplace\tsub=city\tcountry=ye\n"),
            "t.tsv:1: the country `ye` is not an ISO 3166-1 alpha-2 code such as YE"
        );
        assert_eq!(
            err("عدن\tplace\tsub=city\tfold=عدنن\n"),
            "t.tsv:1: the stored fold `عدنن` differs from the fold of the text `عدن`"
        );
    }

    #[test]
    fn invalid_utf8_names_line_and_offset() {
        let e = Lexicon::from_bytes("b.tsv", b"a\tcommon\nb\tcommon\nc\xc3\tcommon\n").unwrap_err();
        assert_eq!(e.to_string(), "b.tsv:3: invalid UTF-8 at byte offset 19");
    }

    /// The fewest entries each bundled file may have: an accidental truncation fails the build's tests.
    fn floor(name: &str) -> usize {
        match name.trim_start_matches("lexicons/") {
            "places_countries.tsv" => 200,
            "places_countries_cldr.tsv" => 50,
            "places_variants.tsv" => 30,
            "places_subdivisions.tsv" => 4000,
            "places_yemen.tsv" => 22 + 300,
            "places_cities_cldr.tsv" => 300,
            "places_cities_geonames.tsv" => 7_500,
            "places_yemen_villages.tsv" => 20_000,
            "given_names.tsv" => 800,
            "family_names.tsv" => 400,
            "anercorp_names.tsv" => 1000,
            "anercorp_common.tsv" => 2000,
            "ambiguous_names.tsv" | "ambiguous_names_cldr.tsv" | "ambiguous_names_geonames.tsv" => {
                20
            }
            "titles.tsv" | "speech_verbs.tsv" | "org_heads.tsv" => 60,
            "roles.tsv" | "function_words.tsv" | "organizations.tsv" => 100,
            "nationalities.tsv" => 200,
            "place_nouns.tsv" => 20,
            "particles.tsv" => 10,
            "historical_peoples.tsv" => 30,
            "historical_rulers.tsv" => 15,
            "names_wikidata.tsv" => 40_000,
            "names_wikipedia.tsv" => 1000,
            other => panic!("no floor for bundled file {other}: add one"),
        }
    }

    #[test]
    fn every_bundled_file_loads_without_duplicates_and_above_its_floor() {
        for b in BUNDLED.iter().filter(|b| b.compiled) {
            let lex = Lexicon::parse(b.name, b.text).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                lex.len() >= floor(b.name),
                "{} has only {} entries",
                b.name,
                lex.len()
            );
            let mut seen = std::collections::HashSet::new();
            for e in lex.entries() {
                assert!(
                    !e.folded().is_empty(),
                    "{}:{} folds to nothing",
                    b.name,
                    e.line()
                );
                assert!(
                    seen.insert((e.folded(), e.kind())),
                    "{}:{} repeats `{}`",
                    b.name,
                    e.line(),
                    e.text()
                );
            }
        }
    }

    /// What the tables of `build.rs` give is what the full parser reads from the same file: every
    /// entry, field by field (text, fold, kind, gender, attributes, line), or for a file of `name`
    /// tokens the same set of folds.
    #[test]
    fn bundled_tables_read_what_the_parser_reads() {
        for b in BUNDLED.iter().filter(|b| b.compiled) {
            let parsed = Lexicon::parse(b.name, b.text).unwrap_or_else(|e| panic!("{e}"));
            if b.name_tokens {
                let mut want: Vec<&str> = parsed
                    .entries()
                    .iter()
                    .inspect(|e| assert_eq!(e.kind(), EntryKind::Name, "{}:{}", b.name, e.line()))
                    .map(Entry::folded)
                    .collect();
                want.sort_unstable();
                let tokens = bundled_name_tokens(b);
                let mut got: Vec<&str> = tokens.iter().collect();
                got.sort_unstable();
                assert_eq!(got, want, "{}", b.name);
                assert!(want.iter().all(|t| tokens.contains(t)), "{}", b.name);
                assert!(
                    !tokens.contains("") && !tokens.contains("عدنعدن"),
                    "{}",
                    b.name
                );
            } else {
                let loaded = load_bundled(b);
                assert_eq!(loaded.entries(), parsed.entries(), "{}", b.name);
                for e in loaded.entries().iter().chain(parsed.entries()) {
                    assert_eq!(e.sub(), e.field(Field::Sub), "{}:{}", b.name, e.line());
                }
            }
        }
    }

    /// The sub-kind an entry keeps in one byte is its text's, whether of the vocabulary or not: given
    /// in a file, set by `with_sub` (again and again), and kept or set on a bundled entry whose text
    /// another setter moved into the entry's own.
    #[test]
    fn the_sub_kind_is_the_fields_text() {
        let lex = Lexicon::parse(
            "x",
            "عدن\tplace\tsub=city\nسوق الملح\tplace\tsub=souk\nالدكتور\ttitle\tgender=male\ncity\tplace\tsub=other\n",
        )
        .unwrap();
        let subs: Vec<Option<&str>> = lex.entries().iter().map(Entry::sub).collect();
        assert_eq!(subs, [Some("city"), Some("souk"), None, Some("other")]);
        for e in lex.entries() {
            assert_eq!(e.sub(), e.field(Field::Sub));
        }
        let e = Entry::new("القلوعة", EntryKind::Place).unwrap();
        assert_eq!(e.sub(), None);
        let e = e.with_sub("town").unwrap();
        assert_eq!(e.sub(), Some("town"));
        let e = e.with_sub("souk-town").unwrap();
        assert_eq!(e.sub(), Some("souk-town"));
        let e = e.with_sub("district").unwrap();
        assert_eq!(e.sub(), Some("district"));
        assert_eq!(e.sub(), e.field(Field::Sub));
        let places = BUNDLED
            .iter()
            .find(|b| b.compiled && b.name.ends_with("places_countries.tsv"))
            .expect("the countries are bundled");
        let bundled = load_bundled(places).entries()[0].clone();
        assert!(matches!(bundled.src, Src::Bundled { .. }));
        let sub = bundled.sub().expect("a place has a sub-kind");
        assert_eq!(bundled.sub(), bundled.field(Field::Sub));
        let moved = bundled.clone().with_parent("اليمن").unwrap();
        assert!(matches!(moved.src, Src::Own(_)));
        assert_eq!(moved.sub(), Some(sub));
        assert_eq!(bundled.with_sub("souk").unwrap().sub(), Some("souk"));
    }

    /// A text longer than a lexicon may be is an error, not an entry whose ranges would not fit.
    #[test]
    fn an_entry_text_longer_than_a_lexicon_is_an_error() {
        let long = "ب".repeat(Lexicon::MAX_BYTES as usize / 2 + 1);
        let e = Entry::new(&long, EntryKind::Place).unwrap_err().to_string();
        assert!(e.contains("longer than a lexicon may be"), "{e}");
    }

    /// An entry read from a bundled table borrows the file's text; setting a field on it gives it text of
    /// its own, and every other field reads as before.
    #[test]
    fn a_bundled_entry_takes_new_fields() {
        let b = BUNDLED
            .iter()
            .find(|b| b.compiled && b.name == "lexicons/places_yemen.tsv")
            .expect("a bundled place file");
        let e = bundled_entries(b)
            .find(|e| e.sub().is_some() && e.parent().is_none())
            .expect("a place with a sub-kind and no parent");
        assert!(e.folded_static().is_some());
        let changed = e.clone().with_parent("عدن").unwrap();
        assert!(changed.folded_static().is_none());
        assert_ne!(changed, e);
        assert_eq!(changed.parent(), Some("عدن"));
        assert_eq!(
            (
                changed.text(),
                changed.folded(),
                changed.sub(),
                changed.country()
            ),
            (e.text(), e.folded(), e.sub(), e.country())
        );
        let changed = changed.with_sub("village").unwrap();
        assert_eq!(
            (changed.sub(), changed.parent()),
            (Some("village"), Some("عدن"))
        );
        assert_eq!(changed.text(), e.text());
    }

    /// A bundled lexicon `t.tsv` of `text`, with its table compiled as `build.rs` compiles one.
    fn bundled_of(text: &'static str) -> Bundled {
        Bundled {
            name: "t.tsv",
            text,
            table: Box::leak(table::compile(text).into_boxed_slice()),
            tier: Tier::Default,
            compiled: true,
            name_tokens: false,
        }
    }

    /// A line the table does not take as it is (odd spacing, no `fold=`, a fold with punctuation) is
    /// parsed in full: the entries are the parser's all the same.
    #[test]
    fn irregular_lines_are_parsed_in_full() {
        let text: &'static str = "# c\n\u{FEFF}عدن\tplace\tsub=city\r\n\
            المكلا \t place\tsub = city\tfold=المكلا\n\
            أ.د.\ttitle\tgender=unisex\tfold=ا.د.\n\
            صنعاء\tplace\tsub=city\tcountry=YE\tfold=صنعاء\n\
            الولايات  المتحدة\tplace\tsub=country\tfold=الولايات المتحده\n";
        let b = bundled_of(text);
        let parsed = Lexicon::parse("t.tsv", text).unwrap();
        assert_eq!(parsed.len(), 5);
        assert_eq!(load_bundled(&b).entries(), parsed.entries());
    }

    /// A fold with ASCII marks in its words is read from the table, not parsed, and its matching form
    /// is the parser's (each mark a word of its own).
    #[test]
    fn folds_with_marks_are_read_as_the_parser_reads_them() {
        let text: &'static str = "أ.د.\ttitle\tgender=unisex\tfold=ا.د.\n\
            بي. بي. سي\torganization\tfold=بي. بي. سي\n\
            لورالي ايرو-اتلنتيك\torganization\tcountry=FR\tfold=لورالي ايرو-اتلنتيك\n\
            سي.ان.ان\torganization\tfold=سي.ان.ان\n\
            –صنعاء\tplace\tsub=region\tfold=–صنعاء\n\
            عدن\tplace\tsub=city\tfold=عدن\n";
        let b = bundled_of(text);
        let word0 = |r: usize| table::word(b.table, 2 + r * table::RECORD_WORDS);
        for r in 0..5 {
            assert_eq!(word0(r) & table::IRREGULAR, 0, "record {r}");
            assert_ne!(word0(r) & table::SPACED, 0, "record {r}");
        }
        assert_eq!(word0(5) & (table::IRREGULAR | table::SPACED), 0);
        let parsed = Lexicon::parse("t.tsv", text).unwrap();
        let read = load_bundled(&b);
        assert_eq!(read.entries(), parsed.entries());
        assert_eq!(read.entries()[1].folded(), "بي . بي . سي");
        assert_eq!(read.entries()[2].folded(), "لورالي ايرو - اتلنتيك");
        assert_eq!(read.entries()[2].country(), Some("FR"));
        assert_eq!(read.entries()[4].folded(), "– صنعاء");
    }

    /// A line of 64 KiB or more, whose fields' places do not fit the 16 bits of a record, is left to
    /// the parser, and reads as it does.
    #[test]
    fn a_line_too_long_for_a_record_is_parsed_in_full() {
        let word = "ب".repeat(20_000);
        let text: &'static str = Box::leak(
            format!("عدن\tplace\tsub=city\tfold=عدن\n{word}\tplace\tsub=city\tcountry=YE\tfold={word}\n")
                .into_boxed_str(),
        );
        let b = bundled_of(text);
        assert_eq!(table::word(b.table, 2) & table::IRREGULAR, 0);
        assert_ne!(
            table::word(b.table, 2 + table::RECORD_WORDS) & table::IRREGULAR,
            0
        );
        let parsed = Lexicon::parse("t.tsv", text).unwrap();
        assert_eq!(load_bundled(&b).entries(), parsed.entries());
        assert_eq!(load_bundled(&b).entries()[1].country(), Some("YE"));
    }

    /// An entry is five words: the index holds one for each of 22,000 bundled lines, written at the
    /// start of every process.
    #[test]
    fn an_entry_is_small() {
        assert!(
            std::mem::size_of::<Entry>() <= 40,
            "{}",
            std::mem::size_of::<Entry>()
        );
    }

    /// Every lexicon file is in [`BUNDLED`] (`build.rs` compiles each file of `lexicons/`, and a file
    /// left out of the list would be compiled and never loaded), and every file there exists.
    #[test]
    fn every_lexicon_file_is_bundled() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tsv"))
            .collect();
        files.sort();
        let mut bundled: Vec<String> = BUNDLED
            .iter()
            .map(|b| b.name.trim_start_matches("lexicons/").to_string())
            .collect();
        bundled.sort();
        assert_eq!(files, bundled);
    }

    #[test]
    fn kinds_are_named_in_their_order() {
        for (i, k) in EntryKind::ALL.into_iter().enumerate() {
            assert_eq!(k as usize, i);
        }
        assert_eq!(EntryKind::Person.as_str(), "person");
        assert_eq!(EntryKind::Name.as_str(), "name");
        assert_eq!(EntryKind::OrgHead.as_str(), "org-head");
    }

    #[test]
    fn a_file_whose_feature_is_off_is_not_in_the_build() {
        let compiled = |name: &str| BUNDLED.iter().find(|b| b.name.ends_with(name)).unwrap();
        for (file, on) in [
            ("anercorp_names.tsv", cfg!(feature = "data-anercorp")),
            (
                "places_cities_geonames.tsv",
                cfg!(feature = "data-geonames"),
            ),
            ("places_subdivisions.tsv", cfg!(feature = "data-cldr")),
            ("places_yemen_villages.tsv", cfg!(feature = "data-villages")),
            ("given_names.tsv", true),
        ] {
            let b = compiled(file);
            assert_eq!(b.compiled, on, "{file}");
            assert_eq!(b.text.is_empty(), !on, "{file}");
        }
    }

    #[test]
    fn yemen_has_every_governorate_and_district() {
        let b = BUNDLED
            .iter()
            .find(|b| b.name.ends_with("places_yemen.tsv"))
            .unwrap();
        let lex = load_bundled(b);
        let count = |sub| {
            lex.entries()
                .iter()
                .filter(|e| e.sub() == Some(sub))
                .count()
        };
        assert!(
            count("governorate") >= 21,
            "governorates: {}",
            count("governorate")
        );
        assert!(count("district") >= 300, "districts: {}", count("district"));
    }

    #[test]
    fn ascii_split_agrees_with_str_split() {
        for s in ["", "a", "\t", "a\tb", "\ta\t\tb\t", "عدن\tplace\tsub=city"] {
            let ours: Vec<_> = split_ascii(s, b'\t').collect();
            assert_eq!(ours, s.split('\t').collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn entry_text_is_single_spaced() {
        let e = Entry::new(" الولايات \t المتحدة\u{00A0}", EntryKind::Place).unwrap();
        assert_eq!(e.text(), "الولايات المتحدة");
        assert_eq!(Entry::new("عدن", EntryKind::Place).unwrap().text(), "عدن");
    }

    #[test]
    fn kinds_round_trip() {
        for k in EntryKind::ALL {
            assert_eq!(k.as_str().parse::<EntryKind>().unwrap(), k);
        }
    }
}
