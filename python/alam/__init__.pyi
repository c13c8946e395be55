"""Type stubs of alam (the compiled module alam._alam)."""

import os
from typing import Any, Iterable, Optional, Sequence, Union, final

__version__: str

class LexiconError(ValueError):
    """A lexicon that does not follow the format.

    ``str(err)`` is ``FILE:LINE: REASON``, the same message as the Rust crate's error.
    """

    file: str
    line: int
    reason: str

@final
class Span:
    """Where a person's title or role stands in the text (see :attr:`Mention.title_span`).

    Frozen, hashable, comparable with ``==``. Ends are exclusive.
    """

    @property
    def start(self) -> int:
        """UTF-8 byte offset of the first byte in the text (``text.encode()[start:end]``)."""
    @property
    def end(self) -> int:
        """UTF-8 byte offset just past the span."""
    @property
    def char_start(self) -> int:
        """Code point offset of the first character: a Python ``str`` index."""
    @property
    def char_end(self) -> int:
        """Code point offset just past the span: a Python ``str`` index."""
    def to_dict(self) -> dict[str, int]:
        """``{"start", "end", "char_start", "char_end"}``, as in the ``extract`` example's JSON."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Mention:
    """One occurrence of a person, organization or place. Frozen, hashable, comparable with ``==``."""

    @property
    def kind(self) -> str:
        """``"person"``, ``"organization"`` or ``"place"``."""
    @property
    def text(self) -> str:
        """The mention as written in the text: ``text[char_start:char_end]``."""
    @property
    def start(self) -> int:
        """UTF-8 byte offset of the first byte in the text (``text.encode()[start:end]``)."""
    @property
    def end(self) -> int:
        """UTF-8 byte offset just past the mention."""
    @property
    def char_start(self) -> int:
        """Code point offset of the first character: a Python ``str`` index."""
    @property
    def char_end(self) -> int:
        """Code point offset just past the mention: a Python ``str`` index."""
    @property
    def title(self) -> Optional[str]:
        """For a person: the title before the name, in its canonical form (``الأستاذة``), without clitics.

        A later mention of a person introduced with a title carries that title with no ``title_span``.
        """
    @property
    def title_span(self) -> Optional[Span]:
        """For a person: where the title stands in the text (clitics excluded), or None.

        ``text[s.char_start:s.char_end]`` is the title as written, which can differ from the canonical
        :attr:`title`.
        """
    @property
    def role(self) -> Optional[str]:
        """For a person: the role or office before the name, as written."""
    @property
    def role_span(self) -> Optional[Span]:
        """For a person: where the role stands in the text (clitics excluded), or None.

        ``text[s.char_start:s.char_end] == role``.
        """
    @property
    def gender(self) -> Optional[str]:
        """For a person: ``"male"`` or ``"female"`` when the title, role or given name says."""
    @property
    def sub_kind(self) -> Optional[str]:
        """For a place or organization: ``"city"``, ``"country"``, ``"ministry"``…

        The string form of the Rust crate's ``alam::SubKind`` (its documented vocabulary; a custom
        lexicon's ``sub=`` value as written).
        """
    @property
    def country(self) -> Optional[str]:
        """For a place: its ISO 3166-1 alpha-2 code, where the lexicon knows it."""
    @property
    def source(self) -> str:
        """What produced it: ``"rule:NAME"``, ``"lexicon:NAME:LINE"`` or ``"document"``."""
    @property
    def entity(self) -> int:
        """The index of the entity (person, organization or place of this document) it belongs to."""
    @property
    def nested(self) -> list[Mention]:
        """Places inside an organization's name."""
    def to_dict(self) -> dict[str, Any]:
        """The keys of the ``extract`` example's JSON (without its ``file``); every key present, None
        where not applicable. ``title_span`` and ``role_span`` are None or a dict of start, end,
        char_start and char_end."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Extractor:
    """Finds people, organizations and places in Arabic text.

    ``Extractor()`` shares the compiled default lexicons (built once per process). With arguments:
    ``lexicons`` are lexicon files added to (or, with ``bundled=False``, used instead of) the bundled
    ones; ``kinds`` limits the kinds reported; ``document_pass=False`` turns off finding titled names
    again in the rest of the document; ``low_memory=True`` reads a text over 64 KiB again segment by
    segment in the document pass instead of keeping a summary of its tokens (less memory, some 10 % more
    time; the same mentions). A bad lexicon raises :class:`LexiconError` naming the file and
    line; a missing file raises ``FileNotFoundError``; an unknown kind raises ``ValueError``.
    """

    def __init__(
        self,
        lexicons: Optional[Sequence[Union[str, os.PathLike[str]]]] = None,
        *,
        bundled: bool = True,
        kinds: Optional[Sequence[str]] = None,
        document_pass: bool = True,
        low_memory: bool = False,
    ) -> None: ...
    def extract(self, text: str) -> list[Mention]:
        """Every mention in ``text``, in text order. Raises ``TypeError`` for a non-str."""
    def extract_many(self, texts: Iterable[str]) -> list[list[Mention]]:
        """The mentions of each text, in input order, extracted over all cores."""
    def extract_arrow(self, texts: Any) -> Any:
        """Extract from a ``pyarrow`` string, large_string or string_view ``Array`` without copying it.

        Returns a ``pyarrow.ListArray`` of structs (the type of :meth:`arrow_type`), one list per text,
        null for a null text. Offsets as in :class:`Mention` (``start``/``end`` bytes, ``char_*`` chars);
        ``title_span`` and ``role_span`` are nullable ``struct<start, end, char_start, char_end>``.
        """
    @staticmethod
    def arrow_type() -> Any:
        """The ``pyarrow.DataType`` of :meth:`extract_arrow`'s result."""
