//! The compiled lexicon: every entry of every loaded lexicon, indexed by its first folded word.
//!
//! Matching runs over tokens, not bytes: a token's readings (see `clitic`) are looked up in one hash
//! table, and a multi-word entry is confirmed by comparing the next tokens' folded forms. This keeps
//! matches on word boundaries by construction and costs one or a few hash lookups a token. The table is
//! larger than the cache, so its layout is chosen for the reads that miss: a known word's place holds
//! its key and what matching says of a token of it, and most tokens read one cache line of it and
//! nothing else of the index (see [`Index::table`]).

use std::borrow::Cow;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::clitic::{for_each_reading, is_definite, Reading};
use crate::lexicon::{
    bundled_entries, bundled_len, Bundled, Entry, EntryKind, KindCounts, Lexicon, NameTokens,
};
use crate::mention::{Gender, SubKind};
use crate::rules;
use crate::tokenize::{TokenKind, Tokens};

/// Class bits of a token: one bit per [`EntryKind`] of its single-word entries.
pub(crate) type Classes = u16;

/// What the index knows about one folded word.
#[derive(Debug, Default)]
pub(crate) struct WordInfo {
    /// What matching says of a token of this word ([`Known`], packed by [`Known::pack`]; 0 until
    /// worked out), worked out the first time a token of it is looked up (see [`Index::known`]) rather
    /// than for every word when the index is built: a text meets a small part of the lexicon's words,
    /// and working them all out was a third of the build.
    known: AtomicU64,
    /// Kinds of the single-word entries equal to this word.
    pub(crate) classes: Classes,
    /// Gender of the word as a given name, title or role, where one entry says so.
    pub(crate) gender: Option<Gender>,
    /// The range of [`Index::singles`] that holds the single-word entries equal to this word.
    singles: (u32, u32),
    /// The range of [`Index::seconds`] that holds the second words of the entries of more than one word
    /// that start with this word, in byte order: a word that starts hundreds of names (محافظة، لا) costs
    /// a binary search, not a scan, and most tokens after it only a look at [`WordInfo::second_bits`].
    /// One list for all words rather than a hash map a word: 24 bytes a word, and a table and a vector
    /// a pair, less to write at the start of every process.
    seconds: (u32, u32),
    /// One bit for the [`second_bit`] of each of those second words: most next tokens are none of them,
    /// and are turned away without a search.
    second_bits: u64,
    /// Some entry of more than one word starts with this word.
    pub(crate) multi_word: bool,
    /// This word is a one-word place, and every such entry is written with a bare alif (شان، امان): a
    /// token written with a hamza on the alif (شأن، بأمان) is another word.
    pub(crate) place_bare_alif: bool,
    /// Some one-word place entry of this word is written with a hamza on an alif.
    place_hamza: bool,
    /// A one-word common entry of this word is marked `sub=in-names`: vocabulary that stands inside
    /// names of organizations and places but never in a person's (كرة). Kept here because common words
    /// record no phrase match (see [`RECORDED_SINGLES`]).
    pub(crate) in_names: bool,
}

// Written for every word at every start-up (32,000 of them).
const _: () = assert!(std::mem::size_of::<WordInfo>() == 40);

/// A place of [`Index::table`]: a word's key ([`ShortKey::default`], the empty word's, for an empty
/// place), and in `value` its place in [`Index::infos`] (low 32 bits) and, once worked out, the low half
/// of its packed [`Known`] (high 32 bits; 0 until then): for a word with no vocabulary reading, all that
/// a token of it needs, in one cache line (32 bytes, aligned).
#[derive(Debug, Default)]
#[repr(align(32))]
struct WordPlace {
    key: ShortKey,
    value: AtomicU64,
}

const _: () = assert!(std::mem::size_of::<WordPlace>() == 32);

/// What matching says of a token of a known word, worked out once per word.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Known {
    /// For a word known only as vocabulary: the clitic reading of it known as more, and that reading's
    /// place in [`Index::infos`] (see [`lexicon_reading`]).
    vocab_reading: Option<(Reading, u32)>,
    /// The features of a token of the word (under `vocab_reading` when there is one): most tokens are
    /// known words, and reading them here spares reading the [`WordInfo`] of their reading.
    features: Features,
}

impl Known {
    /// The bit set in every packed value, so that 0 is "not worked out yet".
    const SET: u64 = 1;

    /// The bit of a packed value that says there is a vocabulary reading (whose place in `infos` is in
    /// the high half, which [`WordPlace::value`] does not hold).
    const VOCAB: u64 = 1 << 25;

    /// The bit of a packed value of a word with no vocabulary reading (whose high half is 0) that says
    /// whether [`Index::is_name_token`] was asked of the word, and the one that holds the answer (see
    /// [`Index::is_name_token_of`]). Neither is read by [`Known::unpack`] or kept in the word table.
    const NAME_ASKED: u64 = 1 << 62;
    const NAME_TOKEN: u64 = 1 << 63;

    /// `self` in a `u64` for [`WordInfo::known`]: from the lowest bit, [`Known::SET`], the features as
    /// [`Features`] packs them (bits 1 to 24), whether there is a vocabulary reading, its clitic chars
    /// (4 bits), its conjunction and restored article, then its place in [`Index::infos`] (24 bits,
    /// from bit 32) and the start flags (6 bits, from bit 56). A word with no vocabulary reading has
    /// its start flags in the reading's bits instead (26 to 31, where [`Features`] holds them too), so
    /// that the word table, which keeps the low half, has them. `None` when a count of clitic chars or
    /// the reading's place does not fit in its bits (no reading has so many chars; an index of more
    /// than 16 million words): the value is then worked out again for every token.
    fn pack(self) -> Option<u64> {
        let f = self.features;
        let Some((r, at)) = self.vocab_reading else {
            return Some(Known::SET | u64::from(f.0));
        };
        if r.clitic_chars > 15 || at >= 1 << 24 {
            return None;
        }
        Some(
            Known::SET
                | u64::from(f.0 & Features::MASK)
                | Known::VOCAB
                | u64::from(r.clitic_chars) << 26
                | u64::from(r.conj) << 30
                | u64::from(r.restored_article) << 31
                | u64::from(at) << 32
                | u64::from(f.starts()) << 56,
        )
    }

    /// The value [`Known::pack`] gave `bits`.
    #[inline]
    fn unpack(bits: u64) -> Known {
        let bit = |at: u32| bits >> at & 1 != 0;
        let reading = Reading {
            clitic_chars: (bits >> 26 & 15) as u8,
            conj: bit(30),
            restored_article: bit(31),
        };
        Known {
            vocab_reading: bit(25).then_some((reading, (bits >> 32) as u32 & 0xFF_FFFF)),
            features: Known::features(bits),
        }
    }

    /// The features of the value [`Known::pack`] gave `bits`: its bits 1 to 24, as they are, and the
    /// start flags, where they are (bits 26 to 31 of a word with no vocabulary reading, 56 to 61 of
    /// one with a reading).
    #[inline(always)]
    fn features(bits: u64) -> Features {
        if bits & Known::VOCAB == 0 {
            Features(bits as u32 & (Features::MASK | Features::STARTS))
        } else {
            Features(bits as u32 & Features::MASK).with_starts((bits >> 56) as u8 & 63)
        }
    }

    /// The reading a token of the word at `slot` of [`Index::infos`] is read with, the place in
    /// `infos` of what the lexicon knows of it, and the token's features.
    #[inline(always)]
    fn at(self, slot: u32) -> (Reading, u32, Features) {
        let (r, at) = self.vocab_reading.unwrap_or((Reading::WHOLE, slot));
        (r, at, self.features)
    }
}

/// A second word after a first ([`WordInfo::seconds`]), and the range of [`Index::multi`] that holds the
/// entries starting with the two, longest first.
#[derive(Debug)]
struct Second {
    /// The word's first eight bytes as a big-endian number (zero-padded): compared before the word,
    /// they order the words as their bytes do and mostly settle the comparison.
    prefix: u64,
    /// Borrowed from the bundled files' text where the entries are.
    word: Cow<'static, str>,
    starts: (u32, u32),
}

/// An entry starting with a word, with what matching needs to know without reading the entry.
#[derive(Debug, Clone, Copy)]
struct Start {
    id: u32,
    kind: EntryKind,
    words: u8,
    /// A hash of the entry's words after the first (see [`head_words`]), set only among more than
    /// [`SCANNED_STARTS`] entries of one length sharing their first two words, which are sorted by it.
    head: u32,
}

/// A word of up to [`ShortKey::MAX`] bytes as a hash key held inline: its bytes, zero-padded, then its
/// length in the last byte.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ShortKey([u64; 3]);

impl std::fmt::Display for ShortKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut bytes = [0u8; 24];
        for (k, part) in self.0.iter().enumerate() {
            bytes[k * 8..k * 8 + 8].copy_from_slice(&part.to_le_bytes());
        }
        let len = usize::from(bytes[23]);
        // The bytes are those of a `str`.
        f.write_str(std::str::from_utf8(&bytes[..len]).map_err(|_| std::fmt::Error)?)
    }
}

impl ShortKey {
    const MAX: usize = 23;

    #[inline]
    fn new(word: &str) -> Option<ShortKey> {
        ShortKey::of_bytes(word.as_bytes())
    }

    /// The key of a word given as its UTF-8 bytes.
    #[inline]
    fn of_bytes(bytes: &[u8]) -> Option<ShortKey> {
        let len = bytes.len();
        if len > ShortKey::MAX {
            return None;
        }
        // Built a word at a time, not copied through a byte buffer: reading back bytes just stored one by
        // one stalls the lookup that follows.
        let part = |k: usize| match bytes.get(k * 8..k * 8 + 8) {
            Some(chunk) => {
                let mut w = [0u8; 8];
                w.copy_from_slice(chunk);
                u64::from_le_bytes(w)
            }
            None => short_part(bytes, k * 8),
        };
        Some(ShortKey([part(0), part(1), part(2) | (len as u64) << 56]))
    }
}

impl ShortKey {
    /// [`ShortKey::of_bytes`] of token `i`'s folded form: where the folding buffer holds 24 bytes from
    /// the token's start, they are read as three words and what is past the token masked off, without
    /// a branch on the word's length (which the processor mispredicts from one token to the next).
    #[inline(always)]
    fn of_token(tokens: &Tokens, i: usize) -> Option<ShortKey> {
        let len = tokens.folded_bytes(i).len();
        if len > ShortKey::MAX {
            return None;
        }
        let Some(chunk) = tokens.folded_from(i).first_chunk::<24>() else {
            return ShortKey::of_bytes(tokens.folded_bytes(i));
        };
        // Byte `k` of the mask is 0xFF for `k < len`, 0 from there on.
        let mask = &KEY_MASKS[ShortKey::MAX + 1 - len..][..24];
        let part = |k: usize| {
            let word = |bytes: &[u8]| {
                let mut w = [0u8; 8];
                w.copy_from_slice(&bytes[k * 8..k * 8 + 8]);
                u64::from_le_bytes(w)
            };
            word(chunk) & word(mask)
        };
        Some(ShortKey([part(0), part(1), part(2) | (len as u64) << 56]))
    }
}

/// The masks of [`ShortKey::of_token`]: 24 bytes from `24 - len` are `len` bytes 0xFF, then zeros.
static KEY_MASKS: [u8; 48] = {
    let mut masks = [0u8; 48];
    let mut k = 0;
    while k < 24 {
        masks[k] = 0xFF;
        k += 1;
    }
    masks
};

/// The bytes of `word` from `from` on, fewer than eight, as the low bytes of a little-endian word. In a
/// word of eight bytes or more they are read with the bytes before them, as the last eight bytes, and
/// shifted; in a shorter word, as pieces of four, two and one bytes: most words end in such a part, and
/// a loop over its bytes cost more than the rest of the key.
#[inline]
fn short_part(word: &[u8], from: usize) -> u64 {
    let rest = word.len().saturating_sub(from);
    if rest == 0 {
        return 0;
    }
    match word.get(word.len().wrapping_sub(8)..) {
        Some(&[a, b, c, d, e, f, g, h]) => {
            u64::from_le_bytes([a, b, c, d, e, f, g, h]) >> (8 * (8 - rest))
        }
        // A word of fewer than eight bytes: its four-byte piece, if any, then the rest.
        _ => crate::table::short_le(word.get(from..).unwrap_or_default()),
    }
}

