//! Lexicon files: parsing the line format, and the lexicons bundled with the crate.
//!
//! The format is documented in `lexicons/README.md` and in the crate documentation: one entry a line,
//! `TEXT<TAB>KIND` followed by `key=value` attributes, `#` comments.

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

use crate::error::Error;
use crate::mention::Gender;
use crate::normalize::fold;

/// What a lexicon entry is.
///
/// ```
/// use alam::EntryKind;
/// assert_eq!("org-head".parse::<EntryKind>().unwrap(), EntryKind::OrgHead);
/// assert_eq!(EntryKind::PlaceNoun.as_str(), "place-noun");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
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
}

impl EntryKind {
    /// Every kind, in a fixed order.
    pub const ALL: [EntryKind; 14] = [
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
    ];

    /// The name used in lexicon files.
    ///
    /// ```
    /// assert_eq!(alam::EntryKind::SpeechVerb.as_str(), "speech-verb");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Person => "person",
            EntryKind::Given => "given",
            EntryKind::Family => "family",
            EntryKind::Particle => "particle",
            EntryKind::Title => "title",
            EntryKind::Role => "role",
            EntryKind::Organization => "organization",
            EntryKind::OrgHead => "org-head",
            EntryKind::Place => "place",
            EntryKind::PlaceNoun => "place-noun",
            EntryKind::Nationality => "nationality",
            EntryKind::SpeechVerb => "speech-verb",
            EntryKind::Common => "common",
            EntryKind::Function => "function",
        }
    }

    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntryKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EntryKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown kind `{s}`"))
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    text: String,
    folded: String,
    kind: EntryKind,
    gender: Option<Gender>,
    sub: Option<String>,
    cat: Option<String>,
    country: Option<String>,
    parent: Option<String>,
    line: usize,
}

impl Entry {
    /// Builds an entry in code, as a lexicon line would.
    ///
    /// ```
    /// use alam::{Entry, EntryKind};
    /// let e = Entry::new("الأستاذة", EntryKind::Title).unwrap().with_gender(alam::Gender::Female);
    /// assert_eq!(e.folded(), "الاستاذه");
    /// ```
    pub fn new(text: &str, kind: EntryKind) -> Result<Entry, Error> {
        let text = single_spaced(text);
        let folded = fold(&text);
        if folded.is_empty() {
            return Err(Error::lexicon(
                "<code>",
                0,
                "the entry text is empty after folding",
            ));
        }
        Ok(Entry {
            text,
            folded,
            kind,
            gender: None,
            sub: None,
            cat: None,
            country: None,
            parent: None,
            line: 0,
        })
    }

    /// Sets the gender.
    pub fn with_gender(mut self, gender: Gender) -> Entry {
        self.gender = Some(gender);
        self
    }

    /// Sets the sub-kind (`city`, `ministry`…).
    pub fn with_sub(mut self, sub: &str) -> Entry {
        self.sub = Some(sub.to_string());
        self
    }

