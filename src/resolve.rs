//! Choosing among overlapping candidates: one policy for every rule and lexicon.
//!
//! Candidates are taken strongest evidence first, then longest, then leftmost. A candidate that overlaps
//! one already taken is dropped — except a place inside an organization's name, which becomes a nested
//! mention of that organization, whichever of the two was taken first.
//!
//! Evidence (see `rules`): STRONG for a trigger in context — a title, role, nationality or speech verb
//! next to a name, a head noun with its complements, a place noun, a team noun — for a multi-word lexicon
//! entry, and for a chain of three name words or more after a given name; LEXICON for a one-word lexicon
//! entry, a two-word given-name chain and a lone word after a place noun. So a name in context beats a
//! one-word gazetteer entry inside it (a surname that is also a town), and among equals the longer
//! reading wins (مؤتمر حضرموت الجامع over حضرموت, which is nested).

use std::cmp::Reverse;
use std::collections::BTreeMap;

use crate::mention::{Kind, Span};
use crate::rules::Candidate;

const FREE: u32 = u32::MAX;

/// In `taken`, a place that an organization taken after it adopted as a nested mention.
const ADOPTED: u32 = u32::MAX;

/// Resolves `cands` into non-overlapping candidates: `out` gets their indices in `cands`, sorted by
/// position. The candidates are read where they are, not moved: a place nested in an organization is
/// copied into the organization's list (places have no nested mentions, so the copy allocates
/// nothing), and a person that passes its title to the person kept over it writes it there.
///
/// `owner` is a buffer kept from one segment to the next: every place in it is [`FREE`] between calls,
/// so only the tokens that candidates claimed are written back, not the whole segment's.
pub(crate) fn resolve(
    cands: &mut [Candidate],
    tokens: usize,
    owner: &mut Vec<u32>,
    out: &mut Vec<u32>,
) {
    out.clear();
    if owner.len() < tokens {
        owner.resize(tokens, FREE);
    }
    let mut r = Resolution {
        owner: std::mem::take(owner),
        // At most every candidate is taken.
        taken: Vec::with_capacity(cands.len()),
        hits: Vec::new(),
    };
    if cands.len() <= INDEX_MASK as usize {
        r.by_clusters(cands, out);
    } else {
        r.whole(cands, out);
    }
    // Every claimed token lies in a candidate taken (an adopted place in its organization).
    for &n in &r.taken {
        if n != ADOPTED {
            let c = &cands[n as usize];
            r.owner[c.start..c.end].fill(FREE);
        }
    }
    debug_assert!(r.owner.iter().all(|&o| o == FREE));
    *owner = r.owner;
}

/// The state of [`resolve`]: which taken candidate owns each token, and the candidates taken.
struct Resolution {
    /// For each token, the place in `taken` of the candidate that holds it, or [`FREE`].
    owner: Vec<u32>,
    /// The indices in the candidates' list of those taken, in the order taken; [`ADOPTED`] for a place
    /// an organization took in.
    taken: Vec<u32>,
    /// The places in `taken` of the candidates that the one considered overlaps.
    hits: Vec<u32>,
}

impl Resolution {
    /// Resolves the candidates a cluster at a time: a cluster is a run of candidates in text order
    /// whose ranges chain by overlap, and no candidate overlaps one of another cluster, so what is
    /// taken of a cluster does not depend on the others. Many small sorts by rank (most clusters hold
    /// a few candidates) cost far less than one of the whole segment, and the candidates come nearly
    /// in text order (some ten out of place in a segment of the news), which the stable sort by start
    /// finds as runs.
    fn by_clusters(&mut self, cands: &mut [Candidate], out: &mut Vec<u32>) {
        let mut by_start: Vec<u64> = cands
            .iter()
            .enumerate()
            .map(|(n, c)| (c.start as u64) << 32 | n as u64)
            .collect();
        by_start.sort();
        let mut cluster = Vec::new();
        let mut end = 0;
        for k in by_start {
            let n = k as u32 as usize;
            let (start, stop) = (cands[n].start, cands[n].end);
            if start >= end {
                self.resolve_cluster(cands, &mut cluster, out);
            }
            end = end.max(stop);
            cluster.push(rank(&cands[n]) << INDEX_BITS | n as u64);
        }
        self.resolve_cluster(cands, &mut cluster, out);
    }