impl ShortKey {
    /// `self == other`, compared as words: the derived comparison compares bytes, for which the
    /// compiler writes a key it holds in registers to memory and reads it back.
    #[inline(always)]
    fn is(&self, other: &ShortKey) -> bool {
        let ([a, b, c], [x, y, z]) = (self.0, other.0);
        (a ^ x) | (b ^ y) | (c ^ z) == 0
    }

    /// Whether this is the empty word's key, an empty place's in [`Index::table`]: every other key has
    /// its length in its last word.
    #[inline(always)]
    fn is_empty(&self) -> bool {
        self.0[2] == 0
    }

    #[inline]
    fn mixed(&self) -> u64 {
        let [a, b, c] = self.0;
        a ^ b.rotate_left(21) ^ c.rotate_left(42)
    }

    /// The key's hash for [`Index::table`].
    #[inline]
    fn hash(&self) -> u64 {
        self.mixed().wrapping_mul(0xD6E8_FEB8_6659_FD93)
    }

    /// The key's bit in [`Index::filter`].
    #[inline]
    fn bit(&self) -> usize {
        (self.mixed().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS.trailing_zeros()))
            as usize
    }
}

/// The size of [`Index::filter`]: 64 KiB, about sixteen bits a word of the default lexicons.
const FILTER_BITS: usize = 1 << 19;

/// One shared copy of each sub-kind, country code and title text: few values, used by many entries.
/// Each is stored once in [`Index::strings`], and an entry holds its place there (no reference count
/// to raise per entry).
#[derive(Default)]
struct Shared {
    values: FxHashMap<Arc<str>, u32>,
    /// The two values asked last (an entry asks its sub-kind, then its country): entries of one file
    /// mostly share them, and a comparison spares the hash.
    recent: [u32; 2],
}

impl Shared {
    fn get(&mut self, strings: &mut Vec<Arc<str>>, value: &str) -> u32 {
        if let Some(&at) = self
            .recent
            .iter()
            .find(|&&at| strings.get(at as usize).is_some_and(|v| **v == *value))
        {
            return at;
        }
        let at = match self.values.get(value) {
            Some(&at) => at,
            None => {
                let v: Arc<str> = Arc::from(value);
                let at = strings.len() as u32;
                strings.push(Arc::clone(&v));
                self.values.insert(v, at);
                at
            }
        };
        self.recent = [at, self.recent[0]];
        at
    }
}

/// The place of no value in [`Index::strings`].
const NO_STRING: u32 = u32::MAX;

/// What building an index keeps until its last entry is added.
#[derive(Default)]
struct Building {
    /// Each recorded one-word entry with its word's place in `infos`.
    singles: Vec<(u32, Start)>,
    /// Each entry of more than one word with its first word's place in `infos` and its second word.
    multi: Vec<(u32, Cow<'static, str>, Start)>,
    shared: Shared,
}

/// An entry with the lexicon it came from.
#[derive(Debug)]
pub(crate) struct IndexedEntry {
    pub(crate) entry: Entry,
    /// The lexicon's name, the display text (of a title), and the sub-kind and country, as places in
    /// [`Index::strings`] ([`NO_STRING`] for none; read them with [`Index::string`]): shared copies,
    /// cloned into mentions without allocating. `sub` is the sub-kind mentions of the entry report,
    /// which for a place or organization may be another entry's of the same name (see
    /// [`Index::settle_sub_kinds`]).
    pub(crate) lexicon: u32,
    pub(crate) display: u32,
    pub(crate) sub: u32,
    pub(crate) country: u32,
    pub(crate) words: u8,
    /// Which bundled list the entry's lexicon is, for the rules that read some lists with more care.
    pub(crate) list: List,
    /// Where the second word starts in the folded form (its length when there is none).
    rest_at: u32,
}

// The entry list is written at every start-up (22,000 entries): a field that grows it shows here.
const _: () = assert!(std::mem::size_of::<IndexedEntry>() == 64);

/// The bundled lists that rules read with more care than the others (see `rules::entries`), known by
/// their file name: the bundled file, or a file of that name (the cross-validation's copies). Worked out
/// once per lexicon when the index is built; a lexicon of the user's own under another name is
/// [`List::Other`], trusted as it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum List {
    #[default]
    Other,
    /// `places_yemen.tsv`: Yemen's governorates, towns and districts.
    Yemen,
    /// `places_cities_geonames.tsv`: the GeoNames towns.
    GeonamesTowns,
}

impl List {
    /// The list a lexicon named `name` (a file name or a path) is.
    fn of(name: &str) -> List {
        if name.ends_with("places_yemen.tsv") {
            List::Yemen
        } else if name.ends_with("places_cities_geonames.tsv") {
            List::GeonamesTowns
        } else {
            List::Other
        }
    }
}

/// A lexicon as its entries are indexed: its name's place in [`Index::strings`], and which list it is.
#[derive(Debug, Clone, Copy)]
struct LexiconRef {
    name: u32,
    list: List,
}

impl IndexedEntry {
    /// The folded words after the first.
    fn rest(&self) -> &str {
        &self.entry.folded()[self.rest_at as usize..]
    }
}

/// All entries of an extractor's lexicons, ready for matching.
#[derive(Debug, Default)]
pub(crate) struct Index {
    pub(crate) entries: Vec<IndexedEntry>,
    /// The lexicons' names and the shared values of the entries (see [`IndexedEntry::lexicon`]).
    strings: Vec<Arc<str>>,
    /// The words of up to [`ShortKey::MAX`] bytes (nearly all but the empty word) by hash: open
    /// addressing with linear probing, at most half full. Most tokens of a text are known words, and
    /// the look-up of each reads this table, too large for the cache: a place holds the key and what
    /// matching says of a token of the word ([`WordPlace`]), so that a look-up reads one cache line,
    /// where a hash map's place led to the word's [`WordInfo`], then to its lazily worked-out features,
    /// each read after the other.
    table: Vec<WordPlace>,
    /// How many words `table` holds.
    table_words: usize,
    /// How far a key's hash is shifted right to give its first place in `table`: 64 less the bits of
    /// the table's length (a power of two, or 0 for the empty table of `Index::default`, whose shift 0
    /// gives places past its end). Kept with the table, so that a look-up does not work it out again.
    table_shift: u32,
    /// The same for longer words.
    long_words: FxHashMap<Box<str>, u32>,
    /// One bit for the [`ShortKey::bit`] of each word in `words`. Most clitic readings and many tokens are
    /// words the index does not hold; this small table (it stays in the cache) turns most of them away
    /// before a lookup in the large one.
    filter: Vec<u64>,
    infos: Vec<WordInfo>,
    /// The single-word entries, each word's together in entry order (see [`WordInfo::singles`]).
    singles: Vec<Start>,
    /// The second words of every first word (see [`WordInfo::seconds`]).
    seconds: Vec<Second>,
    /// The entries of more than one word, each pair of first words' together (see [`Second::starts`]).
    multi: Vec<Start>,
    /// Folded person-name tokens (`name` entries). Kept out of `words`: a word known only as a name token
    /// is still an unknown word to every rule that reads unknown words as possible names; only the rules
    /// that ask [`Index::is_name_token`] take it as more.
    names: FxHashSet<Box<str>>,
    /// The same of the bundled `name` files, read in place from the tables `build.rs` made of them.
    name_sets: Vec<NameTokens>,
    /// What the extractor's `Debug` summary reports: every entry indexed (but `name` tokens), of which
    /// `entries` keeps only those a match can point to (see [`Index::add`]).
    summary: Summary,
    /// This index among the process's: the words each thread keeps of it ([`UnknownWords`]) are its.
    id: IndexId,
}

/// A number that no other index of the process has, given when the index is made (never 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct IndexId(u64);

impl Default for IndexId {
    fn default() -> IndexId {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        IndexId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// The lexicons and entries an index was built from, counted as they are added.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// Runs of entries of one lexicon name.
    pub(crate) lexicons: usize,
    pub(crate) entries: usize,
    pub(crate) kinds: KindCounts,
    last: Option<Arc<str>>,
}

/// The most words an entry may have; longer entries are kept but can never match past this many tokens.
const MAX_WORDS: usize = 12;

impl Index {
    /// Indexes copies of the entries of `lexicons`.
    #[cfg(test)]
    pub(crate) fn build<'a>(lexicons: impl IntoIterator<Item = &'a Lexicon>) -> Index {
        let lexicons: Vec<&Lexicon> = lexicons.into_iter().collect();
        let (mut index, mut building) = Index::start(lexicons.iter().map(|lex| lex.len()).sum());
        for lex in lexicons {
            let lexicon = index.push_lexicon(lex.shared_name());
            for e in lex.entries() {
                index.add(e.clone(), lexicon, &mut building);
            }
        }
        index.done(building)
    }

    /// Indexes the entries of the bundled files of records `bundled`, read from their tables as they are
    /// indexed (no lexicon of them is made), then copies of those of `lexicons`.
    pub(crate) fn build_bundled(
        bundled: impl Iterator<Item = &'static Bundled> + Clone,
        lexicons: &[Lexicon],
    ) -> Index {
        let count = bundled.clone().map(bundled_len).sum::<usize>()
            + lexicons.iter().map(Lexicon::len).sum::<usize>();
        let (mut index, mut building) = Index::start(count);
        // Plain loops rather than a chain of iterators: each adapter moved the entry once more.
        for b in bundled {
            let lexicon = index.push_lexicon(Arc::from(b.name));
            for e in bundled_entries(b) {
                index.add(e, lexicon, &mut building);
            }
        }
        for lex in lexicons {
            let lexicon = index.push_lexicon(lex.shared_name());
            for e in lex.entries() {
                index.add(e.clone(), lexicon, &mut building);
            }
        }
        index.done(building)
    }

    /// An empty index to add entries to, `count` of them at most (the lists are sized once for them).
    fn start(count: usize) -> (Index, Building) {
        let mut index = Index::default();
        // A vector of large entries grown by doubling copies them all again at each step; a hash table,
        // hashes every key again. (Memory reserved and not written is never touched.)
        index.entries.reserve(count);
        index.infos.reserve(count);
        // A quarter full once as many words as half the entries are new (the default lexicons have three
        // words for four entries: 32,000 of 42,000, in 131,072 places); grown if more come, to at most
        // half full (see `insert_word`). At half full (65,536 places) two in five looked-up tokens of news
        // text did not find their word at its first place, and each further place read cost some 25
        // instructions: a quarter full costs 2 MiB more (written once at start-up, some 0.3 ms of page
        // faults) and spares 9 M instructions on 10.8 MB of news.
        index
            .table
            .resize_with((2 * count).next_power_of_two().max(2), WordPlace::default);
        index.table_resized();
        // The lists of `Building` too: grown by doubling, each step copied them into memory never
        // written before (a third of the build's page faults went to `realloc`'s copies).
        let building = Building {
            singles: Vec::with_capacity(count),
            multi: Vec::with_capacity(count),
            ..Building::default()
        };
        (index, building)
    }

    /// The index, once every entry is added.
    fn done(mut self, building: Building) -> Index {
        self.finish(building.singles);
        self.gather_seconds(building.multi);
        self.settle_sub_kinds();
        self
    }

    /// Adds a lexicon's name to [`Index::strings`]: its place there, and which list the lexicon is.
    fn push_lexicon(&mut self, name: Arc<str>) -> LexiconRef {
        let list = List::of(&name);
        self.strings.push(name);
        LexiconRef {
            name: self.strings.len() as u32 - 1,
            list,
        }
    }

    /// The string at `at` in the index's shared strings: an [`IndexedEntry`]'s lexicon name, display
    /// text, sub-kind or country (none for [`NO_STRING`]).
    #[inline]
    pub(crate) fn string(&self, at: u32) -> Option<&Arc<str>> {
        self.strings.get(at as usize)
    }

