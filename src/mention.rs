//! What extraction reports: spans, mention kinds, and one mention per occurrence.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;
use std::sync::Arc;

#[cfg(feature = "serde")]
use serde::de::Error as _;
#[cfg(feature = "serde")]
use serde::ser::SerializeStruct;
#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ParseError;

/// Where a mention sits in the caller's original text, in UTF-8 bytes and in chars.
///
/// `&text[span.range()]` is always the mention's text; `char_start..char_end` count Rust `char`s
/// (Unicode scalar values) from the start of the text. Ends are exclusive.
///
/// ```
/// let text = "زار مُحَمَّد عدن";
/// let doc = alam::Extractor::new().extract(text);
/// let aden = doc.mentions().iter().find(|m| m.text() == "عدن").unwrap();
/// assert_eq!(&text[aden.span().range()], "عدن");
/// assert_eq!(aden.span().char_start(), 13); // harakat count as chars
/// assert_eq!(aden.span().start(), 24);
/// ```
/// Offsets are held in 32 bits, so a text may be at most [`Span::MAX_OFFSET`] bytes long (4 GiB − 1);
/// [`Extractor::try_extract`](crate::Extractor::try_extract) refuses a longer text with
/// [`Error::TextTooLong`](crate::Error::TextTooLong), and never reads part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SpanRepr"))]
pub struct Span {
    start: u32,
    end: u32,
    char_start: u32,
    char_end: u32,
}

/// A span as it is deserialized, before its ends are checked.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
struct SpanRepr {
    start: u64,
    end: u64,
    char_start: u64,
    char_end: u64,
}

#[cfg(feature = "serde")]
impl TryFrom<SpanRepr> for Span {
    type Error = String;
    fn try_from(r: SpanRepr) -> Result<Span, String> {
        let fits = |n: u64| usize::try_from(n).ok().filter(|&n| n <= Span::MAX_OFFSET);
        let (Some(start), Some(end), Some(char_start), Some(char_end)) = (
            fits(r.start),
            fits(r.end),
            fits(r.char_start),
            fits(r.char_end),
        ) else {
            return Err(format!(
                "invalid span: bytes {}..{}, chars {}..{}: an offset is above {}",
                r.start,
                r.end,
                r.char_start,
                r.char_end,
                Span::MAX_OFFSET
            ));
        };
        if start > end || char_start > char_end || char_end - char_start > end - start {
            return Err(format!(
                "invalid span: bytes {start}..{end}, chars {char_start}..{char_end}"
            ));
        }
        Ok(Span::new(start, end, char_start, char_end))
    }
}

/// An offset as a span holds it. Every offset comes from a text checked against [`Span::MAX_OFFSET`]
/// ([`check_text_len`](crate::extractor::check_text_len)), so this never fails; were it to, it would stop
/// rather than report a wrong offset.
fn offset(n: usize) -> u32 {
    u32::try_from(n)
        .expect("offsets are within Span::MAX_OFFSET: the text's length is checked first")
}

impl Span {
    /// The largest offset a span holds, and so the longest text (in bytes) extraction takes: 4 GiB − 1.
    ///
    /// ```
    /// assert_eq!(alam::Span::MAX_OFFSET, u32::MAX as usize);
    /// ```
    pub const MAX_OFFSET: usize = u32::MAX as usize;

    pub(crate) fn new(start: usize, end: usize, char_start: usize, char_end: usize) -> Span {
        debug_assert!(start <= end && char_start <= char_end);
        Span {
            start: offset(start),
            end: offset(end),
            char_start: offset(char_start),
            char_end: offset(char_end),
        }
    }
    /// The byte offset of the first byte.
    ///
    /// ```
    /// let text = "زار عدن";
    /// let span = alam::Extractor::new().extract(text).mentions()[0].span();
    /// assert_eq!(span.start(), "زار ".len());
    /// ```
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// The byte offset just past the last byte.
    ///
    /// ```
    /// let text = "زار عدن";
    /// let span = alam::Extractor::new().extract(text).mentions()[0].span();
    /// assert_eq!(span.end(), text.len());
    /// ```
    pub fn end(&self) -> usize {
        self.end as usize
    }
    /// The byte range, for slicing the original text.
    ///
    /// ```
    /// let text = "وصل إلى عدن أمس";
    /// let span = alam::Extractor::new().extract(text).mentions()[0].span();
    /// assert_eq!(&text[span.range()], "عدن");
    /// ```
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }
    /// The char offset of the first char.
    ///
    /// ```
    /// let span = alam::Extractor::new().extract("زار عدن").mentions()[0].span();
    /// assert_eq!(span.char_start(), 4);
    /// ```
    pub fn char_start(&self) -> usize {
        self.char_start as usize
    }
    /// The char offset just past the last char.
    ///
    /// ```
    /// let span = alam::Extractor::new().extract("زار عدن").mentions()[0].span();
    /// assert_eq!(span.char_end(), 7);
    /// ```
    pub fn char_end(&self) -> usize {
        self.char_end as usize
    }
    /// The char range.
    ///
    /// ```
    /// let text = "زار عدن";
    /// let span = alam::Extractor::new().extract(text).mentions()[0].span();
    /// let chars: Vec<char> = text.chars().collect();
    /// assert_eq!(chars[span.char_range()].iter().collect::<String>(), "عدن");
    /// ```
    pub fn char_range(&self) -> Range<usize> {
        self.char_start()..self.char_end()
    }
    /// The length in bytes.
    ///
    /// ```
    /// let span = alam::Extractor::new().extract("زار عدن").mentions()[0].span();
    /// assert_eq!(span.len(), "عدن".len());
    /// ```
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    /// True for an empty span (never reported by the extractor).
    ///
    /// ```
    /// let span = alam::Extractor::new().extract("زار عدن").mentions()[0].span();
    /// assert!(!span.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when `other` lies within this span.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("عقد مؤتمر حضرموت الجامع ندوته");
    /// let org = &doc.mentions()[0];
    /// assert!(org.span().contains(&org.nested()[0].span()));
    /// ```
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// True when the two spans share at least one byte.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("عقد مؤتمر حضرموت الجامع ندوته");
    /// let org = &doc.mentions()[0];
    /// assert!(org.span().overlaps(&org.nested()[0].span()));
    /// ```
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The kind of a mention.
///
/// ```
/// assert_eq!(alam::Kind::Organization.as_str(), "organization");
/// assert_eq!("place".parse::<alam::Kind>().unwrap(), alam::Kind::Place);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// A person.
    Person,
    /// An organization.
    Organization,
    /// A place.
    Place,
}

impl Kind {
    /// Every kind.
    ///
    /// ```
    /// let names: Vec<_> = alam::Kind::ALL.iter().map(|k| k.as_str()).collect();
    /// assert_eq!(names, ["person", "organization", "place"]);
    /// ```
    pub const ALL: [Kind; 3] = [Kind::Person, Kind::Organization, Kind::Place];

    /// The lower-case English name used in JSON output.
    ///
    /// ```
    /// assert_eq!(alam::Kind::Person.as_str(), "person");
    /// assert_eq!(alam::Kind::Place.to_string(), "place");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses [`Kind::as_str`]; anything else is a [`ParseError`].
///
/// ```
/// assert_eq!("person".parse::<alam::Kind>(), Ok(alam::Kind::Person));
/// assert!("Person".parse::<alam::Kind>().is_err());
/// ```
impl FromStr for Kind {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                ParseError::new("mention kind", s, Some("person, organization or place"))
            })
    }
}

#[cfg(feature = "serde")]
/// Reads a value of `T` from its string form (`FromStr`), for the enums serialized as strings.
fn from_string<'de, T, D>(d: D) -> Result<T, D::Error>
where
    T: FromStr,
    T::Err: fmt::Display,
    D: Deserializer<'de>,
{
    let s = Cow::<'de, str>::deserialize(d)?;
    s.parse().map_err(D::Error::custom)
}

#[cfg(feature = "serde")]
/// From the string [`Kind::as_str`] gives.
///
/// ```
/// let k: alam::Kind = serde_json::from_str("\"organization\"").unwrap();
/// assert_eq!(k, alam::Kind::Organization);
/// ```
impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_string(d)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A person's grammatical gender, from a title, a role or the given name.
///
/// ```
/// assert_eq!(alam::Gender::Female.as_str(), "female");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

impl Gender {
    /// `"male"` or `"female"`.
    ///
    /// ```
    /// assert_eq!(alam::Gender::Male.as_str(), "male");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

impl fmt::Display for Gender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses `male` or `female`; anything else is a [`ParseError`].
///
/// ```
/// assert_eq!("female".parse::<alam::Gender>(), Ok(alam::Gender::Female));
/// assert_eq!("f".parse::<alam::Gender>().unwrap_err().to_string(), "unknown gender `f` (expected male or female)");
/// ```
impl FromStr for Gender {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "male" => Ok(Gender::Male),
            "female" => Ok(Gender::Female),
            _ => Err(ParseError::new("gender", s, Some("male or female"))),
        }
    }
}