    /// Considers a cluster's candidates (their sort keys, emptied) strongest first, and adds those taken
    /// to `out` in text order.
    #[inline(always)]
    fn resolve_cluster(
        &mut self,
        cands: &mut [Candidate],
        cluster: &mut Vec<u64>,
        out: &mut Vec<u32>,
    ) {
        // Keys, not the candidates, which are large; the candidate's index breaks ties as a stable sort
        // of the candidates would.
        cluster.sort_unstable();
        let first = self.taken.len();
        for &k in cluster.iter() {
            self.consider(cands, (k & INDEX_MASK) as usize);
        }
        cluster.clear();
        // Nearly always one taken. The kept candidates never overlap, so their starts differ (but for
        // empty ones).
        match self.taken[first..] {
            [n] if n != ADOPTED => out.push(n),
            [_] => {}
            ref taken => {
                let from = out.len();
                out.extend(taken.iter().filter(|&&n| n != ADOPTED));
                out[from..].sort_unstable_by_key(|&n| (cands[n as usize].start, n));
            }
        }
    }

    /// Resolves the candidates of a segment with too many for [`by_clusters`](Self::by_clusters)'s
    /// keys (more than [`INDEX_MASK`]): all sorted by (rank, index) pairs at once.
    fn whole(&mut self, cands: &mut [Candidate], out: &mut Vec<u32>) {
        let mut keys: Vec<(u64, usize)> = cands
            .iter()
            .enumerate()
            .map(|(n, c)| (rank(c), n))
            .collect();
        keys.sort_unstable();
        for (_, n) in keys {
            self.consider(cands, n);
        }
        // In text order; a start takes 17 bits (see `RANK_BITS`), the index the low 32.
        let mut by_start: Vec<u64> = self
            .taken
            .iter()
            .filter(|&&n| n != ADOPTED)
            .map(|&n| (cands[n as usize].start as u64) << 32 | u64::from(n))
            .collect();
        by_start.sort_unstable();
        out.extend(by_start.into_iter().map(|k| k as u32));
    }

    /// Takes candidate `n`, nests it, passes its title on, or drops it, by what it overlaps.
    #[inline(always)]
    fn consider(&mut self, cands: &mut [Candidate], n: usize) {
        let c = &cands[n];
        // The owners of its tokens, each once (a candidate owns a run of tokens).
        self.hits.clear();
        let mut last = FREE;
        for &o in &self.owner[c.start..c.end] {
            if o != FREE {
                if o != last {
                    self.hits.push(o);
                }
                last = o;
            }
        }
        if self.hits.is_empty() {
            claim(&mut self.owner, c, self.taken.len() as u32);
            self.taken.push(index_of(n));
        } else if c.kind == Kind::Place {
            self.nest_in_parent(cands, n);
        } else if c.kind == Kind::Person {
            self.pass_title(cands, n);
        } else if c.kind == Kind::Organization
            && self.hits.iter().all(|&h| self.is_place_within(cands, h, c))
        {
            self.adopt_places(cands, n);
        }
    }

    /// The candidate taken at place `id` of `taken`, unless an organization adopted it.
    fn taken_at(&self, id: u32) -> Option<usize> {
        let n = self.taken[id as usize];
        (n != ADOPTED).then_some(n as usize)
    }