    /// The counts of the extractor's `Debug` summary.
    pub(crate) fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Gives every place entry, and every organization entry, the sub-kind its name reports: of all the
    /// entries of its kind and folded text, the sub-kind first by [`SubKind::precedence`], the first
    /// loaded on a tie (صنعاء is a governorate in `places_yemen.tsv`, a subdivision in
    /// `places_subdivisions.tsv` and a city in `places_cities_geonames.tsv`: every entry of it says
    /// city). Only [`IndexedEntry::sub`], which mentions report, changes; the rules read the file's own
    /// value ([`Entry::sub`]).
    ///
    /// Entries of one folded text share their first word, and their second: they are among one word's
    /// single-word entries ([`WordInfo::singles`]) or one pair's ([`Second::starts`]), so each such list
    /// is settled on its own (a handful of entries, sorted) rather than through a hash map of every name
    /// (1.3 MB of fresh memory at every start-up).
    fn settle_sub_kinds(&mut self) {
        let entries = &self.entries;
        let mut rank_of: FxHashMap<&str, u8> = FxHashMap::default();
        // The named entries of one list: kind, folded text, rank of the sub-kind, id.
        let mut group: Vec<(EntryKind, &str, u8, u32)> = Vec::new();
        // Each entry that takes another's sub-kind, with that sub-kind.
        let mut settled: Vec<(u32, u32)> = Vec::new();
        let lists = self
            .infos
            .iter()
            .map(|w| &self.singles[w.singles.0 as usize..w.singles.1 as usize])
            .chain(
                self.seconds
                    .iter()
                    .map(|s| &self.multi[s.starts.0 as usize..s.starts.1 as usize]),
            );
        for list in lists {
            group.clear();
            for s in list {
                if !matches!(s.kind, EntryKind::Place | EntryKind::Organization) {
                    continue;
                }
                let e = &entries[s.id as usize].entry;
                let rank = match e.sub() {
                    Some(sub) => *rank_of
                        .entry(sub)
                        .or_insert_with(|| SubKind::of(sub).precedence()),
                    None => u8::MAX,
                };
                group.push((s.kind, e.folded(), rank, s.id));
            }
            if group.len() < 2 {
                continue;
            }
            // By kind and text, then the best rank, the first loaded on a tie: each run's first wins.
            group.sort_unstable();
            let mut g = 0;
            while g < group.len() {
                let (kind, folded, _, winner) = group[g];
                let sub = entries[winner as usize].sub;
                g += 1;
                while g < group.len() && group[g].0 == kind && group[g].1 == folded {
                    let id = group[g].3;
                    if entries[id as usize].sub != sub {
                        settled.push((id, sub));
                    }
                    g += 1;
                }
            }
        }
        for (id, sub) in settled {
            self.entries[id as usize].sub = sub;
        }
    }

    fn add(&mut self, entry: Entry, lexicon: LexiconRef, building: &mut Building) {
        let Building {
            singles,
            multi,
            shared,
        } = building;
        if entry.kind() == EntryKind::Name {
            self.names.insert(entry.folded().into());
            return;
        }
        let summary = &mut self.summary;
        summary.entries += 1;
        summary.kinds.add(entry.kind());
        let name = &self.strings[lexicon.name as usize];
        if summary
            .last
            .as_ref()
            .is_none_or(|l| !Arc::ptr_eq(l, name) && **l != **name)
        {
            summary.lexicons += 1;
            summary.last = Some(Arc::clone(name));
        }
        let id = self.entries.len() as u32;
        // The first word, the second, and the count of words, in one look at the spaces.
        let folded = entry.folded();
        let first = first_word(folded);
        let rest = folded.get(first.len() + 1..).unwrap_or_default();
        let second = (!rest.is_empty()).then(|| first_word(rest));
        let words = match second {
            None => 1,
            Some(_) => 2 + rest.bytes().filter(|&b| b == b' ').count(),
        }
        .min(MAX_WORDS) as u8;
        let rest_at = (first.len() + 1).min(folded.len()) as u32;
        let slot = match self.slot(first) {
            Some(slot) => slot,
            None => {
                let slot = self.infos.len() as u32;
                match ShortKey::new(first).filter(|key| *key != ShortKey::default()) {
                    Some(key) => {
                        if self.filter.is_empty() {
                            self.filter = vec![0; FILTER_BITS / 64];
                        }
                        let bit = key.bit();
                        self.filter[bit / 64] |= 1 << (bit % 64);
                        self.insert_word(key, slot);
                    }
                    None => {
                        self.long_words.insert(first.into(), slot);
                    }
                };
                self.infos.push(WordInfo::default());
                slot
            }
        };
        let info = &mut self.infos[slot as usize];
        if words == 1 {
            if entry.kind() == EntryKind::Place {
                info.place_hamza |= has_hamza_alif(entry.text());
                info.place_bare_alif = !info.place_hamza;
            }
            if entry.kind() == EntryKind::Common && entry.sub() == Some("in-names") {
                info.in_names = true;
            }
            info.classes |= entry.kind().bit();
            if info.gender.is_none()
                && matches!(
                    entry.kind(),
                    EntryKind::Given | EntryKind::Title | EntryKind::Role
                )
            {
                info.gender = entry.gender();
            }
        }
        let start = Start {
            id,
            kind: entry.kind(),
            words,
            head: 0,
        };
        match second {
            None if RECORDED_SINGLES & entry.kind().bit() != 0 => singles.push((slot, start)),
            // A one-word entry of a kind whose matches are not recorded (most are common words): no
            // match ever points to it, and its word's classes above say all it says.
            None => return,
            Some(second) => {
                info.multi_word = true;
                let key = match entry.folded_static() {
                    Some(folded) => Cow::Borrowed(&folded[rest_at as usize..][..second.len()]),
                    None => Cow::Owned(second.to_string()),
                };
                multi.push((slot, key, start));
            }
        }
        let strings = &mut self.strings;
        let mut share = |s: Option<&str>| s.map_or(NO_STRING, |s| shared.get(strings, s));
        self.entries.push(IndexedEntry {
            // Only a title's display form goes into mentions (as the person's title).
            display: share((entry.kind() == EntryKind::Title).then(|| entry.text())),
            sub: share(entry.sub()),
            country: share(entry.country()),
            entry,
            lexicon: lexicon.name,
            words,
            list: lexicon.list,
            rest_at,
        });
    }

    /// Gathers each word's single-word entries, and orders its longer entries longest first, so the first
    /// confirmed match is the longest.
    fn finish(&mut self, singles: Vec<(u32, Start)>) {
        // Each word's single-word entries together, in entry order: placed by a count of them per word
        // (a stable sort by word, without comparisons).
        let mut at = vec![0u32; self.infos.len() + 1];
        for &(slot, _) in &singles {
            at[slot as usize + 1] += 1;
        }
        for slot in 0..self.infos.len() {
            at[slot + 1] += at[slot];
            if at[slot + 1] > at[slot] {
                self.infos[slot].singles = (at[slot], at[slot + 1]);
            }
        }
        let mut placed = match singles.first() {
            Some(&(_, any)) => vec![any; singles.len()],
            None => Vec::new(),
        };
        for (slot, start) in singles {
            let next = &mut at[slot as usize];
            placed[*next as usize] = start;
            *next += 1;
        }
        self.singles = placed;
    }

    /// Puts the entries of more than one word in [`Index::seconds`] and [`Index::multi`]: by first word
    /// (placed by a count, as the single-word entries), then by second word (a stable sort of each first
    /// word's, mostly a few), each pair's entries in entry order, then longest first.
    fn gather_seconds(&mut self, mut multi: Vec<(u32, Cow<'static, str>, Start)>) {
        // The places of `multi`, by first word: indices rather than the pairs themselves, so that no
        // second list of them is written (lists this long are fresh memory, page by page).
        let mut at = vec![0u32; self.infos.len() + 1];
        for &(slot, _, _) in &multi {
            at[slot as usize + 1] += 1;
        }
        for slot in 0..self.infos.len() {
            at[slot + 1] += at[slot];
        }
        let mut order = vec![0u32; multi.len()];
        for (i, &(slot, _, _)) in multi.iter().enumerate() {
            let next = &mut at[slot as usize];
            order[*next as usize] = i as u32;
            *next += 1;
        }
        // `at[slot]` is now the end of the slot's entries, and the start of the next's.
        self.multi = Vec::with_capacity(multi.len());
        let mut seconds = Vec::with_capacity(multi.len());
        let mut begin = 0;
        for (slot, &end) in at.iter().take(self.infos.len()).enumerate() {
            let end = end as usize;
            if end == begin {
                continue;
            }
            let group = &mut order[begin..end];
            group.sort_by(|&a, &b| multi[a as usize].1.cmp(&multi[b as usize].1));
            let first_second = seconds.len() as u32;
            let mut g = 0;
            while g < group.len() {
                let from = g;
                let key = &multi[group[g] as usize].1;
                while g < group.len() && multi[group[g] as usize].1 == *key {
                    g += 1;
                }
                let lo = self.multi.len() as u32;
                self.multi
                    .extend(group[from..g].iter().map(|&i| multi[i as usize].2));
                let word = std::mem::take(&mut multi[group[from] as usize].1);
                seconds.push(Second {
                    prefix: prefix(&word),
                    word,
                    starts: (lo, self.multi.len() as u32),
                });
            }
            self.infos[slot].seconds = (first_second, seconds.len() as u32);
            self.infos[slot].second_bits = seconds[first_second as usize..]
                .iter()
                .fold(0, |bits, s| bits | second_bit(s.prefix));
            begin = end;
        }
        let entries = &self.entries;
        for second in &seconds {
            let starts = &mut self.multi[second.starts.0 as usize..second.starts.1 as usize];
            starts.sort_by_key(|s| std::cmp::Reverse(s.words));
            if starts.len() <= SCANNED_STARTS {
                continue;
            }
            // Many entries (of one length, as it turns out) sharing their first two words: sorted by
            // the hash of their words, then in entry order, to be searched (`confirm_phrases`).
            for s in starts.iter_mut() {
                s.head = head_hash(head_words(entries[s.id as usize].rest(), s.words - 1));
            }
            starts.sort_by_key(|s| (std::cmp::Reverse(s.words), s.head, s.id));
        }
        self.seconds = seconds;
    }

    /// The entries of more than one word whose first two words are `info`'s word and `second`, longest
    /// first.
    #[inline(always)]
    fn starting(&self, info: &WordInfo, second: &[u8]) -> &[Start] {
        let p = prefix_of(second);
        if info.second_bits & second_bit(p) == 0 {
            return &[];
        }
        self.search_seconds(info, second, p)
    }

    /// [`Index::starting`] past the filter of its bits.
    #[inline(never)]
    fn search_seconds(&self, info: &WordInfo, second: &[u8], p: u64) -> &[Start] {
        let (lo, hi) = (info.seconds.0 as usize, info.seconds.1 as usize);
        let found = if hi - lo > SCANNED_SECONDS {
            // a word that starts hundreds of names (محافظة، عبد): searched by halves
            let seconds = &self.seconds[lo..hi];
            seconds
                .binary_search_by(|s| s.prefix.cmp(&p).then_with(|| s.word.as_bytes().cmp(second)))
                .ok()
                .map(|i| &seconds[i])
        } else {
            // A few (2.6 on average): read in order, up to the first of a larger prefix.
            self.seconds[lo..hi]
                .iter()
                .take_while(|s| s.prefix <= p)
                .find(|s| s.prefix == p && s.word.as_bytes() == second)
        };
        found.map_or(&[], |s| {
            &self.multi[s.starts.0 as usize..s.starts.1 as usize]
        })
    }

    /// What matching says of a token of the known word at `slot`, worked out the first time it is
    /// asked, from the word's text that `word` gives: the token's, as the index keeps no list of its
    /// words' texts (32,000 of them, written at every start-up for the few that a text meets).
    #[inline]
    fn known<'w>(&self, slot: u32, word: impl FnOnce() -> &'w str) -> Known {
        let cell = &self.infos[slot as usize].known;
        // Relaxed: two threads that meet a new word at once both work it out, to the same value.
        match cell.load(Ordering::Relaxed) {
            0 => {
                let known = self.work_out(slot, word());
                if let Some(bits) = known.pack() {
                    cell.store(bits, Ordering::Relaxed);
                }
                known
            }
            bits => Known::unpack(bits),
        }
    }

