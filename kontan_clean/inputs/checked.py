"""A byte stream over a file that may be gzip'ed, which knows how much of what it returned
has been checked: gzip members are decompressed one by one (in bounded steps, so a bomb
never fills memory), each member's CRC is checked at its end, and a corrupt member can be
skipped to the next one. Readers use `verified` to hold records back until the member they
came from has checked out.

Hand-written over `zlib` because `gzip.GzipFile` neither says where a member ends nor
lets a reader resume after a corrupt one.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO

CHUNK = 1 << 16
STEP = 1 << 20
"""Most decompressed bytes one step makes: what a bomb can add to memory at once."""
GZIP_MAGIC = b"\x1f\x8b\x08"
NEVER = float("inf")


class Corrupt(Exception):
    """A gzip member could not be decompressed or failed its CRC check."""

    def __init__(self, message: str, member_start: int, junk: bool) -> None:
        super().__init__(message)
        self.member_start = member_start
        """Where the member's output began (a `tell()` offset): data from there on is bad."""
        self.junk = junk
        """The bytes do not even start like a gzip member (trailing padding, garbage)."""


class CutShort(Exception):
    """The gzip data ends inside a member: the file was cut short."""


class Stream:
    """Buffered reading (`read`, `readline`, `peek`, `skip`, `tell`) over `raw`, gunzipped
    member by member when `gzipped`. `verified` is the offset up to which every byte comes
    from a member that passed its CRC check (all of it for plain data)."""

    def __init__(self, raw: BinaryIO, gzipped: bool) -> None:
        self._raw, self._gzipped = raw, gzipped
        self._out = bytearray()
        self._pos = 0  # index of the next byte to return in _out
        self._base = 0  # tell() offset of _out[0]
        self._in = b""
        self._in_at = 0  # offset in the compressed file of _in[0]
        self._d: object | None = None
        self._member_in = 0
        self._member_out = 0
        self._made = 0  # bytes output so far (the end of _out, as a tell() offset)
        self._pending: Corrupt | None = None
        self._member_magic = False
        self.verified: float = 0 if gzipped else NEVER
        self.members = 0
        """gzip members that checked out."""
        self.failed_at = -1
        """The compressed offset of the member that failed last (for `resync`)."""

    # ---- reading -------------------------------------------------------------------------

    def tell(self) -> int:
        """Offset of the next byte `read` returns (in the decompressed data)."""
        return self._base + self._pos

    def peek(self, n: int) -> bytes:
        """Up to `n` next bytes without consuming them (fewer only at the end)."""
        while len(self._out) - self._pos < n and self._fill():
            pass
        return bytes(self._out[self._pos:self._pos + n])

    def read(self, n: int) -> bytes:
        """Up to `n` bytes (fewer only at the end of the data)."""
        data = self.peek(n)
        self._consume(len(data))
        return data

    def readline(self, limit: int) -> bytes:
        """The next line with its `\\n`, or the first `limit` bytes of it."""
        start = self._pos
        while True:
            at = self._out.find(b"\n", start, self._pos + limit)
            if at >= 0:
                return self.read(at + 1 - self._pos)
            if len(self._out) - self._pos >= limit:
                return self.read(limit)
            start = len(self._out)
            if not self._fill():
                return self.read(limit)

    def read_line(self, limit: int) -> bytes | None:
        """The next line with its `\\n` (b"" at the end), or None for a line over `limit`
        bytes, which is passed over without being held whole."""
        start = self._pos
        while True:
            at = self._out.find(b"\n", start)
            if at >= 0 and at + 1 - self._pos <= limit:
                return self.read(at + 1 - self._pos)
            if at >= 0 or len(self._out) - self._pos > limit:
                self.skip_to(b"\n")
                self.read(1)
                return None
            start = len(self._out)
            if not self._fill():
                return self.read(len(self._out) - self._pos) if len(self._out) - self._pos <= limit else None

    def skip(self, n: int) -> int:
        """Pass over `n` bytes without keeping them; returns how many there were."""
        done = 0
        while done < n:
            avail = len(self._out) - self._pos
            if not avail and not self._fill():
                break
            take = min(n - done, len(self._out) - self._pos)
            self._consume(take)
            done += take
        return done

    def skip_to(self, marker: bytes) -> bool:
        """Pass over bytes until `marker` is next (True) or the data ends (False)."""
        while True:
            at = self._out.find(marker, self._pos)
            if at >= 0:
                self._consume(at - self._pos)
                return True
            keep = len(marker) - 1
            drop = max(0, len(self._out) - self._pos - keep)
            self._consume(drop)
            if not self._fill():
                self._consume(len(self._out) - self._pos)
                return False

    def pushback(self, data: bytes) -> None:
        """Put `data`, the bytes just read, back in front of the next byte."""
        self._out[self._pos:self._pos] = data
        self._base -= len(data)

    def at_end(self) -> bool:
        """No byte is left."""
        return not self.peek(1)

    def _consume(self, n: int) -> None:
        self._pos += n
        if self._pos > STEP and self._pos > len(self._out) // 2:
            del self._out[:self._pos]
            self._base += self._pos
            self._pos = 0

    # ---- decompressing -------------------------------------------------------------------

    def _fill(self) -> bool:
        """Add to the output buffer; False at the end of the data."""
        if not self._gzipped:
            data = self._raw.read(CHUNK)
            self._out += data
            self._made += len(data)
            return bool(data)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            raise pending
        while True:
            if not self._in:
                self._in = self._raw.read(CHUNK)
                if not self._in:
                    if self._d is not None:
                        self._d = None
                        raise CutShort(f"the gzip data ends inside the member at byte {self._member_in}: "
                                       "the file is cut short")
                    return False
            if self._d is None:
                self._d, self._member_in, self._member_out = zlib.decompressobj(31), self._in_at, self._made
                self._member_magic = self._in.startswith(GZIP_MAGIC)
            feed, d = self._in, self._d
            backup = d.copy()  # type: ignore[attr-defined]
            try:
                out = d.decompress(feed, STEP)  # type: ignore[attr-defined]
            except zlib.error as exc:
                self._d, self.failed_at = None, self._member_in
                salvaged = _salvage(backup, feed)
                junk = self._made + len(salvaged) == self._member_out and not self._member_magic
                what = f"the bytes at {self._member_in} are not gzip data" if junk else \
                    f"the gzip member at byte {self._member_in} is corrupt"
                self._pending = Corrupt(f"{what} ({exc})", self._member_out, junk)
                self._out += salvaged
                self._made += len(salvaged)
                if salvaged:  # read what came before the damage: its records are reported by name
                    return True
                pending, self._pending = self._pending, None
                raise pending from None
            rest = d.unused_data if d.eof else d.unconsumed_tail  # type: ignore[attr-defined]
            self._in_at += len(feed) - len(rest)
            self._in = rest
            self._out += out
            self._made += len(out)
            if d.eof:  # type: ignore[attr-defined]
                self._d = None
                self.members += 1
                self.verified = self._made
            if out:
                return True

    def resync(self, expect: bytes = b"") -> int | None:
        """After `Corrupt`: drop what the bad member gave and go on at the next gzip member
        (whose output starts with `expect`) after it. Returns its offset in the file, or
        None when no member follows."""
        del self._out[self._pos:]
        self._made = self._base + len(self._out)
        self.verified = self._made
        search_from = max(self.failed_at + 1, self._in_at)
        buf, buf_at = self._in, self._in_at
        if search_from > buf_at:
            buf, buf_at = buf[search_from - buf_at:], search_from
        while True:
            at = buf.find(GZIP_MAGIC, 1 if buf_at == self.failed_at else 0)
            while at >= 0:
                if len(buf) - at < CHUNK:
                    more = self._raw.read(CHUNK)
                    buf += more
                if _starts_member(buf[at:], expect):
                    self._in, self._in_at = buf[at:], buf_at + at
                    return self._in_at
                at = buf.find(GZIP_MAGIC, at + 1)
            more = self._raw.read(CHUNK)
            if not more:
                self._in, self._in_at = b"", buf_at + len(buf)
                return None
            keep = buf[-2:]
            buf_at += len(buf) - len(keep)
            buf = keep + more


def _salvage(d: object, feed: bytes) -> bytes:
    """What the decompressor `d` gives for `feed` before it fails: fed in pieces, and the
    piece that fails again byte by byte, from a copy taken before it."""
    out = bytearray()
    for i in range(0, len(feed), 512):
        before = d.copy()  # type: ignore[attr-defined]
        try:
            out += d.decompress(feed[i:i + 512], STEP)  # type: ignore[attr-defined]
        except zlib.error:
            for j in range(i, min(i + 512, len(feed))):
                try:
                    out += before.decompress(feed[j:j + 1], STEP)
                except zlib.error:
                    break
            break
        if len(out) >= STEP:
            break
    return bytes(out[:STEP])


def _starts_member(data: bytes, expect: bytes) -> bool:
    """Whether a gzip member that decompresses (as far as `data` goes) starts here."""
    d = zlib.decompressobj(31)
    try:
        out = d.decompress(data, max(len(expect), 1))
    except zlib.error:
        return False
    return out.startswith(expect) if expect and len(out) >= len(expect) else bool(out) or d.eof
