//! The compact tables that `build.rs` writes for the bundled lexicons and the crate reads in place, with
//! no parsing: a table of entry records for most files, a hash set of folded tokens for the files of
//! `name` tokens. `build.rs` includes this file as a module of its own, so the two sides share the
//! layout, the kind names and the hash, and cannot disagree on them. Standard library only.
//!
//! A table is little-endian `u32` words. Every value it points to (an entry's text, its fold, an
//! attribute value) is a byte range of the lexicon file's own text, which the crate holds with
//! `include_str!`: the lexicon files stay the one source of truth, and the tables only say where to look.

/// The first word of a table of entry records: then the record count, then [`RECORD_WORDS`] words a
/// record.
pub const RECORDS: u32 = u32::from_le_bytes(*b"ALR2");
/// The first word of a table of `name` tokens: then the slot count (a power of two), then two words a
/// slot (the token's byte offset and length in the file's text; length 0 for an empty slot), placed by
/// [`name_hash`] with linear probing.
pub const NAMES: u32 = u32::from_le_bytes(*b"ALN1");

/// Words of a record: kind, gender and flags; the line number; the byte offset of the line in the
/// file's text; then a word for each [`Field`]: its place in the line (the low 16 bits, [`ABSENT`] for
/// an attribute not given) and its length (the high 16 bits). The crate copies these six words into
/// an entry as they are (no offsets worked out per entry): a line of 64 KiB or more is [`IRREGULAR`].
pub const RECORD_WORDS: usize = 3 + 6;

/// The word of a record that gives the line's byte offset in the file's text.
pub const LINE_AT: usize = 2;

/// The place of an attribute not given, in the low 16 bits of its field's word.
pub const ABSENT: u32 = 0xFFFF;

/// A field of a record, by its word, in the order of the crate's `Entry` fields.
#[derive(Clone, Copy)]
pub enum Field {
    /// The entry text, which starts the line. For an [`IRREGULAR`] record this word is instead the
    /// whole line's length (32 bits).
    Text = 3,
    /// The stored `fold=`, which is the entry's matching form (see `build.rs`).
    Fold = 4,
    Sub = 5,
    Cat = 6,
    Country = 7,
    Parent = 8,
}

/// A record whose line `build.rs` did not check fully (a layout the fast path does not take, such as
/// spaces around a field): the crate parses the line with the full parser instead.
pub const IRREGULAR: u32 = 1 << 16;

/// A regular record whose `fold=` holds a [`MARKS`] char (بي. بي. سي، ايرو-اتلنتيك): the entry's
/// matching form is not that fold but its [`spaced`] form (the tokenizer makes each mark a token), which
/// is not a range of the file's text; the crate makes it when it reads the entry.
pub const SPACED: u32 = 1 << 17;

/// The marks a [`SPACED`] fold may hold: chars that the tokenizer makes tokens of their own (`build.rs`
/// cannot ask it; the crate's tests compare what the tables give with the parser on every bundled file
/// and on each of these).
pub const MARKS: [char; 3] = ['.', '-', '\u{2013}'];

/// The matching form of a [`SPACED`] record's fold: its words and marks, each of [`MARKS`] a word of
/// its own, joined by single spaces (what the parser's `token_words` makes of it, the other chars being
/// alphanumeric).
pub fn spaced(fold: &str) -> String {
    let mut out = String::with_capacity(fold.len() + 8);
    let mut in_word = false;
    for c in fold.chars() {
        if c == ' ' {
            in_word = false;
            continue;
        }
        let word_char = !MARKS.contains(&c);
        if !out.is_empty() && (!word_char || !in_word) {
            out.push(' ');
        }
        out.push(c);
        in_word = word_char;
    }
    out
}

/// The gender values of a record (bits 8 to 15 of its first word).
pub const GENDER_NONE: u32 = 0;
pub const GENDER_MALE: u32 = 1;
pub const GENDER_FEMALE: u32 = 2;
pub const GENDER_UNISEX: u32 = 3;

/// The kind names of lexicon files, in the order of `EntryKind::ALL` (a test of the crate checks it):
/// a record holds the kind's place in this list.
pub const KINDS: [&str; 15] = [
    "person",
    "given",
    "family",
    "particle",
    "title",
    "role",
    "organization",
    "org-head",
    "place",
    "place-noun",
    "nationality",
    "speech-verb",
    "common",
    "function",
    "name",
];

/// Word `i` of a table.
#[inline]
pub fn word(table: &[u8], i: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&table[i * 4..i * 4 + 4]);
    u32::from_le_bytes(w)
}