    /// What matching would work out again for every token of the known word at `slot`.
    #[cold]
    fn work_out(&self, slot: u32, word: &str) -> Known {
        thread_local! {
            /// The clitic readings' buffer, kept from one word to the next.
            static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        BUF.with(|buf| self.work_out_with(slot, word, &mut buf.borrow_mut()))
    }

    fn work_out_with(&self, slot: u32, word: &str, buf: &mut String) -> Known {
        let w = &self.infos[slot as usize];
        let vocabulary_only = w.classes & !VOCABULARY == 0 && !w.multi_word;
        let (reading, shape) = if vocabulary_only {
            reading_and_shape(self, word, buf, true)
        } else {
            (None, Shape::of(word, buf))
        };
        let reading = reading.filter(|r| r.0 != Reading::WHOLE);
        let (r, at) = reading.unwrap_or((Reading::WHOLE, slot));
        let found = &self.infos[at as usize];
        let features = Features::of(word, Some(r), Some(found), shape);
        Known {
            vocab_reading: reading,
            features: features.with_starts(rules::start_flags(word.as_bytes())),
        }
    }

    /// Adds the person-name tokens of a bundled `name` file, read in place from its table.
    pub(crate) fn add_name_tokens(&mut self, tokens: NameTokens) {
        self.name_sets.push(tokens);
    }

    /// Whether any `name` token is loaded.
    pub(crate) fn has_name_tokens(&self) -> bool {
        !self.names.is_empty() || !self.name_sets.is_empty()
    }

    /// Whether `folded` is a person-name token of a `name` lexicon entry.
    pub(crate) fn is_name_token(&self, folded: &str) -> bool {
        let in_sets = match self.name_sets.as_slice() {
            [] => false,
            sets => {
                let hash = NameTokens::hash(folded);
                sets.iter().any(|set| set.contains_hashed(folded, hash))
            }
        };
        in_sets || (!self.names.is_empty() && self.names.contains(folded))
    }

    /// [`Index::is_name_token`] of the word whose info is `info` (its own, not a clitic reading's), whose
    /// folded form `folded` gives: kept in the word's [`WordInfo::known`] the first time it is asked
    /// (bits [`Known::NAME_ASKED`] and [`Known::NAME_TOKEN`], which the packed value of a word with no
    /// vocabulary reading leaves free), so that the rules ask the name tables once a word rather than
    /// once a token (`person::name_tokens` asks it of most words that are no vocabulary). A word with a
    /// vocabulary reading, or not yet worked out, is looked up each time.
    #[inline]
    pub(crate) fn is_name_token_of<'w>(
        &self,
        info: &WordInfo,
        folded: impl FnOnce() -> &'w str,
    ) -> bool {
        let cell = &info.known;
        let bits = cell.load(Ordering::Relaxed);
        if bits & (Known::SET | Known::VOCAB) != Known::SET {
            return self.is_name_token(folded());
        }
        if bits & Known::NAME_ASKED != 0 {
            return bits & Known::NAME_TOKEN != 0;
        }
        let word = folded();
        debug_assert!(self.word(word).is_some_and(|w| std::ptr::eq(w, info)));
        let answer = self.is_name_token(word);
        // Relaxed: another thread asking at once sets the same bits; one that works the word's value
        // out again at once (see `Index::known`) may clear them, and the word is then asked again.
        cell.fetch_or(
            Known::NAME_ASKED | if answer { Known::NAME_TOKEN } else { 0 },
            Ordering::Relaxed,
        );
        answer
    }

    pub(crate) fn word(&self, folded: &str) -> Option<&WordInfo> {
        self.slot(folded).map(|slot| &self.infos[slot as usize])
    }

    /// Always inlined: looking up calls it for nearly every token, and the call cost a tenth of it.
    #[inline(always)]
    fn slot(&self, folded: &str) -> Option<u32> {
        match ShortKey::new(folded).filter(|key| *key != ShortKey::default()) {
            Some(key) => self.short_slot(key),
            None => self.long_words.get(folded).copied(),
        }
    }

    /// The first place of [`Index::table`] where the word of `key` is looked for: the hash's top bits,
    /// as many as the table's length has (none of an empty table: a place past its end).
    #[inline(always)]
    fn first_place(&self, key: &ShortKey) -> usize {
        (key.hash() >> self.table_shift) as usize
    }

    /// Sets [`Index::table_shift`] for the table's new length.
    fn table_resized(&mut self) {
        let places = self.table.len();
        debug_assert!(places == 0 || (places >= 2 && places.is_power_of_two()));
        self.table_shift = 64 - places.trailing_zeros();
    }

    /// Puts the word of `key`, at `slot` of `infos`, in [`Index::table`], which is first grown if that
    /// would make it more than half full.
    fn insert_word(&mut self, key: ShortKey, slot: u32) {
        // The two highest places are what no place holds (see `Probe`).
        assert!(
            slot < u32::MAX - 1,
            "more words than a place in the word list holds"
        );
        self.table_words += 1;
        if self.table_words * 2 > self.table.len() {
            let old = std::mem::take(&mut self.table);
            self.table
                .resize_with(old.len().max(1) * 2, WordPlace::default);
            self.table_resized();
            for place in old.into_iter().filter(|p| p.key != ShortKey::default()) {
                self.place(place.key, place.value.into_inner());
            }
        }
        self.place(key, u64::from(slot));
    }

    /// Puts a word's key and value in the first free place of [`Index::table`] from its own.
    fn place(&mut self, key: ShortKey, value: u64) {
        let mask = self.table.len() - 1;
        let mut at = self.first_place(&key);
        while self.table[at].key != ShortKey::default() {
            at = (at + 1) & mask;
        }
        self.table[at] = WordPlace {
            key,
            value: AtomicU64::new(value),
        };
    }

    /// The place of [`Index::table`] that holds the short word of `key`, which is not the empty word's
    /// (an empty place's: the empty word is in [`Index::long_words`], as a long word).
    #[inline(always)]
    fn find_short(&self, key: &ShortKey) -> Option<&WordPlace> {
        let mask = self.table.len().wrapping_sub(1);
        let mut at = self.first_place(key);
        loop {
            let place = self.table.get(at)?;
            if place.key.is(key) {
                return Some(place);
            }
            if place.key.is_empty() {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// What the word table holds of token `i`'s folded form (see [`Probe`]). The key of a short word
    /// is built from its bytes, without checking that their ends are char boundaries (they are),
    /// which cost as much as building it. The filter is not asked: most words of a text are in the
    /// table (96 % of the words of the bench news, whose vocabulary the corpus lists hold), so it
    /// would turn few away for the test it costs every word; it pays for the clitic readings, most of
    /// which the table lacks.
    #[inline(always)]
    fn probe(&self, tokens: &Tokens, i: usize) -> Probe {
        // The empty word's key is an empty place's (see `Index::find_short`).
        if tokens.folded_bytes(i).is_empty() {
            return Probe::BY_TEXT;
        }
        let Some(key) = ShortKey::of_token(tokens, i) else {
            return Probe::BY_TEXT;
        };
        match self.find_short(&key) {
            Some(place) => Probe(place.value.load(Ordering::Relaxed)),
            None => Probe::ABSENT,
        }
    }

    /// What matching says of token `i`, a word, if the index holds the word: the reading the token is
    /// read with, the place in `infos` of what the lexicon knows of that reading, and the features.
    /// `probe` is the token's (see [`Index::probe`]).
    #[inline(always)]
    fn token_known(
        &self,
        tokens: &Tokens,
        i: usize,
        probe: Probe,
    ) -> Option<(Reading, u32, Features)> {
        let value = probe.0;
        let (slot, bits) = (value as u32, value >> 32);
        // (Neither value of a token that no place answers has the bit `Known::VOCAB` clear.)
        if bits != 0 && bits & Known::VOCAB == 0 {
            // The features and the start flags, as they are.
            let features = Features(bits as u32 & (Features::MASK | Features::STARTS));
            return Some((Reading::WHOLE, slot, features));
        }
        // A word with a vocabulary reading (3 % of the tokens of news text), once worked out: its value
        // is read from its info here, without the call. (The values of a token that no place answers
        // point past the end of `infos`.)
        if bits != 0 {
            let known = self
                .infos
                .get(slot as usize)
                .map_or(0, |w| w.known.load(Ordering::Relaxed));
            if known != 0 {
                return Some(Known::unpack(known).at(slot));
            }
        }
        if probe == Probe::ABSENT {
            return None;
        }
        self.token_worked_out(tokens, i, probe)
    }

    /// [`Index::token_known`] of a token that its word's place does not answer: a long word, a word
    /// not worked out yet (whose value is then kept in its place), or one with a vocabulary reading,
    /// whose place in `infos` is in the word's info.
    #[inline(never)]
    fn token_worked_out(
        &self,
        tokens: &Tokens,
        i: usize,
        probe: Probe,
    ) -> Option<(Reading, u32, Features)> {
        let slot = match probe {
            Probe::ABSENT => return None,
            Probe::BY_TEXT => *self.long_words.get(tokens.folded(i))?,
            Probe(value) => value as u32,
        };
        let known = self.known(slot, || tokens.folded(i));
        if probe.0 >> 32 == 0 && probe != Probe::BY_TEXT {
            if let Some(bits) = known.pack() {
                // Found again by its key: this is once a word, not once a token.
                let key = ShortKey::of_bytes(tokens.folded_bytes(i));
                if let Some(place) = key.and_then(|key| self.find_short(&key)) {
                    place
                        .value
                        .store(bits << 32 | u64::from(slot), Ordering::Relaxed);
                }
            }
        }
        Some(known.at(slot))
    }

    /// The place in `infos` of the short word of `key`, looked up in the table only when the filter
    /// lets it through.
    #[inline(always)]
    fn short_slot(&self, key: ShortKey) -> Option<u32> {
        let bit = key.bit();
        let maybe = self
            .filter
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0);
        if maybe {
            self.find_short(&key)
                .map(|place| place.value.load(Ordering::Relaxed) as u32)
        } else {
            None
        }
    }

    /// Whether `folded` is, as one word, the name of a town or city, not also of a country, region or
    /// continent (عمان), and not vocabulary.
    pub(crate) fn is_town(&self, folded: &str) -> bool {
        let Some(w) = self.word(folded) else {
            return false;
        };
        if w.classes & EntryKind::Common.bit() != 0 {
            return false;
        }
        let (lo, hi) = w.singles;
        let places = self.singles[lo as usize..hi as usize]
            .iter()
            .filter(|s| s.kind == EntryKind::Place)
            .map(|s| self.entry(s.id).entry.sub());
        let mut town = false;
        for sub in places {
            match sub {
                Some("country" | "region" | "continent") => return false,
                Some("city" | "town" | "district") => town = true,
                _ => {}
            }
        }
        town
    }

    /// Whether some place entry of the folded name `folded` (one word or more) has the sub-kind `sub` in
    /// its own file (صنعاء: `governorate` in `places_yemen.tsv`, although its mentions report `city`).
    pub(crate) fn is_place_of_sub(&self, folded: &str, sub: &str) -> bool {
        let (first, rest) = folded.split_once(' ').unwrap_or((folded, ""));
        let Some(w) = self.word(first) else {
            return false;
        };
        let of_sub = |s: &Start| {
            s.kind == EntryKind::Place && {
                let e = &self.entry(s.id).entry;
                e.sub() == Some(sub) && e.folded() == folded
            }
        };
        if rest.is_empty() {
            let (lo, hi) = w.singles;
            self.singles[lo as usize..hi as usize].iter().any(of_sub)
        } else {
            let second = rest.split(' ').next().unwrap_or(rest);
            self.starting(w, second.as_bytes()).iter().any(of_sub)
        }
    }

    pub(crate) fn entry(&self, id: u32) -> &IndexedEntry {
        &self.entries[id as usize]
    }
}

/// A word's first eight bytes as a big-endian number, zero-padded (see [`Second::prefix`]).
#[inline]
fn prefix(word: &str) -> u64 {
    prefix_of(word.as_bytes())
}

/// [`prefix`] of a word given as its bytes (a token's folded bytes, read without slicing them as a
/// `str`, which checks the ends).
#[inline]
fn prefix_of(bytes: &[u8]) -> u64 {
    // Eight bytes or more (most words of two-byte letters) are read at once; a shorter word's are read
    // by `short_part`, not copied into a padded buffer (a call to copy a few bytes).
    match bytes.first_chunk::<8>() {
        Some(b) => u64::from_be_bytes(*b),
        None => short_part(bytes, 0).swap_bytes(),
    }
}

/// A word's bit in [`WordInfo::second_bits`], from its [`prefix`].
#[inline]
fn second_bit(prefix: u64) -> u64 {
    1 << (prefix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

/// The first of the words of a folded form (words joined by single spaces).
fn first_word(folded: &str) -> &str {
    // A plain look at the bytes: the words are short, and a search set up for long texts costs more.
    match folded.bytes().position(|b| b == b' ') {
        Some(at) => &folded[..at],
        None => folded,
    }
}

/// Whether `text` has an alif with hamza or madda (أ إ آ), which folding makes a bare alif.
pub(crate) fn has_hamza_alif(text: &str) -> bool {
    // آ أ إ are U+0622, U+0623, U+0625: D8 A2, D8 A3, D8 A5 in UTF-8, read as bytes (a rule asks this of
    // every one-word place it meets).
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xD8 && matches!(w[1], 0xA2 | 0xA3 | 0xA5))
}

/// What matching found at one token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Lex<'i> {
    /// The reading under which the lexicon knows the token (the whole word when it knows none).
    pub(crate) reading: Option<Reading>,
    /// What the lexicon knows of that reading.
    pub(crate) info: Option<&'i WordInfo>,
    /// Whether the stem is definite, the conjunction, the clitic chars, a لِ and `info`'s classes,
    /// packed (see [`Lex::definite`], [`Lex::conj`], [`Lex::clitic_chars`], [`Lex::lam`], [`Lex::has`]).
    features: Features,
    /// The first of the segment's phrase matches that start at this token; the next token's first ends
    /// them (see [`phrases_at`]). One number, not a range, keeps a `Lex` to 24 bytes.
    first_phrase: u32,
    /// The kinds of the phrase matches that start at this token: rules ask for a match of one kind at
    /// every token, and most tokens start none of that kind.
    phrase_kinds: Classes,
}

impl Lex<'_> {
    /// What the tests of a rule's first token that read the word alone say of the token (see
    /// [`rules::start_flags`]).
    #[inline]
    pub(crate) fn start_flags(&self) -> u8 {
        self.features.starts()
    }

    #[inline]
    pub(crate) fn has(&self, kind: EntryKind) -> bool {
        self.features.classes() & kind.bit() != 0
    }

    /// The stem reads as definite (ال…), under the chosen reading or a clitic reading of an unknown word.
    #[inline]
    pub(crate) fn definite(&self) -> bool {
        self.features.definite()
    }

    /// The token starts with the conjunction و or ف (under the chosen reading, or by its letters when the
    /// lexicon does not know the whole word).
    #[inline]
    pub(crate) fn conj(&self) -> bool {
        self.features.conj()
    }

    /// Which clitic chars the definite reading of an unknown word takes (for spans of rule mentions).
    #[inline]
    pub(crate) fn clitic_chars(&self) -> u8 {
        self.features.clitic_chars()
    }

    /// The first preposition of the reading is ل (ل, لل): a لِ- complement.
    #[inline]
    pub(crate) fn lam(&self) -> bool {
        self.features.lam()
    }

    /// Whether the lexicon knows the token as nothing at all under the reading taken: a foreign name,
    /// a rare word, or a word the corpus never saw. Read from the token's own classes, which are its
    /// info's (none without one), rather than from the info, a line of the word list that the look-up
    /// of most tokens no longer reads.
    #[inline]
    pub(crate) fn is_unknown(&self) -> bool {
        self.features.classes() == 0
    }

    /// What the rules ask of every token in turn, in four bytes.
    pub(crate) fn marks(&self) -> Marks {
        Marks {
            classes: self.features.classes(),
            phrase_kinds: self.phrase_kinds,
        }
    }
}

/// A token's classes and the kinds of the phrase matches that start at it, as in its [`Lex`]. Each rule
/// walks every token of a segment asking one of these bits, so they are kept apart in an array of four
/// bytes a token, which stays in the first-level cache while the rules run one after the other; the
/// array of `Lex` is eight times larger and would be read again from further away by every rule.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Marks {
    classes: Classes,
    phrase_kinds: Classes,
}

