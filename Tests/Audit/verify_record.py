#!/usr/bin/env python3
"""An independent verifier of Plenum's audit record (plenum-record-v1).

Written from docs/audit-record.md and docs/protocol.md alone, without Plenum's Swift code: the
header and the record checkpoint's signature; every statement's signature and RFC 9162 inclusion
proof; the consistency proof from the certificate's checkpoint; one counted ballot per voter
(keys followed through key.rotate to the member id), the certificate's `cast` and `counted`; the
end line. Not checked: roles, weights, the electorate and the recount.
Exit 0 when the record verifies (with --expect-fail: when it does not), 1 otherwise.
"""
import argparse
import base64
import hashlib
import json
import re
import sys

from nacl.bindings import crypto_core_ed25519_is_valid_point
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

KIND = re.compile(rb"[a-z][a-z0-9.-]{0,63}")


class Bad(Exception):
    pass


def b64(text, length=None):
    """Strict unpadded base64url (RFC 4648 section 5)."""
    if not isinstance(text, str) or not re.fullmatch(r"[A-Za-z0-9_-]*", text) or len(text) % 4 == 1:
        raise Bad(f"not unpadded base64url: {text!r:.40}")
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if base64.urlsafe_b64encode(raw).rstrip(b"=").decode() != text:
        raise Bad(f"non-canonical base64url: {text!r:.40}")
    if length not in (None, len(raw)):
        raise Bad(f"expected {length} bytes, got {len(raw)}: {text!r:.40}")
    return raw


def key(text):
    if not crypto_core_ed25519_is_valid_point(raw := b64(text, 32)):
        raise Bad(f"not a valid Ed25519 point: {text}")
    return raw


def verify_sig(public, signed, signature, what):
    try:
        VerifyKey(key(public)).verify(signed, signature)
    except BadSignatureError:
        raise Bad(f"{what}: signature does not verify with {public}") from None


def sha(*parts):
    return hashlib.sha256(b"".join(parts)).digest()


node = lambda left, right: sha(b"\x01", left, right)  # noqa: E731


def strict_json(data):
    """Payload JSON: UTF-8, an object, no duplicate keys, integers only."""
    def pairs(items):
        if len({k for k, _ in items}) != len(items):
            raise Bad("duplicate key in payload")
        return dict(items)

    def no_float(text):
        raise Bad(f"non-integer number {text} in payload")
    try:
        value = json.loads(data.decode("utf-8"), object_pairs_hook=pairs, parse_float=no_float,
                           parse_constant=no_float)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Bad(f"payload is not JSON: {error}")
    if not isinstance(value, dict):
        raise Bad("payload is not an object")
    return value