/// The hash that places a token in a table of `name` tokens: the same at build time and at run time.
#[inline]
pub fn name_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(26);
    }
    // The last bytes: in a token of eight bytes or more, its last eight (read again in part: a copy of a
    // length known only at run time would cost more than the rest of the hash); else as a little-endian
    // number, read as a piece of four bytes and one of one to three (byte by byte, a word of three
    // letters took some 30 instructions of the 170 of a look-up).
    let rest = chunks.remainder();
    let tail = match bytes.len().checked_sub(8) {
        Some(from) if !rest.is_empty() => {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[from..]);
            u64::from_le_bytes(w)
        }
        Some(_) => 0,
        None => short_le(bytes),
    };
    h = (h ^ tail).wrapping_mul(K);
    // The finish of MurmurHash3 (`fmix64`): every bit of the hash reaches the low bits that place it.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The bytes of `bytes` (fewer than eight) as the low bytes of a little-endian `u64`, the others zero:
/// a piece of four, then of two and one (a loop over the bytes cost more). The index's short keys read
/// a word's last bytes with it too (`lookup::short_part`).
#[inline]
pub fn short_le(bytes: &[u8]) -> u64 {
    let (four, tail) = bytes.split_at(bytes.len() & 4);
    let low = match *four {
        [a, b, c, d] => u64::from(u32::from_le_bytes([a, b, c, d])),
        _ => 0,
    };
    let high = match *tail {
        [a] => u64::from(a),
        [a, b] => u64::from(u16::from_le_bytes([a, b])),
        [a, b, c] => u64::from(u32::from_le_bytes([a, b, c, 0])),
        _ => 0,
    };
    low | high << (four.len() * 8)
}

/// Whether the table of `name` tokens `table`, over the file text `text`, holds `token`, whose
/// [`name_hash`] is `hash` (one hash serves every table).
#[inline]
pub fn has_name(table: &[u8], text: &str, token: &str, hash: u64) -> bool {
    let slots = word(table, 1) as usize;
    let mut at = hash as usize & (slots - 1);
    loop {
        let len = word(table, 3 + 2 * at) as usize;
        if len == 0 {
            return false;
        }
        if len == token.len() {
            let off = word(table, 2 + 2 * at) as usize;
            if text.as_bytes().get(off..off + len) == Some(token.as_bytes()) {
                return true;
            }
        }
        at = (at + 1) & (slots - 1);
    }
}

/// The tokens of a table of `name` tokens, in slot order.
#[cfg(test)]
pub fn names<'t>(table: &'t [u8], text: &'t str) -> impl Iterator<Item = &'t str> + 't {
    let slots = if table.is_empty() {
        0
    } else {
        word(table, 1) as usize
    };
    (0..slots).filter_map(move |at| {
        let len = word(table, 3 + 2 * at) as usize;
        let off = word(table, 2 + 2 * at) as usize;
        (len > 0).then(|| &text[off..off + len])
    })
}

// Writing a table: `build.rs` runs this for every file of `lexicons/`; the crate's tests run it too.

/// One entry line as the table gives it.
#[allow(dead_code)] // used by build.rs and the tests
struct Record {
    word0: u32,
    line: u32,
    /// The line's byte offset in the file's text.
    at: u32,
    /// Each field's byte offset and length in the text (a length of 0 for an absent attribute).
    fields: [(u32, u32); 6],
}

/// The table of one file.
#[allow(dead_code)] // used by build.rs and the tests
pub fn compile(text: &str) -> Vec<u8> {
    let mut records = Vec::new();
    let mut offset = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let at = offset;
        offset += raw.len() + 1;
        let content = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
        let content = content.strip_suffix('\r').unwrap_or(content).trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let n = u32::try_from(i + 1).expect("fewer than 2^32 lines");
        let record = regular(at, raw, n).unwrap_or_else(|| Record {
            word0: IRREGULAR,
            line: n,
            at: range(at),
            fields: [
                (range(at), range(raw.len())),
                (0, 0),
                (0, 0),
                (0, 0),
                (0, 0),
                (0, 0),
            ],
        });
        records.push(record);
    }
    let name_kind = KINDS
        .iter()
        .position(|&k| k == "name")
        .expect("the name kind") as u32;
    let all_names = !records.is_empty()
        && records
            .iter()
            .all(|r| r.word0 & IRREGULAR == 0 && r.word0 & 0xFF == name_kind);
    let mut words = Vec::new();
    if all_names {
        words.push(NAMES);
        let slots = (records.len() * 2).next_power_of_two().max(2);
        words.push(range(slots));
        let mut table = vec![(0u32, 0u32); slots];
        for r in &records {
            let (off, len) = r.fields[Field::Fold as usize - Field::Text as usize];
            let token = &text.as_bytes()[off as usize..(off + len) as usize];
            let mut at = name_hash(token) as usize & (slots - 1);
            loop {
                let (o, l) = table[at];
                if l == 0 {
                    table[at] = (off, len);
                    break;
                }
                if text.as_bytes()[o as usize..(o + l) as usize] == *token {
                    // The same token twice: the parser reports it (the crate's tests run it).
                    break;
                }
                at = (at + 1) & (slots - 1);
            }
        }
        for (off, len) in table {
            words.extend([off, len]);
        }
    } else {
        words.push(RECORDS);
        words.push(range(records.len()));
        for r in &records {
            words.extend([r.word0, r.line, r.at]);
            if r.word0 & IRREGULAR != 0 {
                words.push(r.fields[0].1);
                words.extend([ABSENT; 5]);
                continue;
            }
            for (k, (off, len)) in r.fields.into_iter().enumerate() {
                // A fold is always given on a regular line; another field of length 0 is absent.
                words.push(
                    if len == 0 && k != Field::Fold as usize - Field::Text as usize {
                        ABSENT
                    } else {
                        (off - r.at) | len << 16
                    },
                );
            }
        }
    }
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

