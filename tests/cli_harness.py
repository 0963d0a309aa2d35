"""`kontan-clean` with a test filter at the front of the default pipeline, for the tests
that run the command as a real process and need a page to be slow or to crash (see
`stall`). Run as `python tests/cli_harness.py ARGS`."""

from __future__ import annotations

import sys
import time

from kontan_clean import api
from kontan_clean.cli import main
from kontan_clean.pipeline import Pipeline


def stall(doc) -> None:
    """Test filter, by marker line (dropped): `TIDUR s` sleeps s seconds, `PUTAR` loops for
    ever, `SEGFAULT` crashes the process the way a bug in a C extension does, `LAMBAT`
    takes a little while."""
    for block in doc.blocks:
        if block.text.startswith("TIDUR "):
            time.sleep(float(block.text.split()[1]))
        elif block.text == "PUTAR":
            while True:
                pass
        elif block.text == "SEGFAULT":
            import ctypes
            ctypes.string_at(0)
        elif block.text == "LAMBAT":
            time.sleep(0.002)
        else:
            continue
        doc.drop(block, "stall", "test marker")


if __name__ == "__main__":
    api._DEFAULT = Pipeline.default().add(stall, name="stall", first=True)
    sys.exit(main())