#[cfg(feature = "serde")]
/// From the string [`Gender::as_str`] gives.
///
/// ```
/// let g: alam::Gender = serde_json::from_str("\"male\"").unwrap();
/// assert_eq!(g, alam::Gender::Male);
/// ```
impl<'de> Deserialize<'de> for Gender {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_string(d)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Gender {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What sort of place or organization a mention names: its sub-kind, from the lexicon entry or the
/// trigger word that found it.
///
/// The vocabulary is fixed and documented (`lexicons/README.md`, "Sub-kinds"); a `sub=` value outside it,
/// from a lexicon of your own, is [`SubKind::Other`] with the value as written. A name known to several
/// lexicon entries with different sub-kinds (صنعاء is a governorate, a CLDR subdivision and a city) is
/// reported with one of them, by a fixed precedence: see [`SubKind::precedence`].
///
/// ```
/// use alam::SubKind;
/// let doc = alam::Extractor::new().extract("زار صنعاء ووصل إلى حضرموت");
/// let subs: Vec<_> = doc.places().iter().map(|p| p.sub_kind()).collect();
/// # #[cfg(feature = "data-geonames")] // the file where صنعاء is a city
/// assert_eq!(subs, [Some(SubKind::City), Some(SubKind::Governorate)]);
/// assert_eq!(SubKind::City.as_str(), "city");
/// assert_eq!("souk".parse::<SubKind>().unwrap(), SubKind::Other("souk".to_string()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum SubKind {
    // Places, from the largest to the smallest.
    /// `continent`: a continent (أفريقيا، آسيا).
    Continent,
    /// `region`: a region other than one country's subdivision (الشرق الأوسط، البلقان), a CLDR region of
    /// a country, a natural feature (جزيرة، نهر، جبل، خليج), or a place named in ANERcorp whose type no
    /// gazetteer gives.
    Region,
    /// `country`: a sovereign country or territory with an ISO 3166-1 code (اليمن، فلسطين).
    Country,
    /// `governorate`: a governorate, محافظة (حضرموت، مأرب).
    Governorate,
    /// `province`: a province, إقليم.
    Province,
    /// `state`: a state of a federation, ولاية (كاليفورنيا).
    State,
    /// `subdivision`: a first-level subdivision of a country whose type CLDR does not give.
    Subdivision,
    /// `district`: a district, مديرية, of a Yemeni governorate (الشحر، سيئون).
    District,
    /// `city`: a city or capital, مدينة، العاصمة (صنعاء، المكلا، واشنطن).
    City,
    /// `town`: a town, بلدة.
    Town,
    /// `uzla`: an uzla, عزلة, the subdivision of a Yemeni district.
    Uzla,
    /// `village`: a village, قرية.
    Village,
    // Organizations.
    /// `ministry`: a ministry, وزارة.
    Ministry,
    /// `university`: a university, college or academy, جامعة، كلية، أكاديمية.
    University,
    /// `school`: a school, مدرسة.
    School,
    /// `hospital`: a hospital or clinic, مستشفى، مستوصف.
    Hospital,
    /// `company`: a company or factory, شركة، مصنع.
    Company,
    /// `bank`: a bank, بنك، مصرف.
    Bank,
    /// `party`: a political party, bloc or coalition, حزب، تجمع، كتلة، ائتلاف.
    Party,
    /// `movement`: a movement, front or armed group, حركة، جبهة، تيار، جماعة.
    Movement,
    /// `agency`: a government agency, authority, office or police, هيئة، مكتب، مفوضية، شرطة.
    Agency,
    /// `council`: a council or parliament, مجلس، برلمان.
    Council,
    /// `committee`: a committee, لجنة.
    Committee,
    /// `court`: a court or prosecution, محكمة، نيابة.
    Court,
    /// `army`: an army, force or unit, جيش، قوات، لواء، الحرس.
    Army,
    /// `union`: a union or federation, اتحاد، نقابة (sports federations too).
    Union,
    /// `association`: an association or league, جمعية، رابطة.
    Association,
    /// `center`: a centre or institute, مركز، معهد.
    Center,
    /// `media`: a newspaper, news agency, channel or radio, صحيفة، وكالة، قناة.
    Media,
    /// `international`: an international or regional organization or mission (الأمم المتحدة، جامعة
    /// الدول العربية، بعثة).
    International,
    /// `club`: a sports club or team, نادي، دينامو; every organization found by a club rule
    /// (`team-name`, `town-nisba-club`, `club-nationality`, `club-score`, `club-country`) is one.
    Club,
    /// `other`: an organization of none of the sub-kinds above (صندوق، مؤسسة، منظمة، مؤتمر), the bundled
    /// lexicons' `sub=other`.
    Unclassified,
    /// Any other well-formed value (lower-case ASCII letters, digits and `-`), as a lexicon of your own
    /// wrote it (`sub=souk`). It never holds a value of the list above: parsing `"city"` gives
    /// [`SubKind::City`].
    Other(String),
}

impl SubKind {
    /// Every sub-kind of the vocabulary ([`SubKind::Other`] aside), places first, in the order of the
    /// table in `lexicons/README.md`.
    ///
    /// ```
    /// use alam::SubKind;
    /// assert!(SubKind::ALL.contains(&SubKind::Uzla));
    /// for s in &SubKind::ALL {
    ///     assert_eq!(s.as_str().parse::<SubKind>().as_ref(), Ok(s));
    /// }
    /// ```
    pub const ALL: [SubKind; 32] = [
        SubKind::Continent,
        SubKind::Region,
        SubKind::Country,
        SubKind::Governorate,
        SubKind::Province,
        SubKind::State,
        SubKind::Subdivision,
        SubKind::District,
        SubKind::City,
        SubKind::Town,
        SubKind::Uzla,
        SubKind::Village,
        SubKind::Ministry,
        SubKind::University,
        SubKind::School,
        SubKind::Hospital,
        SubKind::Company,
        SubKind::Bank,
        SubKind::Party,
        SubKind::Movement,
        SubKind::Agency,
        SubKind::Council,
        SubKind::Committee,
        SubKind::Court,
        SubKind::Army,
        SubKind::Union,
        SubKind::Association,
        SubKind::Center,
        SubKind::Media,
        SubKind::International,
        SubKind::Club,
        SubKind::Unclassified,
    ];

    /// The value as written after `sub=` in a lexicon and in the JSON output (`city`, `ministry`,
    /// `other`…; an [`Other`](SubKind::Other) value as it was written).
    ///
    /// ```
    /// assert_eq!(alam::SubKind::Governorate.as_str(), "governorate");
    /// assert_eq!(alam::SubKind::Unclassified.to_string(), "other");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            SubKind::Continent => "continent",
            SubKind::Region => "region",
            SubKind::Country => "country",
            SubKind::Governorate => "governorate",
            SubKind::Province => "province",
            SubKind::State => "state",
            SubKind::Subdivision => "subdivision",
            SubKind::District => "district",
            SubKind::City => "city",
            SubKind::Town => "town",
            SubKind::Uzla => "uzla",
            SubKind::Village => "village",
            SubKind::Ministry => "ministry",
            SubKind::University => "university",
            SubKind::School => "school",
            SubKind::Hospital => "hospital",
            SubKind::Company => "company",
            SubKind::Bank => "bank",
            SubKind::Party => "party",
            SubKind::Movement => "movement",
            SubKind::Agency => "agency",
            SubKind::Council => "council",
            SubKind::Committee => "committee",
            SubKind::Court => "court",
            SubKind::Army => "army",
            SubKind::Union => "union",
            SubKind::Association => "association",
            SubKind::Center => "center",
            SubKind::Media => "media",
            SubKind::International => "international",
            SubKind::Club => "club",
            SubKind::Unclassified => "other",
            SubKind::Other(value) => value,
        }
    }

    /// Whether it is a sub-kind of places or of organizations; `None` for [`SubKind::Other`].
    ///
    /// ```
    /// use alam::{Kind, SubKind};
    /// assert_eq!(SubKind::Uzla.kind(), Some(Kind::Place));
    /// assert_eq!(SubKind::Unclassified.kind(), Some(Kind::Organization));
    /// assert_eq!(SubKind::Other("souk".into()).kind(), None);
    /// ```
    pub fn kind(&self) -> Option<Kind> {
        match self {
            SubKind::Continent
            | SubKind::Region
            | SubKind::Country
            | SubKind::Governorate
            | SubKind::Province
            | SubKind::State
            | SubKind::Subdivision
            | SubKind::District
            | SubKind::City
            | SubKind::Town
            | SubKind::Uzla
            | SubKind::Village => Some(Kind::Place),
            SubKind::Other(_) => None,
            _ => Some(Kind::Organization),
        }
    }

    /// Its rank when one name has entries of several sub-kinds, lower first: the mention takes the
    /// sub-kind of lowest rank among the entries of its kind (place or organization) and folded text, the
    /// first loaded on a tie. For places: `continent`, `country`, `city`, `town`, `governorate`, `state`,
    /// `province`, `region`, `district`, `subdivision`, `uzla`, `village`, then any other value; so a
    /// name that is a city in any file is a city (صنعاء، المكلا، واشنطن), a country stays a country
    /// (الكويت), and a governorate stays a governorate unless it is also a city (حضرموت). For
    /// organizations every sub-kind ranks alike, before `other`: the hand-curated `organizations.tsv`,
    /// loaded first, wins over the head-noun guess of `anercorp_names.tsv`, and a named sub-kind over
    /// `other`.
    ///
    /// ```
    /// use alam::SubKind;
    /// assert!(SubKind::City.precedence() < SubKind::Governorate.precedence());
    /// assert!(SubKind::Governorate.precedence() < SubKind::Subdivision.precedence());
    /// assert_eq!(SubKind::Ministry.precedence(), SubKind::Media.precedence());
    /// assert!(SubKind::Media.precedence() < SubKind::Unclassified.precedence());
    /// ```
    pub fn precedence(&self) -> u8 {
        match self {
            SubKind::Continent => 0,
            SubKind::Country => 1,
            SubKind::City => 2,
            SubKind::Town => 3,
            SubKind::Governorate => 4,
            SubKind::State => 5,
            SubKind::Province => 6,
            SubKind::Region => 7,
            SubKind::District => 8,
            SubKind::Subdivision => 9,
            SubKind::Uzla => 10,
            SubKind::Village => 11,
            SubKind::Unclassified => 13,
            _ => 12,
        }
    }
}