#[allow(dead_code)] // used by build.rs and the tests
fn range(n: usize) -> u32 {
    u32::try_from(n).expect("a lexicon file under 4 GiB")
}

/// The record of line `n`, which starts at byte `at` of the file's text, when its layout is the plain one the
/// crate reads without the parser: fields separated by single tabs with no space around them, known
/// attributes given once as `key=value` with valid values, a plain `fold=`, the attributes its kind
/// requires. `None` otherwise.
#[allow(dead_code)] // used by build.rs and the tests
fn regular(at: usize, line: &str, n: u32) -> Option<Record> {
    if line.starts_with('\u{FEFF}') || line.chars().any(|c| c.is_control() && c != '\t') {
        return None;
    }
    // The fields' places in the line are 16 bits each.
    if line.len() >= ABSENT as usize {
        return None;
    }
    let mut record = Record {
        word0: 0,
        line: n,
        at: range(at),
        fields: [(0, 0); 6],
    };
    let mut set = |field: Field, value: &str| {
        // `value` is a slice of `line`: its offset in the text follows.
        let off = at + (value.as_ptr() as usize - line.as_ptr() as usize);
        record.fields[field as usize - Field::Text as usize] = (range(off), range(value.len()));
    };
    let mut fields = line.split('\t');
    let entry_text = fields.next()?;
    let plain = |s: &str| !s.is_empty() && s.trim() == s;
    if !plain(entry_text)
        || entry_text.contains("  ")
        || entry_text.chars().any(|c| c.is_whitespace() && c != ' ')
    {
        return None;
    }
    set(Field::Text, entry_text);
    let kind = fields.next()?;
    let kind = KINDS.iter().position(|&k| k == kind)? as u32;
    let mut gender = GENDER_NONE;
    let mut seen: Vec<&str> = Vec::new();
    let (mut sub, mut fold, mut spaced_fold) = (None, None, false);
    for attribute in fields {
        let (key, value) = attribute.split_once('=')?;
        if !plain(key) || !plain(value) || value.contains('=') || seen.contains(&key) {
            return None;
        }
        seen.push(key);
        match key {
            "gender" => {
                gender = match value {
                    "male" => GENDER_MALE,
                    "female" => GENDER_FEMALE,
                    "unisex" => GENDER_UNISEX,
                    _ => return None,
                }
            }
            "sub" | "cat" => {
                let label = value
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                if !label {
                    return None;
                }
                if key == "sub" {
                    sub = Some(value);
                    set(Field::Sub, value);
                } else {
                    set(Field::Cat, value);
                }
            }
            "country" => {
                if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_uppercase()) {
                    return None;
                }
                set(Field::Country, value);
            }
            "parent" => set(Field::Parent, value),
            "fold" => {
                // Alphanumeric words joined by single spaces: the tokenizer keeps each such word whole,
                // so the parser's matching form of the entry is this fold itself.
                let words_plain = value
                    .split(' ')
                    .all(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric));
                // Or alphanumeric words and marks: the matching form is then its `spaced` form.
                let words_spaced = !words_plain
                    && value.split(' ').all(|w| {
                        !w.is_empty()
                            && w.chars().all(|c| c.is_alphanumeric() || MARKS.contains(&c))
                    });
                if words_spaced {
                    spaced_fold = true;
                } else if !words_plain {
                    return None;
                }
                fold = Some(value);
                set(Field::Fold, value);
            }
            _ => return None,
        }
    }
    let fold = fold?;
    let required = match KINDS[kind as usize] {
        "place" => sub.is_some(),
        "given" => gender != GENDER_NONE,
        // A name token is read from the text in place (a set of them): no spaced form.
        "name" => !fold.contains(' ') && !spaced_fold,
        _ => true,
    };
    if !required {
        return None;
    }
    record.word0 = kind | gender << 8 | if spaced_fold { SPACED } else { 0 };
    Some(record)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_tail_reads_as_its_bytes_one_by_one() {
        let bytes = "الم1".as_bytes();
        for n in 0..8 {
            let want = bytes[..n]
                .iter()
                .enumerate()
                .fold(0, |t, (i, &b)| t | u64::from(b) << (8 * i));
            assert_eq!(short_le(&bytes[..n]), want, "{n}");
        }
    }
}
