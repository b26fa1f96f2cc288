"""Anchors: signed checkpoints of every case's chain head, kept outside the database.

The chain proves that no event was changed, but a case's head lives in the same
database: whoever deletes a case with all its events, or cuts its last events and
resets its head, leaves a chain that still adds up. An anchor written earlier and
kept elsewhere remembers each case's number, version and head, so the verifier
can name every case deleted, inserted or rolled back since (docs/history.md).

An anchor is JSON Lines, so it is written and read as a stream:

- a header ``{"format": "jiceng-anchor/1", "at": ...}``;
- one line ``[id, number, version, head]`` per case, in id order;
- a footer ``{"cases", "max_case_id", "root", "signature"}``: ``root`` is the
  Merkle root (RFC 6962 shape) over the case lines, short enough to print or
  deposit with a notarisation service; ``signature`` is an HMAC, under a key
  derived for this purpose only, of every byte before the footer and the footer's
  other fields.

``writing`` writes an anchor, ``reading`` reads one back, ``lines`` is the format they share.
"""

from jiceng.cases.anchor.lines import AnchorEntry as AnchorEntry
from jiceng.cases.anchor.reading import AnchorReader as AnchorReader
from jiceng.cases.anchor.writing import daily_anchor as daily_anchor
from jiceng.cases.anchor.writing import write_anchor as write_anchor
from jiceng.cases.anchor.writing import write_anchor_file as write_anchor_file