impl fmt::Display for SubKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether `value` is a well-formed `sub=` or `cat=` value: lower-case ASCII letters, digits and `-`.
pub(crate) fn is_label(value: &str) -> bool {
    !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl SubKind {
    /// The sub-kind of a value already checked by [`is_label`] (or read back from JSON): never fails.
    pub(crate) fn of(value: &str) -> SubKind {
        SubKind::of_known(value).unwrap_or_else(|| SubKind::Other(value.to_string()))
    }

    /// The sub-kind of the vocabulary written `value`, `None` for any other value.
    fn of_known(value: &str) -> Option<SubKind> {
        SubKind::place_in_all(value).map(|at| SubKind::ALL[at].clone())
    }

    /// The place in [`SubKind::ALL`] of the sub-kind written `value`, `None` for any other value.
    pub(crate) fn place_in_all(value: &str) -> Option<usize> {
        // A match, which compares lengths first: the sub-kind of every mention that has one is read
        // through here (`every_sub_kind_parses_back_from_its_string` checks it against `ALL`).
        Some(match value {
            "continent" => 0,
            "region" => 1,
            "country" => 2,
            "governorate" => 3,
            "province" => 4,
            "state" => 5,
            "subdivision" => 6,
            "district" => 7,
            "city" => 8,
            "town" => 9,
            "uzla" => 10,
            "village" => 11,
            "ministry" => 12,
            "university" => 13,
            "school" => 14,
            "hospital" => 15,
            "company" => 16,
            "bank" => 17,
            "party" => 18,
            "movement" => 19,
            "agency" => 20,
            "council" => 21,
            "committee" => 22,
            "court" => 23,
            "army" => 24,
            "union" => 25,
            "association" => 26,
            "center" => 27,
            "media" => 28,
            "international" => 29,
            "club" => 30,
            "other" => 31,
            _ => return None,
        })
    }
}

/// Parses a `sub=` value: a value of [`SubKind::ALL`] gives its variant, any other value of lower-case
/// ASCII letters, digits and `-` gives [`SubKind::Other`]; anything else (empty, upper case, spaces)
/// is a [`ParseError`], as `sub=` in a lexicon file would be.
///
/// ```
/// use alam::SubKind;
/// assert_eq!("city".parse::<SubKind>(), Ok(SubKind::City));
/// assert_eq!("other".parse::<SubKind>(), Ok(SubKind::Unclassified));
/// assert_eq!("wadi-2".parse::<SubKind>(), Ok(SubKind::Other("wadi-2".into())));
/// assert_eq!(
///     "City".parse::<SubKind>().unwrap_err().to_string(),
///     "unknown sub-kind `City` (expected lower-case ASCII letters, digits and -, such as city)"
/// );
/// ```
impl FromStr for SubKind {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if is_label(s) {
            Ok(SubKind::of(s))
        } else {
            Err(ParseError::new(
                "sub-kind",
                s,
                Some("lower-case ASCII letters, digits and -, such as city"),
            ))
        }
    }
}

#[cfg(feature = "serde")]
/// From the string [`SubKind::as_str`] gives.
///
/// ```
/// let s: alam::SubKind = serde_json::from_str("\"governorate\"").unwrap();
/// assert_eq!(s, alam::SubKind::Governorate);
/// assert_eq!(serde_json::to_string(&alam::SubKind::Unclassified).unwrap(), "\"other\"");
/// ```
impl<'de> Deserialize<'de> for SubKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_string(d)
    }
}

#[cfg(feature = "serde")]
impl Serialize for SubKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What produced a mention: a lexicon entry or a named rule.
///
/// ```
/// let doc = alam::Extractor::new().extract("قال الدكتور عبدالعزيز سعيد الصيغ");
/// let p = &doc.mentions()[0];
/// assert_eq!(p.source().to_string(), "rule:title-name");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// A lexicon entry: the lexicon's name and the entry's line.
    Lexicon {
        /// The lexicon's name (its path for files).
        name: SourceName,
        /// The entry's 1-based line.
        line: u32,
    },
    /// A rule, by name: a built-in rule (`title-name`, `org-head`, `place-noun`…) or one added with
    /// [`ExtractorBuilder::rule`](crate::ExtractorBuilder::rule).
    Rule(SourceName),
    /// Found again by the document pass, from a name recognized elsewhere in the same document.
    Document,
}

impl Source {
    /// The rule's name, for a mention a rule produced (built-in or added with
    /// [`ExtractorBuilder::rule`](crate::ExtractorBuilder::rule)).
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("في مدينة المكلا");
    /// assert_eq!(doc.mentions()[0].source().rule_name(), Some("place-noun"));
    /// ```
    pub fn rule_name(&self) -> Option<&str> {
        match self {
            Source::Rule(name) => Some(name),
            _ => None,
        }
    }
}

/// The name in a [`Source`]: a lexicon's (its path, for a file) or a rule's. A shared string one pointer
/// wide, so that a mention's source takes 16 bytes; cloning it copies no text. It derefs to `str` and
/// compares with strings.
///
/// ```
/// let doc = alam::Extractor::new().extract("في مدينة المكلا");
/// let alam::Source::Rule(name) = doc.mentions()[0].source() else { panic!() };
/// assert_eq!(name, "place-noun");
/// assert!(name.ends_with("-noun"));
/// assert_eq!(alam::SourceName::from("place-noun"), *name);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceName(Arc<Box<str>>);

impl SourceName {
    /// The name as a string slice.
    ///
    /// ```
    /// assert_eq!(alam::SourceName::from("mine").as_str(), "mine");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for SourceName {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SourceName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for SourceName {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SourceName {
    fn from(name: &str) -> SourceName {
        SourceName(Arc::new(Box::from(name)))
    }
}

impl From<String> for SourceName {
    fn from(name: String) -> SourceName {
        SourceName(Arc::new(name.into_boxed_str()))
    }
}

impl PartialEq<str> for SourceName {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SourceName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for SourceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl fmt::Debug for SourceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Lexicon { name, line } => write!(f, "lexicon:{name}:{line}"),
            Source::Rule(rule) => write!(f, "rule:{rule}"),
            Source::Document => f.write_str("document"),
        }
    }
}

#[cfg(feature = "serde")]
impl Serialize for Source {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Parses what `Display` writes: `lexicon:NAME:LINE`, `rule:NAME` or `document`.
///
/// ```
/// use alam::Source;
/// let s: Source = "lexicon:lexicons/titles.tsv:12".parse().unwrap();
/// assert_eq!(s, Source::Lexicon { name: "lexicons/titles.tsv".into(), line: 12 });
/// assert_eq!("rule:place-noun".parse::<Source>().unwrap().rule_name(), Some("place-noun"));
/// assert!("lexicon:no-line".parse::<Source>().is_err());
/// ```
impl FromStr for Source {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || {
            ParseError::new(
                "source",
                s,
                Some("lexicon:NAME:LINE, rule:NAME or document"),
            )
        };
        if s == "document" {
            Ok(Source::Document)
        } else if let Some(rule) = s.strip_prefix("rule:") {
            Ok(Source::Rule(SourceName::from(rule)))
        } else if let Some(rest) = s.strip_prefix("lexicon:") {
            let (name, line) = rest.rsplit_once(':').ok_or_else(bad)?;
            let line = line.parse().map_err(|_| bad())?;
            Ok(Source::Lexicon {
                name: SourceName::from(name),
                line,
            })
        } else {
            Err(bad())
        }
    }
}

#[cfg(feature = "serde")]
/// From the string `Display` writes.
///
/// ```
/// let s: alam::Source = serde_json::from_str("\"rule:title-name\"").unwrap();
/// assert_eq!(s.rule_name(), Some("title-name"));
/// ```
impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_string(d)
    }
}

/// One occurrence of a person, organization or place in the text.
///
/// Kind-specific facts (`title`, `role`, `gender` for persons; `sub_kind` for places and organizations)
/// are `None` for the other kinds. Places inside an organization's name are [`Mention::nested`].
///
/// ```
/// let text = "والأستاذة أوسان محمد باحسين";
/// let doc = alam::Extractor::new().extract(text);
/// let m = &doc.mentions()[0];
/// assert_eq!(m.kind(), alam::Kind::Person);
/// assert_eq!(m.text(), "أوسان محمد باحسين");
/// assert_eq!(m.title(), Some("الأستاذة"));
/// assert_eq!(m.gender(), Some(alam::Gender::Female));
/// ```
///
/// A mention is small (see `mention_is_small` in the tests: 64 bytes on 64-bit targets):
/// offsets are 32-bit, and what few mentions have (a title, a role, nested places) is held apart, so a
/// mention without them pays one pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention<'t> {
    pub(crate) span: Span,
    pub(crate) text: Text<'t>,
    pub(crate) source: Source,
    /// The title, role, nested mentions and a sub-kind outside the vocabulary, `None` when the mention
    /// has none of them.
    pub(crate) extra: Option<Box<Extra<'t>>>,
    pub(crate) entity: u32,
    pub(crate) kind: Kind,
    pub(crate) gender: Option<Gender>,
    /// The sub-kind's code and the country, in two bytes (as two fields they took three, and the
    /// mention 8 bytes more).
    sub_country: SubCountry,
}

/// A mention's text: borrowed from the text extracted, or its own copy (a mention made owned or read
/// back), in 16 bytes where a `Cow<str>` takes 24 (the empty pointer of a borrowed text marks the copy,
/// which is boxed once more: only owned mentions pay for it).
#[derive(Clone)]
pub(crate) enum Text<'t> {
    Borrowed(&'t str),
    Owned(Box<Box<str>>),
}

impl<'t> Text<'t> {
    /// The text as an entity's name holds it (borrowed when the mention's is).
    pub(crate) fn to_cow(&self) -> Cow<'t, str> {
        match self {
            Text::Borrowed(s) => Cow::Borrowed(s),
            Text::Owned(s) => Cow::Owned(String::from(&***s)),
        }
    }

    fn into_owned(self) -> Text<'static> {
        match self {
            Text::Borrowed(s) => Text::Owned(Box::new(Box::from(s))),
            Text::Owned(s) => Text::Owned(s),
        }
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Owned(s) => s,
        }
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for Text<'_> {}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