impl Marks {
    /// Whether the token has a single-word entry of `kind`.
    #[inline]
    pub(crate) fn has(self, kind: EntryKind) -> bool {
        self.classes & kind.bit() != 0
    }

    /// Whether a phrase match of `kind` may start at the token (none does when this is false).
    #[inline]
    pub(crate) fn may_start(self, kind: EntryKind) -> bool {
        self.phrase_kinds & kind.bit() != 0
    }

    /// Whether the token has no single-word entry but, at most, a `name` token's (a foreign word).
    #[inline]
    pub(crate) fn unknown_or_name(self) -> bool {
        self.classes & !EntryKind::Name.bit() == 0
    }
}

/// The phrase matches that start at token `i`, of the `phrases` that [`look_up`] gave with `lex`.
#[inline]
pub(crate) fn phrases_at<'p>(
    lex: &[Lex<'_>],
    phrases: &'p [PhraseMatch],
    i: usize,
) -> &'p [PhraseMatch] {
    let end = lex
        .get(i + 1)
        .map_or(phrases.len(), |next| next.first_phrase as usize);
    &phrases[lex[i].first_phrase as usize..end]
}

/// An entry matched over tokens `start..end`, the first read with `reading`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PhraseMatch {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) entry: u32,
    /// The entry's kind, kept here because rules ask it of every match.
    pub(crate) kind: EntryKind,
    pub(crate) reading: Reading,
}

/// Looks up every token of a segment: its lexicon reading, and every entry that starts at it.
///
/// In two passes over each run of [`PROBED_AT_ONCE`] tokens: the first finds each token's word in the
/// word table ([`Index::probe`]), the second reads what was found and matches phrases. The table is
/// larger than the cache and most tokens' places miss; in the first pass's short loop, each look-up
/// waiting for its read does not hold up the next tokens', so the processor reads several places at
/// once. (One pass that read each token's place two tokens ahead of its look-up, passing the keys
/// along, cost some 60 instructions a token more.)
pub(crate) fn look_up<'i>(
    index: &'i Index,
    tokens: &Tokens,
    lex: &mut Vec<Lex<'i>>,
    phrases: &mut Vec<PhraseMatch>,
) {
    lex.clear();
    phrases.clear();
    lex.reserve(tokens.len());
    let mut buf = String::new();
    let mut probes = [Probe::ABSENT; PROBED_AT_ONCE];
    let mut from = 0;
    // The thread's unknown words, taken for the segment and put back after it (read in a closure
    // through the thread-local's borrow, the loop kept its values in memory: 7 M instructions more on
    // 10.8 MB of news).
    let mut unknown = UNKNOWN_WORDS.take();
    unknown.make_places();
    while from < tokens.len() {
        let run = from..(from + PROBED_AT_ONCE).min(tokens.len());
        for (probe, i) in probes.iter_mut().zip(run.clone()) {
            *probe = index.probe(tokens, i);
        }
        lex.extend(
            run.clone().zip(&probes).map(|(i, &probe)| {
                lex_of(index, tokens, i, probe, &mut buf, &mut unknown, phrases)
            }),
        );
        from = run.end;
    }
    UNKNOWN_WORDS.set(unknown);
}

/// Token `i`'s [`Lex`], from its `probe`, having recorded in `phrases` the matches that start at it.
#[inline(always)]
fn lex_of<'i>(
    index: &'i Index,
    tokens: &Tokens,
    i: usize,
    probe: Probe,
    buf: &mut String,
    unknown: &mut UnknownWords,
    phrases: &mut Vec<PhraseMatch>,
) -> Lex<'i> {
    if tokens.list[i].kind != TokenKind::Word {
        // A long word, or the empty one, is looked up by its text.
        let info = match probe {
            Probe::ABSENT => None,
            Probe::BY_TEXT => index.word(tokens.folded(i)),
            Probe(value) => Some(&index.infos[value as u32 as usize]),
        };
        // No rule's first word is a number or a punctuation mark: no start flags.
        debug_assert_eq!(rules::start_flags(tokens.folded_bytes(i)), 0);
        return Lex {
            info,
            reading: info.map(|_| Reading::WHOLE),
            features: Features::of_classes(info.map_or(0, |w| w.classes)),
            first_phrase: phrases.len() as u32,
            ..Lex::default()
        };
    }
    let (reading, found, features) = match index.token_known(tokens, i, probe) {
        Some((r, at, features)) => (Some(r), Some(&index.infos[at as usize]), features),
        None => {
            let Known {
                vocab_reading: found,
                features,
            } = unknown.known(index, tokens, i, probe, buf);
            (
                found.map(|f| f.0),
                found.map(|f| &index.infos[f.1 as usize]),
                features,
            )
        }
    };
    // `Lex::is_unknown` reads the classes for the info's.
    debug_assert_eq!(features.classes(), found.map_or(0, |w| w.classes));
    let first_phrase = phrases.len() as u32;
    let mut phrase_kinds = 0;
    if let (Some(r), Some(info), true) = (reading, found, features.may_match()) {
        confirm_phrases(index, tokens, i, r, info, phrases);
        phrase_kinds = phrases[first_phrase as usize..]
            .iter()
            .fold(0, |acc, p| acc | p.kind.bit());
    }
    Lex {
        reading,
        info: found,
        features,
        first_phrase,
        phrase_kinds,
    }
}

/// The words that the index does not hold as written which a thread met last (4 % of the tokens of
/// news text: names, rare words, words with clitics), each with what matching said of it, packed as
/// [`Known::pack`] packs a known word's value (its clitic reading known to the index, if any, that
/// reading's place in [`Index::infos`], and the token's features). Working that out walks the word's
/// clitic readings and reads its letters, some 600 instructions a token; most such words recur (the
/// names of a text, a word its lexicons lack), and a token of one met before costs a key and a
/// comparison instead. Kept a thread: the threads that extract share the index, but not this, which
/// they write at every word they did not know. A thread that looks up with several indexes (several
/// extractors) keeps the words of each, each word with its index.
#[derive(Default)]
struct UnknownWords {
    /// By the key's hash, one word a place (the last met of those that share it).
    places: Vec<UnknownWord>,
}

/// A place of [`UnknownWords`].
#[derive(Clone, Copy)]
struct UnknownWord {
    /// The index that does not hold the word ([`IndexId`]; 0, no index's, for an empty place).
    index: u64,
    key: ShortKey,
    /// What matching said of the word, packed ([`Known::pack`]).
    value: u64,
}

impl UnknownWord {
    const EMPTY: UnknownWord = UnknownWord {
        index: 0,
        key: ShortKey([0; 3]),
        value: 0,
    };
}

/// How many words [`UnknownWords`] keeps: 160 KiB a thread. Of the unknown tokens of the bench news
/// (1 MB, 3,781 tokens of 1,664 words), 4,096 places find 55 % met before, of the 56 % that any number
/// of places would (1,024 places: 51 %).
const UNKNOWN_PLACES: usize = 1 << 12;

thread_local! {
    /// The words a thread met that the indexes it looked up with do not hold (see [`UnknownWords`]).
    static UNKNOWN_WORDS: std::cell::RefCell<UnknownWords> = const {
        std::cell::RefCell::new(UnknownWords { places: Vec::new() })
    };
}

