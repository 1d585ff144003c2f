#!/usr/bin/env python3
"""Recomputes one waybill's hash chain from its rows of domain_event_entry, read on stdin.

The rows come from the README's psql command (section "Verifying a parcel's history"): one per line,
in sequence_number order, tab-separated: aggregate_identifier, sequence_number, event_identifier, payload_type,
payload_revision (\\N for NULL), time_stamp, the payload as hex, meta_data as text.

Prints "intact: N events" and exits 0, or names the first broken sequence and why and exits 1:
  HASH_MISMATCH  a hashed column, or the stored chainHash, was changed
  MISSING_HASH   the metadata carries no chainHash
  SEQUENCE_GAP   no event has this sequence number, though later ones do
Exits 2 when the input is not such rows, or there are none.
"""
import hashlib
import json
import struct
import sys

NULL = '\\N'


def field(value):
    """Length as 4 bytes big-endian, then the bytes; FFFFFFFF alone for NULL."""
    if value is None:
        return struct.pack('>i', -1)
    return struct.pack('>I', len(value)) + value


def link(previous, aggregate, sequence, event_id, payload_type, revision, time_stamp, payload):
    """SHA-256 of the previous link's 32 bytes and the row's hashed columns, each as a field."""
    sha256 = hashlib.sha256(bytes.fromhex(previous))
    for value in (aggregate.encode(), struct.pack('>q', sequence), event_id.encode(), payload_type.encode(),
                  None if revision == NULL else revision.encode(), time_stamp.encode(), payload):
        sha256.update(field(value))
    return sha256.hexdigest()


def stored_hash(meta_data):
    """chainHash from the metadata JSON, or None: unreadable metadata counts as none, as on the server."""
    try:
        value = json.loads(meta_data).get('chainHash')
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


def main():
    # The columns' bytes are UTF-8 (psql sends the server's encoding into a pipe), whatever this terminal's locale.
    sys.stdin.reconfigure(encoding='utf-8')
    # Only the last column, meta_data, is JSON that could hold a tab; maxsplit keeps it whole.
    rows = [line.rstrip('\n').split('\t', 7) for line in sys.stdin]
    if not rows:
        print('no rows: is the waybill id right?', file=sys.stderr)
        return 2
    if any(len(row) != 8 for row in rows):
        print('expected rows of 8 tab-separated columns, as the README\'s psql command prints them', file=sys.stderr)
        return 2
    previous = '00' * 32  # what sequence 0 chains to
    for expected, (aggregate, sequence, event_id, payload_type, revision, time_stamp, payload, meta_data) \
            in enumerate(rows):
        if int(sequence) != expected:
            return broken(expected, 'SEQUENCE_GAP', len(rows))
        stored = stored_hash(meta_data)
        if stored is None:
            return broken(expected, 'MISSING_HASH', len(rows))
        # Chain on to the recomputed link, not the stored one, so a rewritten stored hash breaks here too.
        previous = link(previous, aggregate, expected, event_id, payload_type, revision, time_stamp,
                        bytes.fromhex(payload))
        if previous != stored:
            return broken(expected, 'HASH_MISMATCH', len(rows))
    print(f'intact: {len(rows)} events')
    return 0


def broken(sequence, reason, events):
    print(f'broken at sequence {sequence} of {events} events: {reason}')
    return 1


if __name__ == '__main__':
    sys.exit(main())