/// A sub-kind in one byte, as mentions hold it: none, a value of [`SubKind::ALL`] by its place there, or
/// [`SubCode::OTHER`] for a value outside the vocabulary (a lexicon's own `sub=souk`), whose text is in
/// the mention's [`Extra`] (few mentions have one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct SubCode(u8);

impl SubCode {
    /// A value outside [`SubKind::ALL`].
    const OTHER: SubCode = SubCode(u8::MAX);

    /// The code of `value` when it is in the vocabulary; [`SubCode::OTHER`] otherwise.
    fn of(value: &str) -> SubCode {
        // Its place in `ALL` (below 32), not the sub-kind: no search of `ALL` for it.
        match SubKind::place_in_all(value) {
            Some(at) => SubCode(at as u8 + 1),
            None => SubCode::OTHER,
        }
    }

    /// The code of a sub-kind of the vocabulary (a read mention's).
    #[cfg(feature = "serde")]
    fn known(s: &SubKind) -> SubCode {
        let at = SubKind::ALL
            .iter()
            .position(|k| k == s)
            .expect("a known sub-kind is in SubKind::ALL");
        SubCode(at as u8 + 1)
    }

    /// The sub-kind of the vocabulary it stands for, `None` for none and for [`SubCode::OTHER`].
    fn known_kind(self) -> Option<&'static SubKind> {
        static KNOWN: [SubKind; 32] = SubKind::ALL;
        KNOWN.get(usize::from(self.0).wrapping_sub(1))
    }
}

/// A sub-kind as a mention holds it ([`SubCode`], and the text of a value outside the vocabulary), for
/// copying from one mention to another.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SubValue {
    code: SubCode,
    other: Option<Arc<str>>,
}

impl SubValue {
    /// The sub-kind `value`, a `sub=` value checked by [`is_label`].
    pub(crate) fn of(value: &Arc<str>) -> SubValue {
        let code = SubCode::of(value);
        SubValue {
            code,
            other: (code == SubCode::OTHER).then(|| Arc::clone(value)),
        }
    }

    /// The sub-kind `s` (a read mention's).
    #[cfg(feature = "serde")]
    fn from_kind(s: SubKind) -> SubValue {
        match s {
            SubKind::Other(v) => SubValue {
                code: SubCode::OTHER,
                other: Some(Arc::from(v)),
            },
            s => SubValue {
                code: SubCode::known(&s),
                other: None,
            },
        }
    }
}

/// An ISO 3166-1 alpha-2 country code, as mentions and places hold it: two upper-case ASCII letters,
/// which is what a lexicon's `country=` accepts.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Country([u8; 2]);

impl Country {
    /// The code `value`, `None` unless it is two upper-case ASCII letters.
    pub(crate) fn new(value: &str) -> Option<Country> {
        match value.as_bytes() {
            &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some(Country([a, b])),
            _ => None,
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("two ASCII letters")
    }

    /// The code's number in `1..=676` (0 is no country in [`SubCountry`]).
    fn number(self) -> u16 {
        u16::from(self.0[0] - b'A') * 26 + u16::from(self.0[1] - b'A') + 1
    }

    /// The code of [`Country::number`] `n`.
    fn of_number(n: u16) -> Option<Country> {
        let n = n.checked_sub(1)?;
        // Below 676: `n / 26` and `n % 26` are below 26.
        Some(Country([b'A' + (n / 26) as u8, b'A' + (n % 26) as u8]))
    }

    /// The code as a string that outlives it (a mention holds its country as a number).
    fn as_static_str(self) -> &'static str {
        static CODES: [[u8; 2]; 676] = {
            let mut codes = [[0u8; 2]; 676];
            let mut n = 0;
            while n < 676 {
                codes[n] = [b'A' + (n / 26) as u8, b'A' + (n % 26) as u8];
                n += 1;
            }
            codes
        };
        std::str::from_utf8(&CODES[usize::from(self.number() - 1)]).expect("two ASCII letters")
    }
}

/// A mention's [`SubCode`] (in the low 6 bits, [`SubCode::OTHER`] as 63) and its country (in the high
/// 10, [`Country::number`], 0 for none), in two bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct SubCountry(u16);

impl SubCountry {
    const NONE: SubCountry = SubCountry(0);
    const SUB_BITS: u32 = 6;
    const SUB_MASK: u16 = (1 << Self::SUB_BITS) - 1;

    fn sub(self) -> SubCode {
        match self.0 & Self::SUB_MASK {
            Self::SUB_MASK => SubCode::OTHER,
            code => SubCode(code as u8),
        }
    }

    fn set_sub(&mut self, code: SubCode) {
        let bits = if code == SubCode::OTHER {
            Self::SUB_MASK
        } else {
            u16::from(code.0)
        };
        debug_assert!(bits <= Self::SUB_MASK);
        self.0 = (self.0 & !Self::SUB_MASK) | bits;
    }

    fn country(self) -> Option<Country> {
        Country::of_number(self.0 >> Self::SUB_BITS)
    }

    fn set_country(&mut self, country: Option<Country>) {
        let n = country.map_or(0, Country::number);
        self.0 = (self.0 & Self::SUB_MASK) | (n << Self::SUB_BITS);
    }
}

impl fmt::Debug for SubCountry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SubCountry")
            .field("sub_kind", &self.sub())
            .field("country", &self.country())
            .finish()
    }
}

const _: () = assert!(SubKind::ALL.len() < SubCountry::SUB_MASK as usize);

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Country {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<'de, str>::deserialize(d)?;
        Country::new(&s).ok_or_else(|| {
            D::Error::custom(format!(
                "the country `{s}` is not an ISO 3166-1 alpha-2 code such as YE"
            ))
        })
    }
}

/// What few mentions have: a person's title and role, an organization's nested places.
///
/// What most of these mentions have (a title, nested places) is here, in 56 bytes (a 64-byte block of
/// the allocator); a role and a sub-kind outside the vocabulary, which fewer have, in a box of their own
/// ([`More`]). All in one box, it took 104 bytes (a 112-byte block) for a person's title alone: on a
/// mention-dense text, where two mentions in five have a title or nested places, 48 bytes more each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Extra<'t> {
    pub(crate) title: Option<Arc<str>>,
    pub(crate) title_span: MaybeSpan,
    pub(crate) nested: Box<[Mention<'t>]>,
    /// `None` when it would hold nothing (so that equal mentions hold equal `Extra`s).
    more: Option<Box<More<'t>>>,
}

/// The part of [`Extra`] that fewest mentions have.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct More<'t> {
    role: Option<Cow<'t, str>>,
    role_span: MaybeSpan,
    /// The sub-kind when it is outside the vocabulary ([`SubCode::OTHER`]).
    other_sub: Option<Arc<str>>,
}

impl More<'_> {
    fn is_empty(&self) -> bool {
        self.role.is_none() && self.role_span.get().is_none() && self.other_sub.is_none()
    }
}

/// An optional span in the room of a span (an `Option<Span>` takes 20 bytes): none is a span that
/// ends before it starts, which no span does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct MaybeSpan(Span);

impl MaybeSpan {
    const NONE: MaybeSpan = MaybeSpan(Span {
        start: 1,
        end: 0,
        char_start: 0,
        char_end: 0,
    });

    pub(crate) fn get(self) -> Option<Span> {
        (self.0.start <= self.0.end).then_some(self.0)
    }
}

impl From<Option<Span>> for MaybeSpan {
    fn from(span: Option<Span>) -> MaybeSpan {
        span.map_or(MaybeSpan::NONE, MaybeSpan)
    }
}

impl Default for MaybeSpan {
    fn default() -> MaybeSpan {
        MaybeSpan::NONE
    }
}

impl fmt::Debug for MaybeSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

impl<'t> Extra<'t> {
    /// The title, role and nested mentions given.
    pub(crate) fn new(
        title: Option<Arc<str>>,
        title_span: MaybeSpan,
        role: Option<Cow<'t, str>>,
        role_span: MaybeSpan,
        nested: Box<[Mention<'t>]>,
    ) -> Extra<'t> {
        let more = More {
            role,
            role_span,
            other_sub: None,
        };
        Extra {
            title,
            title_span,
            nested,
            more: (!more.is_empty()).then(|| Box::new(more)),
        }
    }

    /// The role, as written.
    pub(crate) fn role(&self) -> Option<&Cow<'t, str>> {
        self.more.as_ref().and_then(|m| m.role.as_ref())
    }

    fn role_span(&self) -> Option<Span> {
        self.more.as_ref().and_then(|m| m.role_span.get())
    }

    fn other_sub(&self) -> Option<&Arc<str>> {
        self.more.as_ref().and_then(|m| m.other_sub.as_ref())
    }

    fn set_other_sub(&mut self, value: Option<Arc<str>>) {
        match (&mut self.more, value) {
            (Some(more), value) => {
                more.other_sub = value;
                if more.is_empty() {
                    self.more = None;
                }
            }
            (None, None) => {}
            (None, value) => {
                self.more = Some(Box::new(More {
                    other_sub: value,
                    ..More::default()
                }))
            }
        }
    }

    /// Nothing in it: the mention needs no `Extra`.
    fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.title_span.get().is_none()
            && self.nested.is_empty()
            && self.more.is_none()
    }

    /// `Some` unless it holds nothing.
    pub(crate) fn boxed(self) -> Option<Box<Extra<'t>>> {
        (!self.is_empty()).then(|| Box::new(self))
    }

    /// The same, holding its own copies of the caller's text.
    fn into_owned(self) -> Extra<'static> {
        Extra {
            title: self.title,
            title_span: self.title_span,
            nested: self
                .nested
                .into_vec()
                .into_iter()
                .map(Mention::into_owned)
                .collect(),
            more: self.more.map(|m| {
                Box::new(More {
                    role: m.role.map(|r| Cow::Owned(r.into_owned())),
                    role_span: m.role_span,
                    other_sub: m.other_sub,
                })
            }),
        }
    }
}

