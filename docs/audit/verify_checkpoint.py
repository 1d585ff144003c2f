#!/usr/bin/env python3
"""Checks a signed checkpoint and one event's inclusion proof against it.

Usage: verify_checkpoint.py CHECKPOINT.json JWKS.json PROOF.json
  CHECKPOINT.json  from GET /audit/checkpoints/{id}
  JWKS.json        from GET /audit/checkpoints/jwks.json
  PROOF.json       from GET /audit/checkpoints/{id}/proof?eventId=...

1. signature is a compact ES256 JWS, valid under the key of the JWKS that its header names;
2. what it signs ({"first","last","size","root","createdAt"}) is what the checkpoint says;
3. the proof's leaf and audit path lead to the signed root (RFC 6962 section 2.1.1).
Only the signed statement is trusted: the proof's own root and the checkpoint's other fields are not.
Prints what it checked and exits 0, or names the first check that failed and exits 1.
Exits 2 when a file does not hold what it should (an error answer saved in its place, say).
"""
import base64
import hashlib
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(text):
    return base64.urlsafe_b64decode(text + '=' * (-len(text) % 4))


def signed_statement(jws, jwks):
    """The JWS payload as JSON, or None when the signature does not verify under the key its header names."""
    header, payload, signature = jws.split('.')
    named = json.loads(b64url(header))
    key = next((k for k in jwks['keys'] if k.get('kid') == named.get('kid') and k.get('crv') == 'P-256'), None)
    if named.get('alg') != 'ES256' or key is None:
        return None
    public_key = ec.EllipticCurvePublicNumbers(int.from_bytes(b64url(key['x']), 'big'),
                                               int.from_bytes(b64url(key['y']), 'big'), ec.SECP256R1()).public_key()
    # JWS carries r and s as 32 bytes each; the library wants them DER-encoded.
    raw = b64url(signature)
    if len(raw) != 64:
        return None
    der = encode_dss_signature(int.from_bytes(raw[:32], 'big'), int.from_bytes(raw[32:], 'big'))
    try:
        public_key.verify(der, f'{header}.{payload}'.encode('ascii'), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        return None
    return json.loads(b64url(payload))


def h(*parts):
    return hashlib.sha256(b''.join(parts)).digest()


def root_from(leaf_hash, index, size, path):
    """The root that leaf_hash at index, with this audit path (leaf side first), gives a tree of size leaves."""
    if size == 1:
        return leaf_hash if not path else None
    if not path:
        return None
    k = 1 << ((size - 1).bit_length() - 1)  # the largest power of two below size
    if index < k:
        below = root_from(leaf_hash, index, k, path[:-1])
        return None if below is None else h(b'\x01', below, path[-1])
    below = root_from(leaf_hash, index - k, size - k, path[:-1])
    return None if below is None else h(b'\x01', path[-1], below)


def load(name, member):
    """The JSON object in the file. An error answer saved in its place (it has a code, not member) stops here."""
    with open(name) as file:
        text = file.read()
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict) or member not in value:
        print(f'{name} does not hold what the README fetches into it: {text[:300]!r}', file=sys.stderr)
        sys.exit(2)
    return value


def main(checkpoint_file, jwks_file, proof_file):
    checkpoint, jwks = load(checkpoint_file, 'signature'), load(jwks_file, 'keys')
    proof = load(proof_file, 'auditPath')
    signed = signed_statement(checkpoint['signature'], jwks)
    if signed is None:
        return failed('the signature does not verify under the JWKS')
    print(f'signature valid: events {signed["first"]} to {signed["last"]}, {signed["size"]} leaves, '
          f'root {signed["root"]}, signed {signed["createdAt"]}')
    if (signed['first'], signed['last'], signed['size'], signed['root']) != (checkpoint['firstGlobalIndex'],
            checkpoint['lastGlobalIndex'], checkpoint['treeSize'], checkpoint['root']):
        return failed(f'checkpoint {checkpoint["id"]} does not say what its signature signs')
    if proof['checkpointId'] != checkpoint['id'] or proof['treeSize'] != signed['size']:
        return failed(f'the proof is not for checkpoint {checkpoint["id"]} of {signed["size"]} leaves')
    index = proof['leafIndex']
    leaf_hash = h(b'\x00', bytes.fromhex(proof['leaf']))
    root = root_from(leaf_hash, index, signed['size'], [bytes.fromhex(p) for p in proof['auditPath']])
    if not 0 <= index < signed['size'] or root != bytes.fromhex(signed['root']):
        return failed(f'event {proof["eventId"]} does not lead to the signed root')
    print(f'included: event {proof["eventId"]} is leaf {index} of checkpoint {checkpoint["id"]}')
    return 0


def failed(reason):
    print(f'FAILED: {reason}')
    return 1


if __name__ == '__main__':
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