impl UnknownWords {
    /// Makes the places at the thread's first look-up.
    fn make_places(&mut self) {
        if self.places.is_empty() {
            self.places = vec![UnknownWord::EMPTY; UNKNOWN_PLACES];
        }
    }

    /// What matching says of token `i`, a word the index does not hold as written (its `probe` from
    /// [`Index::probe`] did not find it): read from its place if a token of the word was met before,
    /// else worked out and kept there. A word longer than a key holds is worked out every time.
    #[inline(never)]
    fn known(
        &mut self,
        index: &Index,
        tokens: &Tokens,
        i: usize,
        probe: Probe,
        buf: &mut String,
    ) -> Known {
        let key = match probe {
            Probe::ABSENT => ShortKey::of_token(tokens, i),
            _ => None,
        };
        let Some(key) = key else {
            return unknown_word(index, tokens.folded(i), buf);
        };
        let place =
            &mut self.places[(key.hash() >> (64 - UNKNOWN_PLACES.trailing_zeros())) as usize];
        if place.key.is(&key) && place.index == index.id.0 {
            let known = Known::unpack(place.value);
            debug_assert_eq!(known, unknown_word(index, tokens.folded(i), buf));
            return known;
        }
        let known = unknown_word(index, tokens.folded(i), buf);
        if let Some(value) = known.pack() {
            *place = UnknownWord {
                index: index.id.0,
                key,
                value,
            };
        }
        known
    }
}

/// What matching says of a token of `word`, which the index does not hold as written: the first of its
/// clitic readings that the index holds (known as more than vocabulary, else the first known at all),
/// and the token's features under it.
fn unknown_word(index: &Index, word: &str, buf: &mut String) -> Known {
    let (found, shape) = reading_and_shape(index, word, buf, false);
    let info = found.map(|f| &index.infos[f.1 as usize]);
    Known {
        vocab_reading: found,
        features: Features::of(word, found.map(|f| f.0), info, shape)
            .with_starts(rules::start_flags(word.as_bytes())),
    }
}

/// What [`Index::probe`] found of a token in the word table: its word's place's value
/// ([`WordPlace::value`]), or [`Probe::ABSENT`] or [`Probe::BY_TEXT`], which no place holds (their
/// low halves, as places in [`Index::infos`], are past the end of any list of words: see
/// [`Index::insert_word`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Probe(u64);

impl Probe {
    /// The table does not hold the token's word.
    const ABSENT: Probe = Probe(u64::MAX);
    /// The token's word is the empty word or longer than a key holds: looked up by its text.
    const BY_TEXT: Probe = Probe(u64::MAX - 1);
}

/// How many tokens [`look_up`] finds in the word table before it reads what it found: enough for the
/// processor to have several reads under way, few enough for their values to stay in registers and
/// the first-level cache (512 bytes on the stack).
const PROBED_AT_ONCE: usize = 64;

/// What matching says of a token, from its folded form, the reading under which the lexicon knows it
/// and what the lexicon knows of that reading: what its [`Lex`] says but the phrase matches, packed in
/// the bits 1 to 24 of a `u32` as [`Known::pack`] packs them, so that a known word's token takes them
/// from its place of the word table with one mask and its `Lex` holds them so (unpacked into fields
/// and packed again into the `Lex`, they cost some 60 instructions a token): from bit 1, whether the
/// stem is definite, the conjunction, a لِ, whether some entry may start at the token (its reading
/// starts entries of more than one word, or is recorded as a single-word one), the clitic chars (4
/// bits: a reading takes two at most) and the classes (16).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Features(u32);

impl Features {
    /// The bits that hold the features.
    const MASK: u32 = 0x01FF_FFFE;

    /// The bits that hold the token's [`rules::start_flags`] (26 to 31), outside [`Features::MASK`]: in
    /// a packed [`Known`] they are its vocabulary reading's, so a known word's value holds its start
    /// flags there only when it has no vocabulary reading, elsewhere when it has (see [`Known::pack`]).
    const STARTS: u32 = 0xFC00_0000;

    /// The token's start flags (see [`rules::start_flags`]).
    #[inline]
    fn starts(self) -> u8 {
        (self.0 >> 26) as u8
    }

    /// `self` with the start flags `flags`.
    #[inline]
    fn with_starts(self, flags: u8) -> Features {
        debug_assert!(flags < 64, "start flags {flags} do not fit in their bits");
        Features(self.0 & !Features::STARTS | u32::from(flags) << 26)
    }

    fn new(
        definite: bool,
        conj: bool,
        clitic_chars: u8,
        lam: bool,
        classes: Classes,
        may_match: bool,
    ) -> Features {
        debug_assert!(
            clitic_chars <= 15,
            "no reading takes {clitic_chars} clitic chars"
        );
        Features(
            u32::from(definite) << 1
                | u32::from(conj) << 2
                | u32::from(lam) << 3
                | u32::from(may_match) << 4
                | u32::from(clitic_chars.min(15)) << 5
                | u32::from(classes) << 9,
        )
    }

    /// The features of a token that is not a word, with the classes of its info.
    #[inline]
    fn of_classes(classes: Classes) -> Features {
        Features(u32::from(classes) << 9)
    }

    #[inline]
    fn definite(self) -> bool {
        self.0 >> 1 & 1 != 0
    }

    #[inline]
    fn conj(self) -> bool {
        self.0 >> 2 & 1 != 0
    }

    #[inline]
    fn lam(self) -> bool {
        self.0 >> 3 & 1 != 0
    }

    #[inline]
    fn may_match(self) -> bool {
        self.0 >> 4 & 1 != 0
    }

    #[inline]
    fn clitic_chars(self) -> u8 {
        (self.0 >> 5 & 15) as u8
    }

    #[inline]
    fn classes(self) -> Classes {
        (self.0 >> 9) as Classes
    }

    fn of(
        word: &str,
        reading: Option<Reading>,
        found: Option<&WordInfo>,
        shape: Shape,
    ) -> Features {
        let named_whole =
            reading == Some(Reading::WHOLE) && found.is_some_and(|w| w.classes & NAME_CLASSES != 0);
        let conj = match reading {
            _ if named_whole => false,
            Some(r) if r.clitic_chars > 0 => r.conj,
            _ => shape.conj,
        };
        let clitic_chars = match reading {
            Some(r) if r.clitic_chars > 0 => r.clitic_chars,
            _ => shape.clitic_chars,
        };
        Features::new(
            shape.definite && !named_whole,
            conj,
            clitic_chars,
            !named_whole
                && (shape.lam
                    || reading.is_some_and(|r| {
                        r.clitic_chars > u8::from(r.conj) && starts_with_lam(word, r)
                    })),
            found.map_or(0, |w| w.classes),
            found.is_some_and(|w| w.multi_word || w.singles.0 < w.singles.1),
        )
    }
}

/// The kinds whose one-word entries are recorded as phrase matches: those the rules read as matches
/// (names, the words that stand before them, nationalities for their country). A one-word entry of
/// another kind (a common or function word, a speech verb, a family name, a particle) is read from its token's classes alone,
/// so the many tokens that are common words record no match.
pub(crate) const RECORDED_SINGLES: Classes = (1 << EntryKind::Person as u16)
    | (1 << EntryKind::Organization as u16)
    | (1 << EntryKind::Place as u16)
    | (1 << EntryKind::Given as u16)
    | (1 << EntryKind::Title as u16)
    | (1 << EntryKind::Role as u16)
    | (1 << EntryKind::OrgHead as u16)
    | (1 << EntryKind::PlaceNoun as u16)
    // read for the country it names (a club named by a town + another country's nationality)
    | (1 << EntryKind::Nationality as u16);

/// Kinds that make a word a name.
const NAME_CLASSES: Classes = (1 << EntryKind::Person as u16)
    | (1 << EntryKind::Given as u16)
    | (1 << EntryKind::Family as u16)
    | (1 << EntryKind::Place as u16)
    | (1 << EntryKind::Organization as u16);

/// Kinds that say only that a word is vocabulary.
const VOCABULARY: Classes = (1 << EntryKind::Common as u16) | (1 << EntryKind::Function as u16);

/// The reading under which the lexicon knows `word`, and what it knows.
///
/// The whole word is tried first. A reading the lexicon knows only as vocabulary (common corpus words
/// keep their clitics, such as لمؤتمر) gives way to a later reading that it knows as something more, such
/// as the head noun مؤتمر; when there is none, the first vocabulary reading stands.
///
/// Returns the reading and the place of what the lexicon knows of it in [`Index::infos`]. `known`: the
/// caller knows whether the index holds the whole word; `false` when it does not, so the whole word is not
/// looked up again. (Matching reads known words from [`WordInfo`], which holds this function's answer.)
/// Matching asks [`reading_and_shape`], which walks the readings once for this and [`Shape::of`]; the
/// tests compare it with this.
#[cfg(test)]
fn lexicon_reading(
    index: &Index,
    word: &str,
    buf: &mut String,
    known: bool,
) -> Option<(Reading, u32)> {
    let mut fallback: Option<(Reading, u32)> = None;
    let mut found = None;
    let reading = for_each_reading(word, buf, |r, stem| {
        if !known && r == Reading::WHOLE {
            return false;
        }
        let Some(slot) = index.slot(stem) else {
            return false;
        };
        let w = &index.infos[slot as usize];
        if w.classes & !VOCABULARY != 0 || w.multi_word {
            found = Some(slot);
            return true;
        }
        fallback.get_or_insert((r, slot));
        false
    });
    match reading {
        Some(r) => found.map(|slot| (r, slot)),
        None => fallback,
    }
}

/// [`lexicon_reading`] and [`Shape::of`] of `word` in one walk over its readings, which each of them
/// walked on its own: what a word that the index does not hold as written (4 % of the tokens of news
/// text) and a known word met for the first time ask. The walk goes on until both have their answer;
/// each takes the first reading that answers it, as on its own.
fn reading_and_shape(
    index: &Index,
    word: &str,
    buf: &mut String,
    known: bool,
) -> (Option<(Reading, u32)>, Shape) {
    let mut shape = Shape::of_letters(word);
    let mut shaped = false;
    let mut fallback: Option<(Reading, u32)> = None;
    let mut found = None;
    for_each_reading(word, buf, |r, stem| {
        if !shaped && is_definite(stem) {
            shaped = true;
            shape.definite_reading(word, r);
        }
        if found.is_none() && (known || r != Reading::WHOLE) {
            if let Some(slot) = index.slot(stem) {
                let w = &index.infos[slot as usize];
                if w.classes & !VOCABULARY != 0 || w.multi_word {
                    found = Some((r, slot));
                } else {
                    fallback.get_or_insert((r, slot));
                }
            }
        }
        shaped && found.is_some()
    });
    (found.or(fallback), shape)
}

/// Whether the first clitic after an optional conjunction is ل.
fn starts_with_lam(word: &str, r: Reading) -> bool {
    let skip = if r.conj { 'و'.len_utf8() } else { 0 };
    word.get(skip..).is_some_and(|w| w.starts_with('ل'))
}

/// What the letters of a word say, whatever the lexicon knows: a conjunction, a definite stem after
/// clitics, a لِ- complement.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    conj: bool,
    definite: bool,
    lam: bool,
    clitic_chars: u8,
}

impl Shape {
    fn of(word: &str, buf: &mut String) -> Shape {
        let mut shape = Shape::of_letters(word);
        for_each_reading(word, buf, |r, stem| {
            if is_definite(stem) {
                shape.definite_reading(word, r);
                return true;
            }
            false
        });
        shape
    }

    /// What the letters say before any reading: a conjunction.
    fn of_letters(word: &str) -> Shape {
        Shape {
            conj: word.starts_with(['و', 'ف']) && word.chars().nth(3).is_some(),
            ..Shape::default()
        }
    }

    /// Sets what the first reading `r` of `word` whose stem is definite says.
    fn definite_reading(&mut self, word: &str, r: Reading) {
        self.definite = true;
        self.conj |= r.conj;
        self.lam = r.clitic_chars > u8::from(r.conj) && starts_with_lam(word, r);
        self.clitic_chars = r.clitic_chars;
    }
}