/// A mention without its text, which is the extracted text's bytes at its span, nor the char offset of
/// its end (its length in chars is kept in the room of its extra part's number when it has none; the
/// text gives it back for the others); its source and extra part (title, role, a sub-kind outside the
/// vocabulary) are numbers in a side table ([`Side`]). 28 bytes where a mention takes 64, for the
/// mentions held until the document is assembled (found mentions, `document::Found`, and nested
/// places, `document::Nested`). Made of an extracted mention ([`Mention::into_bare`]), whose text is borrowed,
/// and made one again with the text ([`Bare::with_text`]).
#[derive(Debug)]
pub(crate) struct Bare<'t> {
    /// The span's byte offsets and the char offset of its start.
    start: u32,
    end: u32,
    char_start: u32,
    /// The extra part's number in the holder's [`Side`], or none and the text's chars.
    extra: ExtraOrChars,
    /// Whatever the holder keeps here (the mention's `entity` is 0 when it is made again).
    pub(crate) tag: u32,
    /// The source's number in the holder's [`Side`].
    source: u32,
    pub(crate) kind: Kind,
    pub(crate) gender: Option<Gender>,
    sub_country: SubCountry,
    /// Of a mention of a text of lifetime `'t`, whose parts (in a [`Side<'t>`]) borrow it.
    text: std::marker::PhantomData<&'t str>,
}

const _: () = assert!(std::mem::size_of::<Bare>() == 28);

/// The chars of `s`: its bytes but the continuation bytes (`10xxxxxx`), counted eight at a time. The
/// standard library's count goes byte by byte below 32 bytes, where most mentions are: 11 M
/// instructions for the 71,000 mentions of the 10.8 MB news, a third of that here.
pub(crate) fn count_chars(s: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut continuation = 0;
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        // A byte's top bit set and the one below it clear, as 1 in its low bit; the eight summed by one
        // multiplication into the top byte (a population count without its instruction takes more).
        let ones = (x & !(x << 1) & HIGH) >> 7;
        continuation += (ones.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    }
    continuation += words
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 == 0x80)
        .count();
    bytes.len() - continuation
}

/// A [`Bare`]'s extra part: its number in the holder's [`Side`], or, for most mentions, none and the
/// length of the mention's text in chars (with the top bit set). A mention made again needs the char
/// offset of its end, and counting its text's chars again cost some 70 instructions a mention of a
/// mention-dense text; a mention with an extra part has them counted.
#[derive(Debug, Clone, Copy)]
struct ExtraOrChars(u32);

impl ExtraOrChars {
    /// The bit of none.
    const NONE: u32 = 1 << 31;

    /// None, of a text of `chars` chars (counted again if there are 2^31 - 1 or more).
    fn none(chars: u32) -> ExtraOrChars {
        ExtraOrChars(Self::NONE | chars.min(!Self::NONE))
    }

    /// Extra part number `n`.
    fn part(n: u32) -> ExtraOrChars {
        assert!(n < Self::NONE, "fewer mentions than bytes of text");
        ExtraOrChars(n)
    }

    /// The extra part's number, if any.
    fn number(self) -> Option<u32> {
        (self.0 & Self::NONE == 0).then_some(self.0)
    }

    /// The chars of the text, where kept.
    fn chars(self) -> Option<u32> {
        (self.0 & Self::NONE != 0 && self.0 != u32::MAX).then_some(self.0 & !Self::NONE)
    }
}

/// What the mentions held as [`Bare`] refer to by number: their sources and their extra parts.
///
/// A source is kept once (4 bytes where a [`Source`] takes 16): a text's mentions come from some
/// hundreds of lexicon lines and rules. It is known by its name's address and its line, not by its
/// name's text: the mentions of one extractor share their sources' names (the table keeps a copy of
/// each, so no address is reused while it is held).
///
/// The extra parts (a person's title, a role…: [`BareExtra`], 40 bytes) are in lists of
/// [`EXTRA_LIST`], each freed once every part in it is taken back, where a boxed [`Extra`] took a
/// 64-byte block and the mention 8 bytes for the pointer.
#[derive(Debug, Default)]
pub(crate) struct Side<'t> {
    list: Vec<Source>,
    ids: FxHashMap<(usize, u32), u32>,
    extras: Vec<Vec<BareExtra<'t>>>,
    /// For each list of `extras`, how many of its parts are not taken back yet.
    left: Vec<u32>,
    /// Nested mentions of a mention held as [`Bare`], by its extra part's number: none for the
    /// mentions the extractor makes (only an organization has nested places, and they are kept apart),
    /// but a part must not lose them.
    nested: FxHashMap<u32, Box<[Mention<'t>]>>,
    /// The number of a source by the key its maker knows it by ([`Side::number_of`]).
    origins: FxHashMap<(u8, usize), u32>,
}

/// The most extra parts in one list of [`Side`].
const EXTRA_LIST: usize = 4096;

/// A mention's [`Extra`] while it is held as a [`Bare`]: without the nested mentions, which a found
/// mention does not have until it is assembled (40 bytes, where an `Extra` takes 56 in a 64-byte block).
#[derive(Debug, Default)]
pub(crate) struct BareExtra<'t> {
    pub(crate) title: Option<Arc<str>>,
    title_span: MaybeSpan,
    more: Option<Box<More<'t>>>,
}

impl<'t> Side<'t> {
    /// Keeps `extra`, returning its number.
    fn push_extra(&mut self, extra: Extra<'t>) -> u32 {
        if self.extras.last().is_none_or(|l| l.len() == EXTRA_LIST) {
            // A list grows as any does, up to its most: a short document's is short.
            self.extras.push(Vec::new());
            self.left.push(0);
        }
        let n = (self.extras.len() - 1) * EXTRA_LIST + self.extras.last().map_or(0, Vec::len);
        let n = u32::try_from(n).expect("fewer mentions than bytes of text");
        let Extra {
            title,
            title_span,
            nested,
            more,
        } = extra;
        if !nested.is_empty() {
            self.nested.insert(n, nested);
        }
        self.extras.last_mut().expect("a list").push(BareExtra {
            title,
            title_span,
            more,
        });
        *self.left.last_mut().expect("a list") += 1;
        n
    }

    /// Takes extra part `n` back, freeing its list once all its parts are taken (but the last list,
    /// which may still grow).
    fn take_extra(&mut self, n: u32) -> Extra<'t> {
        let (list, at) = (n as usize / EXTRA_LIST, n as usize % EXTRA_LIST);
        let BareExtra {
            title,
            title_span,
            more,
        } = std::mem::take(&mut self.extras[list][at]);
        self.left[list] -= 1;
        if self.left[list] == 0 && list + 1 < self.extras.len() {
            self.extras[list] = Vec::new();
        }
        let nested = if self.nested.is_empty() {
            Box::default()
        } else {
            self.nested.remove(&n).unwrap_or_default()
        };
        Extra {
            title,
            title_span,
            nested,
            more,
        }
    }

    fn extra(&self, extra: ExtraOrChars) -> Option<&BareExtra<'t>> {
        let n = extra.number()? as usize;
        Some(&self.extras[n / EXTRA_LIST][n % EXTRA_LIST])
    }

    /// The number of `source`, kept if new.
    fn number(&mut self, source: Source) -> u32 {
        let id = match &source {
            Source::Lexicon { name, line } => (Arc::as_ptr(&name.0) as usize, *line),
            Source::Rule(name) => (Arc::as_ptr(&name.0) as usize, u32::MAX),
            Source::Document => (0, 0),
        };
        let list = &mut self.list;
        *self.ids.entry(id).or_insert_with(|| {
            list.push(source);
            u32::try_from(list.len() - 1).expect("fewer sources than bytes of text")
        })
    }

    /// The number of the source its maker knows by `origin` (one key for one source), made by
    /// `make` and kept the first time: a found mention's source is numbered from the candidate's
    /// origin in one lookup, where making its `Source` (a lookup of its name and a shared pointer's
    /// count raised) and numbering it (a second lookup, the count lowered again) took 9 M
    /// instructions on the 10.8 MB news.
    pub(crate) fn number_of(&mut self, origin: (u8, usize), make: impl FnOnce() -> Source) -> u32 {
        if let Some(&n) = self.origins.get(&origin) {
            return n;
        }
        let n = self.number(make());
        self.origins.insert(origin, n);
        n
    }

    /// Source number `n`.
    pub(crate) fn get(&self, n: u32) -> &Source {
        &self.list[n as usize]
    }

    /// How many sources are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }
}