    /// Gives the title and role of a person dropped to the person taken over the same name (a lexicon
    /// entry or a longer chain that starts where it does: الرئيس | X Y found whole by the lexicon), when
    /// that one has none: the title still stands before the name.
    fn pass_title(&self, cands: &mut [Candidate], dropped: usize) {
        let d = &cands[dropped];
        if d.title.is_none() && d.role.is_none() {
            return;
        }
        let (start, skip, title, role, gender) = (d.start, d.skip, d.title, d.role, d.gender);
        let [kept] = self.hits[..] else { return };
        let Some(kept) = self.taken_at(kept) else {
            return;
        };
        let kept = &mut cands[kept];
        if kept.kind == Kind::Person
            && kept.start == start
            && kept.skip == skip
            && kept.title.is_none()
            && kept.role.is_none()
        {
            kept.title = title;
            kept.role = role;
            kept.gender = kept.gender.or(gender);
        }
    }

    fn is_place_within(&self, cands: &[Candidate], id: u32, org: &Candidate) -> bool {
        self.taken_at(id).is_some_and(|p| {
            let p = &cands[p];
            p.kind == Kind::Place && org.start < p.start && p.end <= org.end
        })
    }

    /// Keeps a place as a nested mention of the one organization it lies within; drops it otherwise.
    fn nest_in_parent(&self, cands: &mut [Candidate], place: usize) {
        let [parent] = self.hits[..] else { return };
        let Some(parent) = self.taken_at(parent) else {
            return;
        };
        let (org, p) = (&cands[parent], &cands[place]);
        if org.kind == Kind::Organization
            && org.start < p.start
            && p.end <= org.end
            && !org
                .nested
                .iter()
                .any(|n| n.start < p.end && p.start < n.end)
        {
            let p = p.clone();
            let org = &mut cands[parent];
            org.nested.push(p);
            org.nested.sort_by_key(|n| n.start);
        }
    }

    /// Takes an organization whose name holds places taken before it, and makes them its nested
    /// mentions.
    fn adopt_places(&mut self, cands: &mut [Candidate], org: usize) {
        for &h in &self.hits {
            let place = self.taken[h as usize];
            if place != ADOPTED {
                self.taken[h as usize] = ADOPTED;
                let place = cands[place as usize].clone();
                cands[org].nested.push(place);
            }
        }
        let c = &mut cands[org];
        c.nested.sort_by_key(|n| n.start);
        claim(&mut self.owner, c, self.taken.len() as u32);
        self.taken.push(index_of(org));
    }
}

/// A candidate's index as [`resolve`] keeps it: a segment has far fewer candidates than 2^32.
fn index_of(n: usize) -> u32 {
    let n = u32::try_from(n).expect("fewer candidates in a segment than 2^32");
    debug_assert!(n != ADOPTED);
    n
}

/// Merges two lists of mentions (`span` gives each one's span) into one sorted by position in which no
/// two overlap, whatever the lists hold: of two overlapping mentions, one of `first` wins over one of
/// `second`; between two of one list, the longer wins, then the leftmost, then the earlier in its list.
///
/// The document level's resolution: `first` is what the segments' resolution kept, `second` what the
/// document pass added. Both are sorted and disjoint, and the pass adds mentions only where none is
/// found, so the merge is checked and done in place, in `first`'s list: the mentions are not copied into
/// a second list of them (on a text of millions of mentions, that list was the peak of memory). Anything
/// else is resolved by rank.
pub(crate) fn merge_disjoint<T>(
    mut first: Vec<T>,
    second: Vec<T>,
    span: impl Fn(&T) -> Span,
) -> Vec<T> {
    let Some(dest) = merged_places(&first, &second, &span) else {
        return merge_by_rank(first, second, span);
    };
    if second.is_empty() {
        return first;
    }
    first.extend(second);
    // Each swap puts one mention in its place for good.
    let mut dest = dest;
    for at in 0..first.len() {
        while dest[at] as usize != at {
            let to = dest[at] as usize;
            first.swap(at, to);
            dest.swap(at, to);
        }
    }
    first
}