def verify_inclusion(index, size, leaf_hash, path, root):
    """RFC 9162 section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf_hash
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_hash, second_hash, path):
    """RFC 9162 section 2.1.4.2, with the preconditions of docs/protocol.md."""
    if first < 1 or first > second:
        return False
    if first == second:
        return not path and first_hash == second_hash
    if not path:
        return False
    if first & (first - 1) == 0:
        path = [first_hash] + path
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node(c, fr), node(c, sr)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == first_hash and sr == second_hash


def verify(path):
    failures, notes = [], []
    fail = lambda line, msg: failures.append(f"line {line}: {msg}" if line else msg)  # noqa: E731
    header = cert = consistency = end = None
    statements, last_leaf, kinds = 0, -1, {}
    owner, active = {}, set()       # key -> member id (their first key); keys in use
    open_leaf = close_leaf = None
    ballots = []                    # (line, leaf, member, sequence, id)

    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    if lines[-1] != b"":
        fail(len(lines), "the last line does not end with \\n (truncated record?)")
    for number, raw in enumerate(lines[:-1], start=1):
        try:
            obj = json.loads(raw.decode("utf-8"))
            kind = obj.get("type") if isinstance(obj, dict) else None
            if end is not None:
                raise Bad("a line after the end line")
            if header is None:
                if kind != "header" or obj.get("format") != "plenum-record-v1":
                    raise Bad("the first line is not a plenum-record-v1 header")
                cp = obj["checkpoint"]
                key(obj["logKey"])
                if cp["origin"] != obj["origin"]:
                    raise Bad(f"checkpoint origin {cp['origin']!r} is not the header's")
                root = b64(cp["root"], 32)
                body = f"{cp['origin']}\n{int(cp['size'])}\n{cp['root']}\n".encode()
                verify_sig(obj["logKey"], b"plenum/v1/checkpoint\x00" + body,
                           b64(cp["signature"], 64), "record checkpoint")
                size, header = cp["size"], obj
            elif kind == "statement":
                if consistency is not None:
                    raise Bad("a statement after the consistency line")
                statements += 1
                leaf, entry, proof = obj["leaf"], b64(obj["entry"]), [b64(p, 32) for p in obj["proof"]]
                if not isinstance(leaf, int) or leaf <= last_leaf:
                    raise Bad(f"leaf {leaf} does not follow leaf {last_leaf} (strictly increasing)")
                last_leaf, where = leaf, f"leaf {leaf}"
                if not verify_inclusion(leaf, size, sha(b"\x00", entry), proof, root):
                    fail(number, f"{where}: inclusion proof does not lead to the checkpoint root")
                signature, signed = entry[:64], entry[64:]
                prefix, zero, payload_bytes = signed.partition(b"\x00")
                if len(signature) < 64 or not zero or not prefix.startswith(b"plenum/v1/") \
                        or not KIND.fullmatch(prefix[10:]):
                    raise Bad(f"{where}: entry is not signature + \"plenum/v1/\" kind 0x00 payload")
                skind = prefix[10:].decode()
                kinds[skind] = kinds.get(skind, 0) + 1
                where += f" ({skind})"
                p = strict_json(payload_bytes)
                if p.get("org") != header["organization"]:
                    fail(number, f"{where}: org {p.get('org')!r} is not {header['organization']!r}")
                verify_sig(p.get("author"), signed, signature, where)
                sid, author = hashlib.sha256(signed).digest(), p["author"]
                if skind == "org.create":
                    if leaf != 0 or author != header["logKey"]:
                        fail(number, f"{where}: org.create must be leaf 0, signed by the log key")
                    owner[p["founder"]] = p["founder"]
                    active.add(p["founder"])
                elif skind == "member.join":
                    owner[author] = author
                    active.add(author)
                elif skind == "key.rotate":
                    if author not in active:
                        fail(number, f"{where}: rotated by a key that is not in use: {author}")
                    owner[p["newKey"]] = owner.get(author, author)
                    active.discard(author)
                    active.add(p["newKey"])
                elif skind == "key.revoke":
                    active.discard(p["key"])
                elif skind == "round.open" and sid.hex() == header["round"]:
                    open_leaf = leaf
                elif skind == "round.close" and p["round"] == header["round"]:
                    close_leaf = leaf
                elif skind == "round.result" and p["round"] == header["round"]:
                    if author != header["logKey"]:
                        fail(number, f"{where}: the certificate is not signed by the log key")
                    cert = (number, leaf, p)
                elif skind == "ballot.cast":
                    if p["round"] != header["round"]:
                        fail(number, f"{where}: a ballot of another round {p['round']}")
                    elif author not in active:
                        fail(number, f"{where}: signed by a key that is not an active member key")
                    else:
                        ballots.append((number, leaf, owner[author], p["sequence"], sid))
            elif kind == "consistency":
                if consistency is None:
                    consistency = (number, obj)
                else:  # a record exported with --since carries a second one
                    notes.append(f"line {number}: a --since consistency line from size "
                                 f"{obj['from']} (not checked: it needs the older checkpoint)")
            elif kind == "end":
                end = (number, obj)
            else:
                raise Bad(f"unexpected line type {kind!r}")
        except Bad as error:
            fail(number, str(error))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            fail(number, f"malformed line: {type(error).__name__}: {error}")
        if header is None:
            break  # nothing else can be checked without the header and its checkpoint

    if header is None:
        return report(path, None, failures or ["line 1: no header"], notes)
    try:
        last, counted = check_round(size, root, cert, consistency, ballots, open_leaf, close_leaf,
                                    fail)
    except (Bad, ValueError, KeyError, TypeError, AttributeError) as error:
        fail(cert[0] if cert else None, f"malformed certificate: {type(error).__name__}: {error}")
        last, counted = {}, []

    # (5) the end line
    if end is None:
        fail(None, "no end line (truncated record)")
    elif end[1].get("statements") != statements:
        fail(end[0], f"end line says {end[1].get('statements')} statements, the record has {statements}")

    summary = [f"round       {header['round']}  ({header['organization']}, {header['origin']})",
               f"checkpoint  size {size}, signed by the log key {header['logKey']}",
               f"statements  {statements}: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
               f"ballots     {len(ballots)} cast by {len(last)} voters, {len(counted)} counted"]
    return report(path, summary, failures, notes)


def check_round(size, root, cert, consistency, ballots, open_leaf, close_leaf, fail):
    """(3) the certificate's checkpoint and the consistency line; (4) one ballot per voter."""
    if cert is None:
        fail(None, "no round.result (certificate) for the round")
    if open_leaf is None or close_leaf is None:
        fail(None, "the round's round.open or round.close is missing")
    if cert and consistency:
        number, c = consistency
        cp = cert[2]["checkpoint"]
        if close_leaf is not None and cp["size"] != close_leaf + 1:
            fail(cert[0], f"certificate checkpoint size {cp['size']} is not close leaf + 1")
        if c["from"] != cp["size"] or c["to"] != size:
            fail(number, f"consistency {c['from']}->{c['to']} is not {cp['size']}->{size}")
        elif not verify_consistency(c["from"], c["to"], b64(cp["root"], 32), root,
                                    [b64(h, 32) for h in c["path"]]):
            fail(number, f"consistency proof {c['from']}->{c['to']} does not verify")
    elif consistency is None:
        fail(None, "no consistency line")
    last = {}
    for number, leaf, member, sequence, sid in ballots:
        if None not in (open_leaf, close_leaf) and not open_leaf < leaf < close_leaf:
            fail(number, f"leaf {leaf}: ballot outside the round (open {open_leaf}, close {close_leaf})")
        if member in last and sequence <= last[member][0]:
            fail(number, f"leaf {leaf}: sequence {sequence} does not exceed {last[member][0]}")
        last[member] = (sequence, sid)
    counted = sorted(sid for _, sid in last.values())
    if cert:
        c = cert[2]
        if len(ballots) != c["cast"]:
            fail(cert[0], f"{len(ballots)} ballot statements, the certificate says cast {c['cast']}")
        if len(counted) != c["ballots"]:
            fail(cert[0], f"{len(counted)} counted ballots, the certificate says {c['ballots']}")
        if hashlib.sha256(b"".join(counted)).hexdigest() != c["counted"]:
            fail(cert[0], "SHA-256 of the counted ballot ids is not the certificate's counted")
    return last, counted


def report(path, summary, failures, notes):
    print(f"record      {path}")
    for line in summary or []:
        print(line)
    print("checked     header, checkpoint signature, statement signatures and inclusion proofs,\n"
          "            consistency from the certificate's checkpoint, one ballot per voter,\n"
          "            cast and counted, end line (not checked: roles, weights, electorate, recount)")
    for line in notes:
        print(f"note        {line}")
    for line in failures:
        print(f"FAIL        {line}")
    print(f"result      {f'FAILED, {len(failures)} failure(s)' if failures else 'verified'}")
    return not failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record")
    parser.add_argument("--expect-fail", action="store_true",
                        help="self-test: succeed only if the record does NOT verify")
    args = parser.parse_args()
    ok = verify(args.record)
    if args.expect_fail:
        print("expected a failure: " + ("but the record verified" if ok else "got one, as expected"))
        sys.exit(1 if ok else 0)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