impl<'t> Bare<'t> {
    /// The mention again, its text the bytes of `text` at its span (`text` is the text it was
    /// extracted from), its source and extra part taken from `side` (the table it was made with).
    pub(crate) fn with_text(self, text: &'t str, side: &mut Side<'t>) -> Mention<'t> {
        let written = &text[self.start as usize..self.end as usize];
        let chars = self.extra.chars().unwrap_or_else(|| {
            u32::try_from(count_chars(written)).expect("a span's chars fit its bytes")
        });
        debug_assert_eq!(chars as usize, count_chars(written));
        Mention {
            span: Span {
                start: self.start,
                end: self.end,
                char_start: self.char_start,
                char_end: self.char_start + chars,
            },
            text: Text::Borrowed(written),
            source: side.get(self.source).clone(),
            extra: self.extra.number().map(|n| Box::new(side.take_extra(n))),
            entity: 0,
            kind: self.kind,
            gender: self.gender,
            sub_country: self.sub_country,
        }
    }

    /// A found mention made bare at once: what [`Mention::into_bare`] makes of a mention of these
    /// parts, its source numbered in `side` already ([`Side::number_of`]) and its extra part (a
    /// title, a role, no nested mentions) put straight in `side`, where a mention's was boxed to be
    /// unboxed at once.
    ///
    /// Inlined always: out of line (as `#[inline]` left it once `ExtraOrChars` was made here), its
    /// call and the copy of its parts cost some 90 instructions a mention.
    #[inline(always)]
    pub(crate) fn found(
        kind: Kind,
        span: Span,
        source: u32,
        tag: u32,
        sub: SubValue,
        mut extra: Option<Extra<'t>>,
        side: &mut Side<'t>,
    ) -> Bare<'t> {
        debug_assert!(extra.as_ref().is_none_or(|e| e.nested.is_empty()));
        let mut sub_country = SubCountry::NONE;
        sub_country.set_sub(sub.code);
        if sub.other.is_some() {
            extra
                .get_or_insert_with(Extra::default)
                .set_other_sub(sub.other);
        }
        Bare {
            start: span.start,
            end: span.end,
            char_start: span.char_start,
            extra: match extra {
                Some(extra) if !extra.is_empty() => ExtraOrChars::part(side.push_extra(extra)),
                _ => ExtraOrChars::none(span.char_end - span.char_start),
            },
            tag,
            source,
            kind,
            gender: None,
            sub_country,
            text: std::marker::PhantomData,
        }
    }

    /// Sets the country.
    pub(crate) fn set_country(&mut self, country: Option<Country>) {
        self.sub_country.set_country(country);
    }

    /// Moves the source and the extra part from table `from` (the one the mention was made with) to
    /// table `to`.
    pub(crate) fn move_side(&mut self, from: &mut Side<'t>, to: &mut Side<'t>) {
        self.source = to.number(from.get(self.source).clone());
        if let Some(n) = self.extra.number() {
            self.extra = ExtraOrChars::part(to.push_extra(from.take_extra(n)));
        }
    }

    /// The byte offset of the start.
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }

    /// The byte offset of the end.
    pub(crate) fn end(&self) -> usize {
        self.end as usize
    }

    /// The byte offsets, as a range.
    pub(crate) fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The span's byte offsets with its start's char offset for both ends (the char offset of the
    /// end needs the text): for comparing, sorting and merging by bytes only.
    pub(crate) fn byte_span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
            char_start: self.char_start,
            char_end: self.char_start,
        }
    }

    /// The source, of `sources` (the table it was made with).
    pub(crate) fn source<'s>(&self, side: &'s Side) -> &'s Source {
        side.get(self.source)
    }

    /// As [`Mention::title`] (`side` is the table the mention was made with, as below).
    pub(crate) fn title<'s>(&self, side: &'s Side<'t>) -> Option<&'s str> {
        self.title_arc(side).map(|t| &**t)
    }

    /// As [`Mention::title_arc`].
    pub(crate) fn title_arc<'s>(&self, side: &'s Side<'t>) -> Option<&'s Arc<str>> {
        side.extra(self.extra).and_then(|e| e.title.as_ref())
    }

    /// As [`Mention::role`].
    pub(crate) fn role<'s>(&self, side: &'s Side<'t>) -> Option<&'s str> {
        side.extra(self.extra)
            .and_then(|e| e.more.as_ref())
            .and_then(|m| m.role.as_deref())
    }

    /// The sub-kind as it is held, to give to a mention (`Mention::set_sub`).
    pub(crate) fn sub(&self, side: &Side<'t>) -> SubValue {
        SubValue {
            code: self.sub_country.sub(),
            other: side
                .extra(self.extra)
                .and_then(|e| e.more.as_ref())
                .and_then(|m| m.other_sub.clone()),
        }
    }

    /// As [`Mention::extra_mut`].
    pub(crate) fn extra_mut<'s>(&mut self, side: &'s mut Side<'t>) -> &'s mut BareExtra<'t> {
        let n = match self.extra.number() {
            Some(n) => n,
            None => {
                let n = side.push_extra(Extra::default());
                self.extra = ExtraOrChars::part(n);
                n
            }
        } as usize;
        &mut side.extras[n / EXTRA_LIST][n % EXTRA_LIST]
    }
}

impl<'t> Mention<'t> {
    /// A mention without title, role or nested mentions, of entity 0 (numbered when the document is
    /// assembled), its text borrowed from the caller's.
    pub(crate) fn new(kind: Kind, span: Span, text: &'t str, source: Source) -> Mention<'t> {
        Mention {
            span,
            text: Text::Borrowed(text),
            source,
            extra: None,
            entity: 0,
            kind,
            gender: None,
            sub_country: SubCountry::NONE,
        }
    }

    /// The mention without its text (see [`Bare`]), `tag` kept with it, its source numbered in
    /// `sources`; its text must be the extracted text's at its span, as an extracted mention's is.
    pub(crate) fn into_bare(self, tag: u32, side: &mut Side<'t>) -> Bare<'t> {
        debug_assert!(matches!(self.text, Text::Borrowed(t) if t.len() == self.span.len()));
        Bare {
            start: self.span.start,
            end: self.span.end,
            char_start: self.span.char_start,
            source: side.number(self.source),
            extra: match self.extra {
                Some(e) => ExtraOrChars::part(side.push_extra(*e)),
                None => ExtraOrChars::none(self.span.char_end - self.span.char_start),
            },
            tag,
            kind: self.kind,
            gender: self.gender,
            sub_country: self.sub_country,
            text: std::marker::PhantomData,
        }
    }

    /// The country, as the crate holds it.
    pub(crate) fn country_code(&self) -> Option<Country> {
        self.sub_country.country()
    }

    /// Sets the country.
    pub(crate) fn set_country(&mut self, country: Option<Country>) {
        self.sub_country.set_country(country);
    }

    /// The sub-kind as it is held, to give to another mention ([`Mention::set_sub`]).
    #[cfg(test)]
    pub(crate) fn sub(&self) -> SubValue {
        SubValue {
            code: self.sub_country.sub(),
            other: self.other_sub().cloned(),
        }
    }

    /// Sets the sub-kind.
    pub(crate) fn set_sub(&mut self, value: SubValue) {
        self.sub_country.set_sub(value.code);
        if value.other.is_some() {
            self.extra_mut().set_other_sub(value.other);
        } else if let Some(e) = self.extra.as_mut() {
            e.set_other_sub(None);
        }
    }

    /// The sub-kind's text when it is outside the vocabulary.
    fn other_sub(&self) -> Option<&Arc<str>> {
        self.extra.as_ref().and_then(|e| e.other_sub())
    }

    /// The title, role and nested mentions, made when first written to.
    pub(crate) fn extra_mut(&mut self) -> &mut Extra<'t> {
        self.extra.get_or_insert_with(Box::default)
    }

    /// The title, if any, without allocating `Extra`.
    pub(crate) fn title_arc(&self) -> Option<&Arc<str>> {
        self.extra.as_ref().and_then(|e| e.title.as_ref())
    }

    /// Gives the mention its nested mentions (none if `nested` is empty).
    pub(crate) fn set_nested(&mut self, nested: Vec<Mention<'t>>) {
        if !nested.is_empty() {
            self.extra_mut().nested = nested.into_boxed_slice();
        }
    }
}

impl<'t> Mention<'t> {
    /// Person, organization or place.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("في مدينة المكلا");
    /// assert_eq!(doc.mentions()[0].kind(), alam::Kind::Place);
    /// ```
    pub fn kind(&self) -> Kind {
        self.kind
    }
    /// Where it is in the original text.
    ///
    /// ```
    /// let text = "في مدينة المكلا";
    /// let doc = alam::Extractor::new().extract(text);
    /// let m = &doc.mentions()[0];
    /// assert_eq!(&text[m.span().range()], m.text());
    /// ```
    pub fn span(&self) -> Span {
        self.span
    }
    /// The original text of the span, exactly as the caller wrote it: borrowed from the text given to
    /// [`Extractor::extract`](crate::Extractor::extract), not copied (an owned mention, from
    /// [`Mention::into_owned`] or deserialization, holds its own copy).
    ///
    /// ```
    /// // The text is the caller's, harakat and all; matching folded them away.
    /// let doc = alam::Extractor::new().extract("في مدينةِ المُكَلّا");
    /// assert_eq!(doc.mentions()[0].text(), "المُكَلّا");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The mention with its own copy of its text and role (and of its nested mentions'), free of the
    /// text it was extracted from: to keep it after that text is gone.
    ///
    /// ```
    /// let kept: alam::Mention<'static> = {
    ///     let text = String::from("في مدينة المكلا");
    ///     alam::Extractor::new().extract(&text).mentions()[0].clone().into_owned()
    /// };
    /// assert_eq!(kept.text(), "المكلا");
    /// ```
    pub fn into_owned(self) -> Mention<'static> {
        Mention {
            span: self.span,
            text: self.text.into_owned(),
            source: self.source,
            extra: self.extra.map(|e| Box::new(e.into_owned())),
            entity: self.entity,
            kind: self.kind,
            gender: self.gender,
            sub_country: self.sub_country,
        }
    }
    /// The rule or lexicon entry that produced it.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("في مدينة المكلا");
    /// assert_eq!(doc.mentions()[0].source().to_string(), "rule:place-noun");
    /// ```
    pub fn source(&self) -> &Source {
        &self.source
    }
    /// For a person: the title before the name in its canonical (lexicon) form, without clitics; for a
    /// later mention of a person introduced with a title (وأضاف باوزير), that title, with no `title_span`.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("وللأستاذة أوسان محمد باحسين");
    /// assert_eq!(doc.mentions()[0].title(), Some("الأستاذة"));
    /// ```
    pub fn title(&self) -> Option<&str> {
        self.title_arc().map(|t| &**t)
    }
    /// For a person: where the title stands in the text (clitics excluded).
    ///
    /// ```
    /// let text = "والأستاذة أوسان محمد باحسين";
    /// let doc = alam::Extractor::new().extract(text);
    /// let m = &doc.mentions()[0];
    /// assert_eq!(&text[m.title_span().unwrap().range()], "الأستاذة");
    /// ```
    pub fn title_span(&self) -> Option<Span> {
        self.extra.as_ref().and_then(|e| e.title_span.get())
    }
    /// For a person: the role or office written before the name or title, as written (its clitics
    /// left out), with the article's letters back where ل + ال is written لل, as a title's canonical form
    /// has them (للرئيس: `الرئيس`; للواء as a title: `اللواء`).
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("والأمين العام المساعد الدكتور عبدالعزيز سعيد الصيغ");
    /// assert_eq!(doc.mentions()[0].role(), Some("الأمين العام المساعد"));
    /// let doc = alam::Extractor::new().extract("وقدم التهنئة للرئيس سامر يوسف الحلبي");
    /// assert_eq!(doc.mentions()[0].role(), Some("الرئيس"));
    /// ```
    pub fn role(&self) -> Option<&str> {
        self.extra.as_ref().and_then(|e| e.role()).map(|r| &**r)
    }
    /// For a person: where the role stands in the text (clitics excluded), [`Mention::role`] being
    /// `&text[role_span.range()]` except where ل + ال is written لل: there the span covers the letters
    /// written (للرئيس: `لرئيس`) and the role has the article back (`الرئيس`), as for a title. The role
    /// ends before the title, or before the name when there is no title; places and organizations named
    /// inside it are mentions of their own.
    ///
    /// ```
    /// let text = "وقال وزير الخارجية الدكتور عبدالعزيز سعيد الصيغ";
    /// let doc = alam::Extractor::new().extract(text);
    /// let m = &doc.mentions()[0];
    /// assert_eq!(&text[m.role_span().unwrap().range()], "وزير الخارجية");
    /// assert_eq!(&text[m.title_span().unwrap().range()], "الدكتور");
    /// ```
    pub fn role_span(&self) -> Option<Span> {
        self.extra.as_ref().and_then(|e| e.role_span())
    }
    /// For a person: the gender from the title, role or given name.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("الدكتور عبدالعزيز سعيد الصيغ");
    /// assert_eq!(doc.mentions()[0].gender(), Some(alam::Gender::Male));
    /// ```
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }
    /// For a place or organization: its [`SubKind`] (city, country, ministry…), from the lexicon entries
    /// of its name (by [`SubKind::precedence`] when they differ) or the trigger word of the rule that
    /// found it; `None` where neither says.
    ///
    /// ```
    /// use alam::SubKind;
    /// let doc = alam::Extractor::new().extract("في محافظة حضرموت");
    /// assert_eq!(doc.mentions()[0].sub_kind(), Some(SubKind::Governorate));
    /// let doc = alam::Extractor::new().extract("وصل إلى صنعاء");
    /// # #[cfg(feature = "data-geonames")] // the file where صنعاء is a city
    /// assert_eq!(doc.mentions()[0].sub_kind(), Some(SubKind::City));
    /// ```
    pub fn sub_kind(&self) -> Option<SubKind> {
        match self.sub_country.sub().known_kind() {
            Some(s) => Some(s.clone()),
            None => self.other_sub().map(|v| SubKind::Other(v.to_string())),
        }
    }
    /// For a place: its ISO 3166-1 alpha-2 country code, where the lexicon knows it.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("في محافظة حضرموت");
    /// assert_eq!(doc.mentions()[0].country(), Some("YE"));
    /// ```
    pub fn country(&self) -> Option<&str> {
        self.sub_country.country().map(Country::as_static_str)
    }
    /// Mentions inside this one: places inside an organization's name.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("عقد مؤتمر حضرموت الجامع ندوته");
    /// assert_eq!(doc.mentions()[0].nested()[0].text(), "حضرموت");
    /// ```
    pub fn nested(&self) -> &[Mention<'t>] {
        self.extra.as_ref().map_or(&[], |e| &e.nested)
    }
    /// The index of the entity this mention belongs to, in [`Document::persons`](crate::Document::persons),
    /// [`Document::organizations`](crate::Document::organizations) or
    /// [`Document::places`](crate::Document::places) according to its kind.
    ///
    /// ```
    /// let doc = alam::Extractor::new().extract("من عدن إلى المكلا ثم إلى عدن");
    /// let m = doc.mentions();
    /// assert_eq!(m[0].entity(), m[2].entity());
    /// assert_eq!(doc.places()[m[0].entity()].name(), "عدن");
    /// ```
    pub fn entity(&self) -> usize {
        self.entity as usize
    }
}