    /// The entry as written in the lexicon (display form).
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The folded form the matcher compares.
    pub fn folded(&self) -> &str {
        &self.folded
    }
    /// What the entry is.
    pub fn kind(&self) -> EntryKind {
        self.kind
    }
    /// The gender, for names, titles, roles and nationalities. `None` where unknown or unisex.
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
    /// The sub-kind (`city`, `country`, `ministry`…), where given.
    pub fn sub(&self) -> Option<&str> {
        self.sub.as_deref()
    }
    /// The title category (`academic`, `religious`…), where given.
    pub fn category(&self) -> Option<&str> {
        self.cat.as_deref()
    }
    /// The ISO 3166-1 alpha-2 country code, where given.
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }
    /// The enclosing place's name, where given.
    pub fn parent(&self) -> Option<&str> {
        self.parent.as_deref()
    }
    /// The 1-based line of the lexicon the entry came from (0 for entries built in code).
    pub fn line(&self) -> usize {
        self.line
    }
    /// How many words the folded form has.
    pub(crate) fn word_count(&self) -> usize {
        self.folded.split(' ').count()
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
#[derive(Debug, Clone)]
pub struct Lexicon {
    name: Arc<str>,
    entries: Vec<Entry>,
}

impl Lexicon {
    /// An empty lexicon to fill with [`Lexicon::push`].
    ///
    /// ```
    /// let mut lex = alam::Lexicon::new("code");
    /// lex.push(alam::Entry::new("سيئون", alam::EntryKind::Place).unwrap().with_sub("city"));
    /// assert_eq!(lex.len(), 1);
    /// ```
    pub fn new(name: &str) -> Lexicon {
        Lexicon {
            name: Arc::from(name),
            entries: Vec::new(),
        }
    }

    /// Parses lexicon text. `name` is used in error messages and as the source of the mentions it yields.
    ///
    /// A UTF-8 BOM at the start and CRLF line ends are accepted; blank lines and lines starting with `#`
    /// are skipped. Any other line that does not follow the format is an error naming `name`, the line
    /// number and the reason.
    ///
    /// ```
    /// let err = alam::Lexicon::parse("bad.tsv", "سيئون\tplace\n").unwrap_err();
    /// assert_eq!(err.to_string(), "bad.tsv:1: a place needs `sub=`");
    /// ```
    pub fn parse(name: &str, text: &str) -> Result<Lexicon, Error> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let lines = 1 + text.bytes().filter(|&b| b == b'\n').count();
        let mut entries = Vec::with_capacity(lines);
        for (i, raw) in text.split('\n').enumerate() {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            let blank =
                line.chars().next().map_or(true, char::is_whitespace) && line.trim().is_empty();
            if blank || line.starts_with('#') {
                continue;
            }
            entries.push(parse_line(line).map_err(|reason| Error::lexicon(name, i + 1, reason))?);
            entries.last_mut().expect("just pushed").line = i + 1;
        }
        Ok(Lexicon {
            name: Arc::from(name),
            entries,
        })
    }

    /// Reads and parses a lexicon file; its path names it in errors.
    ///
    /// ```no_run
    /// let lex = alam::Lexicon::from_path("my_places.tsv")?;
    /// # Ok::<(), alam::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Lexicon, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Lexicon::from_bytes(&path.display().to_string(), &bytes)
    }

    /// Reads and parses a lexicon from any reader.
    ///
    /// ```
    /// let lex = alam::Lexicon::from_reader("stdin", "عدن\tplace\tsub=city\n".as_bytes()).unwrap();
    /// assert_eq!(lex.len(), 1);
    /// ```
    pub fn from_reader(name: &str, mut reader: impl Read) -> Result<Lexicon, Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(|source| Error::Io {
            path: name.into(),
            source,
        })?;
        Lexicon::from_bytes(name, &bytes)
    }

    /// Parses lexicon bytes, reporting the line and offset of the first invalid UTF-8 byte.
    ///
    /// ```
    /// let err = alam::Lexicon::from_bytes("x.tsv", b"ok\tcommon\n\xff\n").unwrap_err();
    /// assert_eq!(err.to_string(), "x.tsv:2: invalid UTF-8 at byte offset 10");
    /// ```
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Lexicon, Error> {
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

    /// Adds an entry.
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// The lexicon's name.
    pub fn name(&self) -> &str {
        &self.name
    }
    pub(crate) fn shared_name(&self) -> Arc<str> {
        Arc::clone(&self.name)
    }
    pub(crate) fn into_entries(self) -> Vec<Entry> {
        self.entries
    }
    /// The entries, in file order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
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
    let mut fields = split_ascii(line, b'\t');
    let text = fields.next().unwrap_or_default().trim();
    if text.is_empty() {
        return Err("the entry text is empty".into());
    }
    let kind: EntryKind = match fields.next() {
        Some(k) => k.trim().parse()?,
        None => return Err("expected TEXT<TAB>KIND, found no tab".into()),
    };
    let mut entry =
        Entry::new(text, kind).map_err(|_| "the entry text is empty after folding".to_string())?;
    let mut stored_fold = None;
    let mut seen: Vec<&str> = Vec::new();
    for field in fields {
        let field = field.trim();
        let (key, value) = field
            .bytes()
            .position(|b| b == b'=')
            .map(|at| (&field[..at], &field[at + 1..]))
            .filter(|(k, v)| !k.is_empty() && !v.is_empty())
            .ok_or_else(|| format!("expected an attribute key=value, found `{field}`"))?;
        if seen.contains(&key) {
            return Err(format!("the attribute `{key}` is given twice"));
        }
        seen.push(key);
        match key {
            "gender" => entry.gender = parse_gender(value)?,
            "sub" => entry.sub = Some(value.to_string()),
            "cat" => entry.cat = Some(value.to_string()),
            "country" => entry.country = Some(parse_country(value)?),
            "parent" => entry.parent = Some(value.to_string()),
            "fold" => stored_fold = Some(value),
            _ => return Err(format!("unknown attribute `{key}`")),
        }
    }
    if let Some(stored) = stored_fold {
        if stored != entry.folded {
            return Err(format!(
                "the stored fold `{stored}` differs from the fold of the text `{}`",
                entry.folded
            ));
        }
    }
    if matches!(kind, EntryKind::Place) && entry.sub.is_none() {
        return Err("a place needs `sub=`".into());
    }
    if matches!(kind, EntryKind::Given) && !seen.contains(&"gender") {
        return Err("a given name needs `gender=`".into());
    }
    Ok(entry)
}