/// Where each mention of `a` then `b` goes when the two are merged by start, if each is sorted and the
/// merge holds no overlap and no empty span: then [`merge_disjoint`] merges them in place. Found and
/// checked in one walk (a walk to check them, then one to place them, cost a third more). None are
/// listed when `b` is empty: `a` is the merge.
fn merged_places<T>(a: &[T], b: &[T], span: &impl Fn(&T) -> Span) -> Option<Vec<u32>> {
    let mut dest = if b.is_empty() {
        Vec::new()
    } else {
        vec![0u32; a.len() + b.len()]
    };
    let (mut i, mut j) = (0, 0);
    let mut end = 0;
    for k in 0..a.len() + b.len() {
        // A mention of `a` first at one start.
        let from_a = j == b.len() || (i < a.len() && span(&a[i]).start() <= span(&b[j]).start());
        let (s, at) = if from_a {
            (span(&a[i]), i)
        } else {
            (span(&b[j]), a.len() + j)
        };
        if s.start() < end || s.start() >= s.end() {
            return None;
        }
        end = s.end();
        if let Some(d) = dest.get_mut(at) {
            *d = u32::try_from(k).expect("fewer mentions than bytes of text");
        }
        if from_a {
            i += 1;
        } else {
            j += 1;
        }
    }
    Some(dest)
}

/// [`merge_disjoint`] of lists that are not sorted, or that overlap: mentions taken by rank.
fn merge_by_rank<T>(first: Vec<T>, second: Vec<T>, span: impl Fn(&T) -> Span) -> Vec<T> {
    let mut ranked: Vec<(MergeRank, Span, T)> = first
        .into_iter()
        .enumerate()
        .map(|(n, m)| {
            let s = span(&m);
            ((0, Reverse(s.len()), s.start(), n), s, m)
        })
        .chain(second.into_iter().enumerate().map(|(n, m)| {
            let s = span(&m);
            ((1, Reverse(s.len()), s.start(), n), s, m)
        }))
        .collect();
    ranked.sort_unstable_by_key(|r| r.0);
    // The spans taken, by start: they never overlap, so the one starting last before a span's end is
    // the only one that may overlap it.
    let mut taken: BTreeMap<usize, (usize, T)> = BTreeMap::new();
    for (_, s, m) in ranked {
        let free = taken
            .range(..s.end())
            .next_back()
            .is_none_or(|(_, (end, _))| *end <= s.start());
        if free && s.start() < s.end() {
            taken.insert(s.start(), (s.end(), m));
        }
    }
    taken.into_values().map(|(_, m)| m).collect()
}

/// (list, shortness, start, index in the list): the order in which [`merge_by_rank`] takes mentions.
type MergeRank = (u8, Reverse<usize>, usize, usize);

/// The bits of a sort key below the [`rank`]: the candidate's index.
const INDEX_BITS: u32 = 64 - RANK_BITS;
const INDEX_MASK: u64 = (1 << INDEX_BITS) - 1;

/// The bits of a [`rank`]: evidence (8), length and start in tokens (17 each: a segment has at most
/// `MAX_SEGMENT` bytes, so at most 2^16 tokens) and kind (2).
const RANK_BITS: u32 = 8 + 17 + 17 + 2;

const _: () = assert!(crate::tokenize::MAX_SEGMENT <= 1 << 16);

/// The order in which a candidate is taken, as one integer: strongest evidence first, then longest, then
/// leftmost, then by kind.
fn rank(c: &Candidate) -> u64 {
    const LEN_MAX: u64 = (1 << 17) - 1;
    let weakness = u64::from(u8::MAX - c.evidence);
    let shortness = LEN_MAX - (c.end - c.start) as u64;
    weakness << 36 | shortness << 19 | (c.start as u64) << 2 | c.kind as u64
}