#[cfg(feature = "serde")]
impl Serialize for Mention<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Mention", 16)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("text", &*self.text)?;
        st.serialize_field("start", &self.span.start)?;
        st.serialize_field("end", &self.span.end)?;
        st.serialize_field("char_start", &self.span.char_start)?;
        st.serialize_field("char_end", &self.span.char_end)?;
        if self.kind == Kind::Person {
            st.serialize_field("title", &self.title())?;
            st.serialize_field("title_span", &self.title_span())?;
            st.serialize_field("role", &self.role())?;
            st.serialize_field("role_span", &self.role_span())?;
            st.serialize_field("gender", &self.gender)?;
        } else {
            st.skip_field("title")?;
            st.skip_field("title_span")?;
            st.skip_field("role")?;
            st.skip_field("role_span")?;
            st.skip_field("gender")?;
        }
        st.serialize_field("sub_kind", &self.sub_kind())?;
        st.serialize_field("country", &self.sub_country.country())?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("entity", &self.entity)?;
        st.serialize_field("nested", self.nested())?;
        st.end()
    }
}

#[cfg(feature = "serde")]
/// A mention as it is deserialized: the fields [`Mention`]'s `Serialize` writes, the kind-specific ones
/// optional; other fields (such as the `file` of the `extract` example's output) are ignored.
#[derive(Deserialize)]
struct MentionRepr {
    kind: Kind,
    text: String,
    start: u64,
    end: u64,
    char_start: u64,
    char_end: u64,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    title_span: Option<Span>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    role_span: Option<Span>,
    #[serde(default)]
    gender: Option<Gender>,
    #[serde(default)]
    sub_kind: Option<SubKind>,
    #[serde(default)]
    country: Option<Country>,
    source: Source,
    #[serde(default)]
    entity: u32,
    #[serde(default)]
    nested: Vec<Mention<'static>>,
}