/// Records every entry starting with token `i` whose remaining words are the next tokens' folded forms.
/// Inlined, with the work past its first tests in functions of their own: most of the words it is
/// asked of start no entry that the next token continues, and record no single-word entry.
#[inline(always)]
fn confirm_phrases(
    index: &Index,
    tokens: &Tokens,
    i: usize,
    reading: Reading,
    info: &WordInfo,
    out: &mut Vec<PhraseMatch>,
) {
    // Most words start no longer entry: the next token is not read for them.
    if info.multi_word && i + 1 < tokens.len() {
        let second = tokens.folded_bytes(i + 1);
        let starts = index.starting(info, second);
        if !starts.is_empty() {
            confirm_longer(index, tokens, i, reading, starts, second, out);
        }
    }
    let (from, to) = info.singles;
    // Most known words are vocabulary, with no recorded single-word entry.
    if from != to {
        record_singles(index, i, reading, from..to, out);
    }
}

/// Records the entries of `starts`, which start with token `i` and `second`, token `i + 1`'s folded
/// form, whose words after the second are the next tokens' folded forms.
#[inline(never)]
fn confirm_longer(
    index: &Index,
    tokens: &Tokens,
    i: usize,
    reading: Reading,
    starts: &[Start],
    second: &[u8],
    out: &mut Vec<PhraseMatch>,
) {
    let mut rest = starts;
    while let Some(first) = rest.first() {
        // The entries of one length, found by a search too: a scan of them all is what is avoided.
        let (same_length, shorter) =
            rest.split_at(rest.partition_point(|s| s.words == first.words));
        rest = shorter;
        let n = first.words as usize;
        if i + n > tokens.len() {
            continue;
        }
        // Many entries sharing their first two words (a lexicon of 50,000 such made a scan of them all
        // cost 26 s per MB) are searched by their words, which they are sorted by.
        let candidates = if same_length.len() <= SCANNED_STARTS {
            same_length
        } else {
            let mut words = String::new();
            for t in i + 1..i + n {
                if t > i + 1 {
                    words.push(' ');
                }
                words.push_str(tokens.folded(t));
            }
            let hash = head_hash(&words);
            let from = same_length.partition_point(|s| s.head < hash);
            let to = from + same_length[from..].partition_point(|s| s.head == hash);
            &same_length[from..to]
        };
        for s in candidates {
            // The entry's second word is token `i + 1`'s, by which `starting` found it (and it holds no
            // space, as no word of an entry does): its words are compared from the third.
            let rest = index.entry(s.id).rest().as_bytes();
            debug_assert!(
                rest.starts_with(second) && rest.get(second.len()).is_none_or(|&b| b == b' ')
            );
            let third = rest.get(second.len() + 1..).unwrap_or_default();
            if follows(third, tokens, i + 2, n - 2) {
                out.push(PhraseMatch {
                    start: i,
                    end: i + n,
                    entry: s.id,
                    kind: s.kind,
                    reading,
                });
            }
        }
    }
}

/// Records the single-word entries at `singles` of [`Index::singles`] as matches at token `i`.
#[inline(never)]
fn record_singles(
    index: &Index,
    i: usize,
    reading: Reading,
    singles: std::ops::Range<u32>,
    out: &mut Vec<PhraseMatch>,
) {
    out.extend(
        index.singles[singles.start as usize..singles.end as usize]
            .iter()
            .map(|s| PhraseMatch {
                start: i,
                end: i + 1,
                entry: s.id,
                kind: s.kind,
                reading,
            }),
    );
}

/// The most entries of one length and the same first two words that are compared one by one; more are
/// searched.
const SCANNED_STARTS: usize = 16;

/// The most second words of a first word that are read one by one; more are searched by halves.
const SCANNED_SECONDS: usize = 8;

/// The hash [`Start::head`] of an entry's words after the first.
fn head_hash(words: &str) -> u32 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(words) as u32
}

/// The first `n` words of `rest` (folded words joined by single spaces): all of an entry's words after
/// the first, but for an entry of more than [`MAX_WORDS`] words.
fn head_words(rest: &str, n: u8) -> &str {
    match usize::from(n).checked_sub(1) {
        None => "",
        Some(spaces) => rest
            .match_indices(' ')
            .nth(spaces)
            .map_or(rest, |(at, _)| &rest[..at]),
    }
}

/// Whether the first `n` words of `rest` (folded words joined by single spaces) are the folded forms of
/// tokens `from..from + n`, compared in place rather than split.
fn follows(mut rest: &[u8], tokens: &Tokens, from: usize, n: usize) -> bool {
    // Compared as bytes: the tokens' folded forms are not sliced as `str`s, which checks their ends.
    for k in 0..n {
        let word = tokens.folded_bytes(from + k);
        let Some(after) = rest.strip_prefix(word) else {
            return false;
        };
        if word.contains(&b' ') {
            // A spelled-out ligature (ﷺ) is one token, never several words of an entry.
            return false;
        }
        rest = match after.strip_prefix(b" ") {
            Some(next) => next,
            // The entry's last word must end here, unless more words than `n` remain.
            None if after.is_empty() => after,
            None => return false,
        };
    }
    true
}