fn claim(owner: &mut [u32], c: &Candidate, id: u32) {
    owner[c.start..c.end].iter_mut().for_each(|o| *o = id);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Origin, STRONG};

    fn cand(kind: Kind, start: usize, end: usize, evidence: u8) -> Candidate {
        Candidate {
            kind,
            start,
            end,
            skip: 0,
            evidence,
            origin: Origin::Rule("t"),
            attrs: None,
            sub_from: None,
            title: None,
            role: None,
            gender: None,
            nested: Vec::new(),
        }
    }

    fn run(c: Vec<Candidate>) -> Vec<(Kind, usize, usize, usize)> {
        let (mut c, mut out) = (c, Vec::new());
        resolve(&mut c, 10, &mut Vec::new(), &mut out);
        taken(&c, &out)
    }

    /// The candidates of `out`, in its order: kind, span and how many are nested in each.
    fn taken(c: &[Candidate], out: &[u32]) -> Vec<(Kind, usize, usize, usize)> {
        out.iter()
            .map(|&n| &c[n as usize])
            .map(|c| (c.kind, c.start, c.end, c.nested.len()))
            .collect()
    }

    #[test]
    fn stronger_evidence_wins_then_longer() {
        let r = run(vec![
            cand(Kind::Person, 0, 3, 2),
            cand(Kind::Organization, 1, 2, STRONG),
        ]);
        assert_eq!(r, [(Kind::Organization, 1, 2, 0)]);
        let r = run(vec![
            cand(Kind::Person, 0, 2, STRONG),
            cand(Kind::Person, 0, 3, STRONG),
        ]);
        assert_eq!(r, [(Kind::Person, 0, 3, 0)]);
    }

    #[test]
    fn places_nest_in_organizations_either_order() {
        let r = run(vec![
            cand(Kind::Organization, 0, 3, STRONG),
            cand(Kind::Place, 1, 2, 2),
        ]);
        assert_eq!(r, [(Kind::Organization, 0, 3, 1)]);
        let r = run(vec![
            cand(Kind::Organization, 0, 3, 2),
            cand(Kind::Place, 1, 2, STRONG),
        ]);
        assert_eq!(r, [(Kind::Organization, 0, 3, 1)]);
    }

    #[test]
    fn a_place_at_the_head_is_not_nested() {
        let r = run(vec![
            cand(Kind::Organization, 0, 3, STRONG),
            cand(Kind::Place, 0, 1, 2),
        ]);
        assert_eq!(r, [(Kind::Organization, 0, 3, 0)]);
    }

    /// Resolves `c` by the clusters or the whole at once: the taken candidates and their nested counts.
    fn run_by(c: Vec<Candidate>, by_clusters: bool) -> Vec<(Kind, usize, usize, usize)> {
        let (mut c, mut out) = (c, Vec::new());
        let mut r = Resolution {
            owner: vec![FREE; 12],
            taken: Vec::new(),
            hits: Vec::new(),
        };
        if by_clusters {
            r.by_clusters(&mut c, &mut out);
        } else {
            r.whole(&mut c, &mut out);
        }
        taken(&c, &out)
    }

    #[test]
    fn clusters_resolve_as_the_whole_segment() {
        // Out of text order, with clusters of one, of a chain of overlaps, and an organization that
        // adopts a place taken before it.
        let c = vec![
            cand(Kind::Place, 9, 10, 2),
            cand(Kind::Person, 0, 2, 2),
            cand(Kind::Place, 1, 3, STRONG),
            cand(Kind::Person, 2, 5, 2),
            cand(Kind::Organization, 5, 8, 2),
            cand(Kind::Place, 6, 7, STRONG),
            cand(Kind::Person, 4, 6, 1),
            cand(Kind::Place, 10, 11, 2),
            cand(Kind::Person, 0, 2, 2),
        ];
        let whole = run_by(c.clone(), false);
        assert_eq!(run_by(c, true), whole);
        assert_eq!(
            whole,
            [
                (Kind::Place, 1, 3, 0),
                (Kind::Organization, 5, 8, 1),
                (Kind::Place, 9, 10, 0),
                (Kind::Place, 10, 11, 0),
            ]
        );
    }

    #[test]
    fn output_is_sorted_and_disjoint() {
        let r = run(vec![
            cand(Kind::Place, 5, 6, 2),
            cand(Kind::Person, 0, 2, 2),
            cand(Kind::Place, 1, 3, 2),
        ]);
        assert_eq!(r, [(Kind::Person, 0, 2, 0), (Kind::Place, 5, 6, 0)]);
    }

    fn sp(start: usize, end: usize) -> Span {
        Span::new(start, end, start, end)
    }

    fn merged(a: &[(usize, usize)], b: &[(usize, usize)]) -> Vec<(char, usize, usize)> {
        let a = a.iter().map(|&(s, e)| ('a', s, e)).collect();
        let b = b.iter().map(|&(s, e)| ('b', s, e)).collect();
        merge_disjoint(a, b, |&(_, s, e)| sp(s, e))
    }

    #[test]
    fn merging_keeps_order_and_drops_overlaps() {
        // Disjoint lists: merged in order, `a` first at one start.
        assert_eq!(
            merged(&[(0, 2), (5, 6)], &[(2, 4), (7, 9)]),
            [('a', 0, 2), ('b', 2, 4), ('a', 5, 6), ('b', 7, 9)]
        );
        // An overlap between the lists: the first list's mention wins.
        assert_eq!(
            merged(&[(3, 5)], &[(0, 4), (6, 8)]),
            [('a', 3, 5), ('b', 6, 8)]
        );
        // Within a list: the longer, then the leftmost; unsorted input comes out sorted.
        assert_eq!(
            merged(&[], &[(45, 55), (45, 72), (60, 70), (80, 90), (75, 85)]),
            [('b', 45, 72), ('b', 75, 85)]
        );
        assert_eq!(
            merged(&[(9, 12), (0, 3), (2, 5)], &[]),
            [('a', 0, 3), ('a', 9, 12)]
        );
        // Insertions at the front, between and at the end, several in a row.
        assert_eq!(
            merged(
                &[(4, 5), (8, 9)],
                &[(0, 1), (1, 2), (6, 7), (10, 11), (12, 13)]
            ),
            [
                ('b', 0, 1),
                ('b', 1, 2),
                ('a', 4, 5),
                ('b', 6, 7),
                ('a', 8, 9),
                ('b', 10, 11),
                ('b', 12, 13)
            ]
        );
    }

    /// The disjoint merge is done in the first list's memory when it has room: no second list of the
    /// mentions is made.
    #[test]
    fn merging_disjoint_lists_stays_in_the_first_list() {
        let mut a: Vec<(char, usize, usize)> = Vec::with_capacity(8);
        a.extend([('a', 2, 3), ('a', 6, 7)]);
        let at = a.as_ptr();
        let b = vec![('b', 0, 1), ('b', 4, 5), ('b', 8, 9)];
        let out = merge_disjoint(a, b, |&(_, s, e)| sp(s, e));
        assert_eq!(out.as_ptr(), at);
        let starts: Vec<usize> = out.iter().map(|m| m.1).collect();
        assert_eq!(starts, [0, 2, 4, 6, 8]);
    }

    #[test]
    fn ranks_sort_as_evidence_length_start_kind_index() {
        let kinds = [Kind::Person, Kind::Organization, Kind::Place];
        let mut cands = Vec::new();
        for (n, evidence) in [0, 2, STRONG, u8::MAX].into_iter().enumerate() {
            for start in [0, 1, 65_535] {
                for len in [1, 2, 65_536] {
                    let kind = kinds[(n + start + len) % 3];
                    cands.push(cand(kind, start, start + len, evidence));
                }
            }
        }
        let tuple = |(n, c): &(usize, &Candidate)| {
            let (ev, len) = (
                std::cmp::Reverse(c.evidence),
                std::cmp::Reverse(c.end - c.start),
            );
            (ev, len, c.start, c.kind, *n)
        };
        let mut by_tuple: Vec<_> = cands.iter().enumerate().collect();
        by_tuple.sort_by_key(tuple);
        let mut by_key: Vec<_> = cands.iter().enumerate().collect();
        by_key.sort_by_key(|&(n, c)| rank(c) << INDEX_BITS | n as u64);
        let index = |v: &[(usize, &Candidate)]| v.iter().map(|p| p.0).collect::<Vec<_>>();
        assert_eq!(index(&by_key), index(&by_tuple));
        assert!(cands.iter().all(|c| rank(c) < 1 << RANK_BITS));
    }
}