#[cfg(feature = "serde")]
/// Reads what `Serialize` writes (one line of the `extract` example's `jsonl` output, say), so that
/// mentions can be stored and loaded again: `deserialize(serialize(m)) == m`. The span is checked
/// (`start <= end`, and as many bytes as the text has).
///
/// ```
/// let doc = alam::Extractor::new().extract("قال وزير الصحة الدكتور عبدالعزيز سعيد الصيغ في المكلا");
/// assert!(doc.mentions().iter().any(|m| m.role_span().is_some()));
/// for m in doc.mentions() {
///     let json = serde_json::to_string(m).unwrap();
///     let back: alam::Mention = serde_json::from_str(&json).unwrap();
///     assert_eq!(&back, m);
/// }
/// ```
impl<'de, 't> Deserialize<'de> for Mention<'t> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = MentionRepr::deserialize(d)?;
        let span = Span::try_from(SpanRepr {
            start: r.start,
            end: r.end,
            char_start: r.char_start,
            char_end: r.char_end,
        })
        .map_err(D::Error::custom)?;
        if span.len() != r.text.len() {
            return Err(D::Error::custom(format!(
                "the span {}..{} does not hold the {} bytes of the text",
                r.start,
                r.end,
                r.text.len()
            )));
        }
        let extra = Extra::new(
            r.title.map(Arc::from),
            r.title_span.into(),
            r.role.map(Cow::Owned),
            r.role_span.into(),
            r.nested.into_boxed_slice(),
        );
        let mut m = Mention {
            span,
            text: Text::Owned(Box::new(r.text.into_boxed_str())),
            source: r.source,
            extra: extra.boxed(),
            entity: r.entity,
            kind: r.kind,
            gender: r.gender,
            sub_country: SubCountry::NONE,
        };
        m.set_country(r.country);
        m.set_sub(r.sub_kind.map(SubValue::from_kind).unwrap_or_default());
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_are_counted_as_the_standard_library_counts_them() {
        let texts = [
            "",
            "a",
            "عدن",
            "محمد عبدالله الحامد",
            "ab\u{1f600}cdefgh\u{7ff}\u{800}xyz عدن \u{10ffff}",
        ];
        for t in texts {
            for start in t.char_indices().map(|(i, _)| i) {
                let s = &t[start..];
                assert_eq!(count_chars(s), s.chars().count(), "{s:?}");
            }
        }
    }

    #[test]
    fn bare_mentions_take_back_their_text_span_source_and_extra_part() {
        // More mentions than a list of extra parts holds, every third with a title, some with a role or
        // nested places: each made bare and made a mention again is the mention it was.
        let word = "عبدالله ";
        let text = word.repeat(9 * EXTRA_LIST);
        let title: Arc<str> = Arc::from("الدكتور");
        let made: Vec<Mention> = (0..9 * EXTRA_LIST)
            .map(|n| {
                let at = n * word.len();
                let chars = n * word.chars().count();
                let span = Span::new(at, at + word.len() - 1, chars, chars + 7);
                let source = match n % 3 {
                    0 => Source::Document,
                    1 => Source::Rule("title-name".into()),
                    _ => Source::Lexicon {
                        name: "persons.tsv".into(),
                        line: n as u32,
                    },
                };
                let mut m = Mention::new(Kind::Person, span, &text[span.range()], source);
                m.gender = (n % 2 == 0).then_some(Gender::Male);
                if n % 3 == 0 {
                    let nested = if n % 9 == 0 {
                        vec![Mention::new(
                            Kind::Place,
                            span,
                            &text[span.range()],
                            Source::Document,
                        )]
                    } else {
                        Vec::new()
                    };
                    let role = (n % 6 == 0).then_some(Cow::Borrowed("وزير"));
                    m.extra = Extra::new(
                        Some(title.clone()),
                        Some(span).into(),
                        role,
                        MaybeSpan::NONE,
                        nested.into_boxed_slice(),
                    )
                    .boxed();
                }
                m
            })
            .collect();
        let mut side = Side::default();
        let bare: Vec<Bare> = made
            .iter()
            .cloned()
            .enumerate()
            .map(|(n, m)| m.into_bare(n as u32, &mut side))
            .collect();
        assert_eq!(bare[3].title(&side), Some("الدكتور"));
        assert_eq!(bare[6].role(&side), Some("وزير"));
        assert_eq!(bare[4].title(&side), None);
        let again: Vec<Mention> = bare
            .into_iter()
            .map(|b| b.with_text(&text, &mut side))
            .collect();
        assert_eq!(again, made);
        assert!(side.extras[..2].iter().all(Vec::is_empty), "lists freed");
    }

    #[test]
    fn a_bare_mention_without_extra_part_keeps_its_chars() {
        let none = ExtraOrChars::none(7);
        assert_eq!((none.number(), none.chars()), (None, Some(7)));
        let part = ExtraOrChars::part(7);
        assert_eq!((part.number(), part.chars()), (Some(7), None));
        // Too many to keep: counted again from the text.
        for chars in [!ExtraOrChars::NONE, u32::MAX] {
            let long = ExtraOrChars::none(chars);
            assert_eq!((long.number(), long.chars()), (None, None));
        }
        let last = !ExtraOrChars::NONE - 1;
        assert_eq!(ExtraOrChars::none(last).chars(), Some(last));
    }

    /// The size the documentation of [`Mention`] gives, on 64-bit targets.
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn mention_is_small() {
        assert_eq!(std::mem::size_of::<Span>(), 16);
        assert_eq!(std::mem::size_of::<Source>(), 16);
        assert_eq!(std::mem::size_of::<Text>(), 16);
        assert_eq!(std::mem::size_of::<Mention>(), 64);
        // 56 bytes: a 64-byte block of the allocator (all in one, 104 took a 112-byte block).
        assert_eq!(std::mem::size_of::<Extra>(), 56);
        assert_eq!(std::mem::size_of::<More>(), 56);
        assert_eq!(std::mem::size_of::<MaybeSpan>(), 16);
    }

    #[test]
    fn sub_kind_and_country_share_two_bytes_and_keep_each_other() {
        let codes = (0..=SubKind::ALL.len() as u8)
            .map(SubCode)
            .chain([SubCode::OTHER]);
        for code in codes {
            for a in b'A'..=b'Z' {
                for b in b'A'..=b'Z' {
                    let country = Country([a, b]);
                    let mut sc = SubCountry::NONE;
                    sc.set_country(Some(country));
                    sc.set_sub(code);
                    assert_eq!((sc.sub(), sc.country()), (code, Some(country)));
                    assert_eq!(country.as_static_str(), country.as_str());
                    sc.set_country(None);
                    assert_eq!((sc.sub(), sc.country()), (code, None));
                }
            }
        }
    }

    #[test]
    fn every_sub_kind_parses_back_from_its_string() {
        let mut seen = std::collections::HashSet::new();
        for s in &SubKind::ALL {
            assert!(seen.insert(s.as_str()), "{s} twice");
            assert!(is_label(s.as_str()), "{s} is not a label");
            assert_eq!(s.as_str().parse::<SubKind>().as_ref(), Ok(s));
            assert_eq!(SubKind::of(s.as_str()), *s);
            assert_eq!(SubCode::of(s.as_str()).known_kind(), Some(s));
            assert_eq!(s.to_string(), s.as_str());
            assert!(s.kind().is_some());
        }
        // The 12 places first, then the organizations, as the README table has them.
        let kinds: Vec<Kind> = SubKind::ALL.iter().filter_map(SubKind::kind).collect();
        assert!(kinds[..12].iter().all(|&k| k == Kind::Place));
        assert!(kinds[12..].iter().all(|&k| k == Kind::Organization));
    }

    #[test]
    fn a_well_formed_value_outside_the_vocabulary_is_other() {
        for v in ["souk", "wadi-2", "x", "city-state"] {
            let s: SubKind = v.parse().unwrap();
            assert_eq!(s, SubKind::Other(v.to_string()));
            assert_eq!(s.as_str(), v);
            assert_eq!(s.kind(), None);
        }
        assert_eq!("other".parse::<SubKind>(), Ok(SubKind::Unclassified));
    }

    #[test]
    fn a_malformed_value_is_a_parse_error() {
        for v in ["", "City", "new town", "مدينة", "a_b", "city\n"] {
            let err = v.parse::<SubKind>().unwrap_err();
            assert_eq!(err.input(), v, "{v:?}");
            assert!(err.to_string().starts_with("unknown sub-kind"), "{err}");
        }
    }

    #[test]
    fn precedence_is_the_documented_order() {
        use SubKind::*;
        let places = [
            Continent,
            Country,
            City,
            Town,
            Governorate,
            State,
            Province,
            Region,
            District,
            Subdivision,
            Uzla,
            Village,
        ];
        assert!(places
            .windows(2)
            .all(|w| w[0].precedence() < w[1].precedence()));
        let named = SubKind::ALL
            .iter()
            .filter(|s| s.kind() == Some(Kind::Organization) && **s != Unclassified);
        for s in named {
            assert_eq!(s.precedence(), Ministry.precedence(), "{s}");
            assert!(Village.precedence() < s.precedence());
            assert!(s.precedence() < Unclassified.precedence());
        }
        assert_eq!(
            Other("souk".into()).precedence(),
            Ministry.precedence(),
            "a user value ranks after every place sub-kind and before other"
        );
    }

    /// A sub-kind outside the vocabulary is held apart from the one-byte code, and read back as it was;
    /// a known one needs no `Extra`.
    #[test]
    fn a_sub_kind_of_ones_own_lexicon_is_kept_as_written() {
        let lex = crate::Lexicon::parse(
            "mine",
            "سوق الملح\tplace\tsub=souk\tcountry=YE\nالقلوعة\tplace\tsub=town\n",
        )
        .unwrap();
        let ex = crate::Extractor::builder()
            .bundled(false)
            .lexicon(lex)
            .build()
            .unwrap();
        let doc = ex.extract("زرنا سوق الملح ثم القلوعة");
        let m = doc.mentions();
        assert_eq!(m[0].sub_kind(), Some(SubKind::Other("souk".into())));
        assert_eq!(m[0].country(), Some("YE"));
        assert_eq!(m[1].sub_kind(), Some(SubKind::Town));
        assert!(m[1].extra.is_none());
        assert_eq!(
            doc.places()[0].sub_kind(),
            Some(SubKind::Other("souk".into()))
        );
        let mut copy = Mention::new(Kind::Place, m[1].span, m[1].text(), Source::Document);
        copy.set_sub(m[0].sub());
        assert_eq!(copy.sub_kind(), m[0].sub_kind());
        copy.set_sub(m[1].sub());
        assert_eq!(copy.sub_kind(), Some(SubKind::Town));
        assert!(copy.other_sub().is_none());
        #[cfg(feature = "serde")]
        for m in m {
            let json = serde_json::to_string(m).unwrap();
            assert_eq!(&serde_json::from_str::<Mention>(&json).unwrap(), m);
        }
    }

    /// A mention's text, role and nested mentions borrow the input; the owned copy equals it and
    /// borrows nothing.
    #[test]
    fn into_owned_copies_what_is_borrowed() {
        let text =
            String::from("وقال وزير الخارجية الدكتور عبدالعزيز سعيد الصيغ إن مؤتمر حضرموت الجامع");
        let doc = crate::Extractor::new().extract(&text);
        let inside = |s: &str| text.as_bytes().as_ptr_range().contains(&s.as_ptr());
        let all: Vec<&Mention> = doc.all_mentions().collect();
        assert!(
            all.iter().any(|m| m.role().is_some()) && all.iter().any(|m| !m.nested().is_empty())
        );
        for m in &all {
            assert!(inside(m.text()) && m.role().is_none_or(inside));
        }
        let owned = doc.clone().into_owned();
        assert_eq!(owned, doc);
        for m in owned.all_mentions() {
            assert!(!inside(m.text()) && m.role().is_none_or(|r| !inside(r)));
        }
        assert!(owned.persons().iter().all(|p| !inside(p.name())));
        assert!(owned.organizations().iter().all(|o| !inside(o.name())));
        assert!(owned.places().iter().all(|p| !inside(p.name())));
    }

    #[test]
    fn source_names_compare_and_hash_as_their_text() {
        let a = SourceName::from("place-noun");
        let b = SourceName::from(String::from("place-noun"));
        assert_eq!(a, b);
        assert_eq!(a, "place-noun");
        assert_eq!(format!("{a} {a:?}"), "place-noun \"place-noun\"");
        let set: std::collections::HashSet<SourceName> = [a].into_iter().collect();
        assert!(set.contains("place-noun"));
        let s: Source = "lexicon:my:lex.tsv:7".parse().unwrap();
        assert_eq!(
            s,
            Source::Lexicon {
                name: "my:lex.tsv".into(),
                line: 7
            }
        );
        assert_eq!(s.to_string(), "lexicon:my:lex.tsv:7");
        assert!(
            "lexicon:x:4294967296".parse::<Source>().is_err(),
            "a line above u32::MAX"
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn a_country_that_is_not_an_iso_code_does_not_deserialize() {
        let doc = crate::Extractor::new().extract("في محافظة حضرموت");
        let json = serde_json::to_string(&doc.mentions()[0]).unwrap();
        assert!(json.contains("\"country\":\"YE\""), "{json}");
        let bad = json.replace("\"YE\"", "\"Yemen\"");
        let err = serde_json::from_str::<Mention>(&bad).unwrap_err();
        assert!(
            err.to_string().contains("not an ISO 3166-1 alpha-2 code"),
            "{err}"
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn sub_kinds_serialize_as_their_string() {
        for s in SubKind::ALL
            .iter()
            .cloned()
            .chain([SubKind::Other("souk".into())])
        {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
            assert_eq!(serde_json::from_str::<SubKind>(&json).unwrap(), s);
        }
        assert!(serde_json::from_str::<SubKind>("\"Not A Label\"").is_err());
    }
}