const _: () = assert!(std::mem::size_of::<Lex<'_>>() <= 24);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn place_written_with_a_bare_alif_only() {
        let a = Lexicon::parse("a", "شان\tplace\tsub=city\nامان\tplace\tsub=city\n").unwrap();
        let b = Lexicon::parse("b", "أمان\tplace\tsub=city\n").unwrap();
        let index = Index::build([&a, &b]);
        assert!(index.word("شان").unwrap().place_bare_alif);
        // One entry with the hamza is enough for a writer's hamza to be the place's.
        assert!(!index.word("امان").unwrap().place_bare_alif);
        assert!(has_hamza_alif("بأمان") && has_hamza_alif("إلى") && !has_hamza_alif("امان"));
        assert!(has_hamza_alif("آسيا") && !has_hamza_alif("ؤ") && !has_hamza_alif(""));
    }

    #[test]
    fn a_name_reports_one_sub_kind_whichever_entry_matched() {
        let a = Lexicon::parse(
            "a",
            "صنعاء\tplace\tsub=governorate\nحضرموت\tplace\tsub=governorate\n\
             مجلس الأمن\torganization\tsub=other\nالجامعة العربية\torganization\tsub=international\n\
             سوق\tplace\tsub=souk\n",
        )
        .unwrap();
        let b = Lexicon::parse(
            "b",
            "صَنعاء\tplace\tsub=city\nحضرموت\tplace\tsub=subdivision\nمجلس الأمن\torganization\tsub=council\n\
             الجامعة العربية\torganization\tsub=university\nسوق\tplace\tsub=village\nصنعاء\tcommon\n",
        )
        .unwrap();
        let index = Index::build([&a, &b]);
        let subs = |text: &str| -> Vec<(&str, Option<&str>)> {
            index
                .entries
                .iter()
                .filter(|e| e.entry.folded() == crate::normalize::fold(text))
                .filter(|e| e.entry.kind() != EntryKind::Common)
                .map(|e| (e.entry.sub().unwrap(), index.string(e.sub).map(|s| &**s)))
                .collect()
        };
        // The file's value stays on the entry; the reported one is settled by precedence.
        assert_eq!(
            subs("صنعاء"),
            [("governorate", Some("city")), ("city", Some("city"))]
        );
        assert_eq!(
            subs("حضرموت"),
            [
                ("governorate", Some("governorate")),
                ("subdivision", Some("governorate"))
            ]
        );
        // Organizations: a named sub-kind over `other`, else the first loaded.
        assert_eq!(
            subs("مجلس الأمن"),
            [("other", Some("council")), ("council", Some("council"))]
        );
        assert_eq!(
            subs("الجامعة العربية"),
            [
                ("international", Some("international")),
                ("university", Some("international"))
            ]
        );
        // A value outside the vocabulary ranks after every place sub-kind.
        assert_eq!(
            subs("سوق"),
            [("souk", Some("village")), ("village", Some("village"))]
        );
        // An entry with no other of its kind keeps its own.
        let lone = Lexicon::parse("c", "القلوعة\tplace\tsub=town\n").unwrap();
        let index = Index::build([&lone]);
        assert_eq!(
            index.string(index.entries[0].sub).map(|s| &**s),
            Some("town")
        );
    }

    fn index() -> Index {
        let lex = Lexicon::parse(
            "t",
            "الولايات المتحدة\tplace\tsub=country\nالولايات\tcommon\nالأستاذة\ttitle\tgender=female\nوليد\tgiven\tgender=male\nليد\tcommon\n",
        )
        .unwrap();
        Index::build([&lex])
    }

    fn run(text: &str) -> (Vec<Lex<'static>>, Vec<PhraseMatch>) {
        let index: &'static Index = Box::leak(Box::new(index()));
        let mut t = Tokens::default();
        tokenize(text, 0, 0, &mut t);
        let (mut lex, mut ph) = (Vec::new(), Vec::new());
        look_up(index, &t, &mut lex, &mut ph);
        (lex, ph)
    }

    #[test]
    fn many_entries_sharing_two_words_match_as_few_do() {
        // Entries of two to four words after مجلس الامن, far more than are compared one by one.
        let mut tsv = String::new();
        let words = ["الدولي", "الاعلى", "الوطني", "العربي", "الافريقي", "الاسيوي"];
        for a in words {
            tsv.push_str(&format!("مجلس الامن {a}\torganization\n"));
            for b in words {
                tsv.push_str(&format!("مجلس الامن {a} {b}\torganization\n"));
                tsv.push_str(&format!("مجلس الامن {a} {b} الجديد\torganization\n"));
            }
        }
        tsv.push_str("مجلس الامن الدولي\tplace\tsub=city\n");
        let lex = Lexicon::parse("many", &tsv).unwrap();
        let index = Index::build([&lex]);
        for text in [
            "مجلس الامن الوطني العربي الجديد",
            "مجلس الامن الدولي",
            "مجلس الامن الدولي الدولي",
            "مجلس الامن الاسيوي الافريقي الجديد",
            "مجلس الامن الجديد",
            "مجلس الامن",
        ] {
            let mut tokens = Tokens::default();
            tokenize(text, 0, 0, &mut tokens);
            let (mut lexes, mut ph) = (Vec::new(), Vec::new());
            look_up(&index, &tokens, &mut lexes, &mut ph);
            let got: Vec<(usize, String)> = ph
                .iter()
                .filter(|p| p.start == 0)
                .map(|p| (p.end, index.entry(p.entry).entry.text().to_string()))
                .collect();
            // Every entry that the text starts with, longest first, then in entry order.
            let mut want: Vec<(usize, String)> = lex
                .entries()
                .iter()
                .filter(|e| {
                    let n = e.folded().split(' ').count();
                    let prefix: Vec<&str> = text.split(' ').take(n).collect();
                    prefix.len() == n && prefix.join(" ") == e.folded()
                })
                .map(|e| (e.folded().split(' ').count(), e.text().to_string()))
                .collect();
            want.sort_by_key(|w| std::cmp::Reverse(w.0));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn multi_word_entries_match_across_odd_whitespace() {
        let (_, ph) = run("في الولايات \u{00A0}\n المتحدة");
        assert!(ph.iter().any(|p| p.start == 1 && p.end == 3));
    }

    #[test]
    fn clitic_reading_of_first_word() {
        let (lex, ph) = run("للولايات المتحدة");
        assert!(ph.iter().any(|p| p.end == 2 && p.reading.restored_article));
        assert!(lex[0].definite());
    }

    #[test]
    fn known_whole_word_wins() {
        let (lex, _) = run("وليد");
        assert!(lex[0].has(EntryKind::Given));
        assert!(!lex[0].conj());
        let (lex, _) = run("والأستاذة");
        assert!(lex[0].has(EntryKind::Title) && lex[0].conj());
    }

    #[test]
    fn short_keys_keep_length_and_bytes() {
        let key = |w: &str| ShortKey::new(w).unwrap();
        assert_eq!(key("الاستاذه").to_string(), "الاستاذه");
        assert_ne!(key("ab"), key("ab\0"));
        assert_eq!(
            key(&"x".repeat(ShortKey::MAX)).to_string().len(),
            ShortKey::MAX
        );
        assert!(ShortKey::new(&"x".repeat(ShortKey::MAX + 1)).is_none());
    }

    /// A token's key read as three masked words of the folding buffer is the key of its bytes, for
    /// every length, and for the last tokens, after which the buffer holds fewer than 24 bytes.
    #[test]
    fn token_keys_are_the_keys_of_their_bytes() {
        let words: Vec<String> = (1..=26)
            .map(|n| "ب".repeat(n / 2) + &"x".repeat(n % 2))
            .collect();
        let text = words.join(" ") + " ، " + &words.join(" ");
        let mut t = Tokens::default();
        tokenize(&text, 0, 0, &mut t);
        assert_eq!(t.len(), 2 * words.len() + 1);
        for i in 0..t.len() {
            assert_eq!(
                ShortKey::of_token(&t, i),
                ShortKey::of_bytes(t.folded_bytes(i)),
                "{}",
                t.folded(i)
            );
        }
        let key = ShortKey::new("بب").unwrap();
        assert!(key.is(&key) && !key.is(&ShortKey::new("ب").unwrap()));
        assert!(ShortKey::default().is_empty() && !key.is_empty());
    }

    /// The look-up probes the word table for a run of tokens, then reads what it found: a match across
    /// the end of a run, and the words on both sides of it, are found as in a short text.
    #[test]
    fn matches_cross_the_runs_of_probed_tokens() {
        let at = PROBED_AT_ONCE - 1;
        let text = "ليد ".repeat(at) + "الولايات المتحدة وليد";
        let (lex, ph) = run(&text);
        assert_eq!(lex.len(), at + 3);
        assert!(lex[..at].iter().all(|l| l.has(EntryKind::Common)));
        assert!(ph.iter().any(|p| p.start == at && p.end == at + 2));
        assert!(lex[at + 2].has(EntryKind::Given));
    }

    #[test]
    fn prefixes_are_the_first_eight_bytes_zero_padded() {
        for word in [
            "",
            "a",
            "ab",
            "abc",
            "عدن",
            "abcdefg",
            "abcdefgh",
            "صنعاء",
            "المكلا",
        ] {
            let bytes = word.as_bytes();
            let mut padded = [0u8; 8];
            let n = bytes.len().min(8);
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(prefix(word), u64::from_be_bytes(padded), "{word}");
        }
    }

    #[test]
    fn short_parts_hold_the_bytes_in_order() {
        for len in 0..=ShortKey::MAX {
            let word: Vec<u8> = (1..=len as u8).collect();
            for from in (0..=len).step_by(8).filter(|&from| len - from < 8) {
                let by_loop = word[from..]
                    .iter()
                    .enumerate()
                    .fold(0, |w, (i, &b)| w | u64::from(b) << (i * 8));
                assert_eq!(short_part(&word, from), by_loop, "{len} {from}");
            }
        }
    }

    #[test]
    fn known_values_read_back_as_packed() {
        let reading = |clitic_chars, conj, restored_article| Reading {
            clitic_chars,
            conj,
            restored_article,
        };
        let features = |clitic_chars, classes, flags: u8| {
            Features::new(
                flags & 1 != 0,
                flags & 2 != 0,
                clitic_chars,
                flags & 4 != 0,
                classes,
                flags & 8 != 0,
            )
        };
        for vocab_reading in [
            None,
            Some((reading(0, false, false), 0)),
            Some((reading(3, true, true), (1 << 24) - 1)),
            Some((reading(15, false, true), 31_999)),
        ] {
            for f in [
                features(0, 0, 0),
                features(15, Classes::MAX, 15),
                features(2, 0b1010_0000_0000_0101, 5),
            ] {
                let known = Known {
                    vocab_reading,
                    features: f,
                };
                let bits = known.pack().unwrap();
                assert_ne!(bits, 0);
                assert_eq!(Known::unpack(bits), known);
                // The start flags are kept too, with a vocabulary reading or without.
                let known = Known {
                    vocab_reading,
                    features: f.with_starts(0b10_1101),
                };
                assert_eq!(Known::unpack(known.pack().unwrap()), known);
            }
        }
        // A count too large for its bits is not packed (worked out again each time instead).
        let known = Known {
            vocab_reading: Some((reading(16, false, false), 1)),
            features: features(0, 0, 0),
        };
        assert_eq!(known.pack(), None);
        // Nor a reading's place past what its bits hold.
        let known = Known {
            vocab_reading: Some((reading(1, false, false), 1 << 24)),
            features: features(0, 0, 0),
        };
        assert_eq!(known.pack(), None);
    }

    /// The word table is sized for the entries' count when the index starts; a larger count of words
    /// (none of the build functions gives one) grows it, and every word is still found.
    #[test]
    fn the_word_table_grows() {
        let words: Vec<String> = (0..3000).map(|n| format!("كلمة{n}")).collect();
        let tsv: String = words.iter().map(|w| format!("{w}\tcommon\n")).collect();
        let lex = Lexicon::parse("t", &tsv).unwrap();
        let (mut index, mut building) = Index::start(1);
        let lexicon = index.push_lexicon(lex.shared_name());
        for e in lex.entries() {
            index.add(e.clone(), lexicon, &mut building);
        }
        let index = index.done(building);
        assert!(index.table.len() >= 2 * words.len() && index.table_words == words.len());
        let fold = crate::normalize::fold;
        for w in &words {
            let info = index.word(&fold(w)).unwrap();
            assert_eq!(info.classes, EntryKind::Common.bit(), "{w}");
        }
        assert!(index.word(&fold("كلمة3000")).is_none() && index.word(&fold("كلمة")).is_none());
    }

    #[test]
    fn long_words_are_found() {
        let long = "ب".repeat(20);
        let lex = Lexicon::parse("t", &format!("{long}\tcommon\nعدن\tcommon\n")).unwrap();
        let index = Index::build([&lex]);
        assert!(index.word(&long).is_some() && index.word("عدن").is_some());
        assert!(index.word("عد").is_none());
    }

    #[test]
    fn vocabulary_gives_way_to_a_clitic_reading_known_as_more() {
        let lex = Lexicon::parse(
            "t",
            "لمؤتمر\tcommon\nمؤتمر\torg-head\tsub=other\nبين\tfunction\n",
        )
        .unwrap();
        let index: &'static Index = Box::leak(Box::new(Index::build([&lex])));
        let mut t = Tokens::default();
        tokenize("لمؤتمر بين", 0, 0, &mut t);
        let (mut lex, mut ph) = (Vec::new(), Vec::new());
        look_up(index, &t, &mut lex, &mut ph);
        assert!(lex[0].has(EntryKind::OrgHead) && lex[0].lam());
        assert_eq!(lex[0].reading.map(|r| r.clitic_chars), Some(1));
        assert!(lex[1].has(EntryKind::Function));
        assert_eq!(lex[1].reading, Some(Reading::WHOLE));
    }

    /// A word known as vocabulary whose clitic reading is known as more: its first token works the
    /// value out, the next ones read it from the word's info (`Index::token_known`).
    #[test]
    fn later_tokens_of_a_word_with_a_vocabulary_reading_read_its_value() {
        let lex = Lexicon::parse("t", "لمجمعط\tcommon\nمجمعط\torg-head\tsub=other\n").unwrap();
        let index: &'static Index = Box::leak(Box::new(Index::build([&lex])));
        let mut t = Tokens::default();
        tokenize("لمجمعط ضغث لمجمعط لمجمعط", 0, 0, &mut t);
        let (mut lex, mut ph) = (Vec::new(), Vec::new());
        look_up(index, &t, &mut lex, &mut ph);
        for i in [0, 2, 3] {
            assert!(lex[i].has(EntryKind::OrgHead) && lex[i].lam(), "{i}");
            assert_eq!(lex[i].reading.map(|r| r.clitic_chars), Some(1));
            assert!(std::ptr::eq(
                lex[i].info.unwrap(),
                index.word("مجمعط").unwrap()
            ));
            assert_eq!(lex[i].features, lex[0].features);
        }
    }

    /// The features of a known word, worked out when the index is built, are what matching works out
    /// for a word the index does not hold.
    #[test]
    fn known_words_take_the_features_worked_out_at_build() {
        let lex = Lexicon::parse(
            "t",
            "الولايات المتحدة\tplace\tsub=country\nالولايات\tcommon\nالأستاذة\ttitle\tgender=female\nوليد\tgiven\tgender=male\nليد\tcommon\nلمؤتمر\tcommon\nمؤتمر\torg-head\tsub=other\nوالعمل\tcommon\nللتنمية\tcommon\nعدن\tplace\tsub=city\n",
        )
        .unwrap();
        let index: &'static Index = Box::leak(Box::new(Index::build([&lex])));
        let mut t = Tokens::default();
        tokenize(
            "الولايات وليد ليد لمؤتمر مؤتمر والعمل للتنمية عدن وعدن والاستاذه",
            0,
            0,
            &mut t,
        );
        let (mut lex, mut ph) = (Vec::new(), Vec::new());
        look_up(index, &t, &mut lex, &mut ph);
        let mut buf = String::new();
        for (i, l) in lex.iter().enumerate() {
            let word = t.folded(i);
            let found = lexicon_reading(index, word, &mut buf, true);
            let info = found.map(|f| &index.infos[f.1 as usize]);
            let f = Features::of(word, found.map(|f| f.0), info, Shape::of(word, &mut buf));
            assert_eq!(l.reading, found.map(|f| f.0), "{word}");
            assert_eq!(
                (
                    l.definite(),
                    l.conj(),
                    l.clitic_chars(),
                    l.lam(),
                    l.features.classes()
                ),
                (
                    f.definite(),
                    f.conj(),
                    f.clitic_chars(),
                    f.lam(),
                    f.classes()
                ),
                "{word}"
            );
        }
    }

    /// A word the index does not hold is worked out at its first token and read back at the next
    /// ones, of the same segment or a later one; another index's look-up on the same thread reads
    /// its own words, not these.
    #[test]
    fn unknown_words_are_kept_for_their_index() {
        let lex = |tsv: &str| Lexicon::parse("t", tsv).unwrap();
        let with_head: &'static Index = Box::leak(Box::new(Index::build([&lex(
            "مجمعط\torg-head\tsub=other\n",
        )])));
        let without: &'static Index = Box::leak(Box::new(Index::build([&lex("ضغث\tfunction\n")])));
        let mut t = Tokens::default();
        tokenize("لمجمعط ضغث لمجمعط", 0, 0, &mut t);
        let (mut lex, mut ph) = (Vec::new(), Vec::new());
        for _ in 0..2 {
            look_up(with_head, &t, &mut lex, &mut ph);
            for i in [0, 2] {
                assert!(lex[i].has(EntryKind::OrgHead) && lex[i].lam(), "{i}");
                assert_eq!(lex[i].reading.map(|r| r.clitic_chars), Some(1));
            }
            assert!(lex[1].is_unknown() && lex[1].info.is_none());
            look_up(without, &t, &mut lex, &mut ph);
            for i in [0, 2] {
                assert!(lex[i].is_unknown() && lex[i].reading.is_none() && !lex[i].lam());
            }
            assert!(lex[1].has(EntryKind::Function));
        }
        // A word is kept with the index that does not hold it, the last to look it up.
        let kept = UNKNOWN_WORDS.take();
        let kept_of = |index: &Index, word: &str| {
            let key = ShortKey::new(word).unwrap();
            kept.places
                .iter()
                .any(|w| w.index == index.id.0 && w.key.is(&key))
        };
        assert!(kept_of(without, "لمجمعط") && !kept_of(with_head, "لمجمعط"));
        assert!(kept_of(with_head, "ضغث") && !kept_of(without, "ضغث"));
    }

    #[test]
    fn unknown_words_get_structural_features() {
        let (lex, _) = run("والعمل للتنمية غداف");
        assert!(lex[0].conj() && lex[0].definite());
        assert!(lex[1].lam() && lex[1].definite());
        assert!(!lex[2].conj() && !lex[2].definite() && lex[2].info.is_none());
    }
}