fn parse_gender(value: &str) -> Result<Option<Gender>, String> {
    match value {
        "male" => Ok(Some(Gender::Male)),
        "female" => Ok(Some(Gender::Female)),
        "unisex" => Ok(None),
        _ => Err(format!(
            "unknown gender `{value}` (expected male, female or unisex)"
        )),
    }
}

fn parse_country(value: &str) -> Result<String, String> {
    if value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(value.to_string())
    } else {
        Err(format!(
            "the country `{value}` is not an ISO 3166-1 alpha-2 code such as YE"
        ))
    }
}

/// Which bundled lexicons a builder loads.
///
/// ```
/// let ex = alam::Extractor::builder().tier(alam::Tier::YemenVillages, true).build().unwrap();
/// # let _ = ex;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Tier {
    /// The default set: names, titles, organizations, places, trigger words.
    Default,
    /// Yemeni uzlas and villages: off by default, because many of them are common words.
    YemenVillages,
}

/// One bundled lexicon file.
pub(crate) struct Bundled {
    pub(crate) name: &'static str,
    pub(crate) text: &'static str,
    pub(crate) tier: Tier,
}

macro_rules! bundled {
    ($($tier:ident $file:literal),* $(,)?) => {
        &[$(Bundled {
            name: concat!("lexicons/", $file),
            text: include_str!(concat!("../lexicons/", $file)),
            tier: Tier::$tier,
        }),*]
    };
}

/// The lexicon files compiled into the crate.
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
    Default "places_subdivisions.tsv",
    Default "places_yemen.tsv",
    Default "places_cities.tsv",
    Default "given_names.tsv",
    Default "family_names.tsv",
    Default "anercorp_names.tsv",
    Default "anercorp_common.tsv",
    Default "ambiguous_names.tsv",
    YemenVillages "places_yemen_villages.tsv",
];

/// Parses one bundled file. The bundled files are checked by the test suite, so a failure here is a bug
/// in the crate, not in the caller's input.
pub(crate) fn load_bundled(b: &Bundled) -> Lexicon {
    match Lexicon::parse(b.name, b.text) {
        Ok(lex) => lex,
        Err(e) => panic!("bundled lexicon is malformed (a crate bug): {e}"),
    }
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
