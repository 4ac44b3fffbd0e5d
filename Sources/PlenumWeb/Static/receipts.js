// Receipt verification in the browser (docs/protocol.md, docs/audit-record.md): the statement's
// id and signature, its RFC 9162 inclusion proof against the receipt's checkpoint, the
// checkpoints' signatures by the log key, and a consistency proof to the latest checkpoint.

import { verify } from "./keys.js";
import { signedBytes } from "./statements.js";
import { api, concat, equalBytes, fromBase64url, fromUTF8, hex, meta, sha256, utf8 } from "./util.js";

/** A verification failure, named by a stable code. */
export class VerificationError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function fail(code, message) {
  throw new VerificationError(code, message);
}

/** RFC 9162 leaf hash: SHA-256(0x00 || entry). */
export function leafHash(entry) {
  return sha256(concat(new Uint8Array([0]), entry));
}

/** RFC 9162 node hash: SHA-256(0x01 || left || right). */
export function nodeHash(left, right) {
  return sha256(concat(new Uint8Array([1]), left, right));
}

const big = (value) => {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value) || value < 0) fail("invalid_sizes", `not a log size or index: ${value}`);
  return BigInt(value);
};
const odd = (n) => (n & 1n) === 1n;

/**
 * RFC 9162 section 2.1.3.2: the root the inclusion proof `path` leads to from `leaf` (its hash) at
 * index `index` in a tree of `size` leaves; checks every precondition (index below size, exact
 * proof length) and throws on failure.
 */
export async function rootFromInclusionProof(index, size, leaf, path) {
  let fn = big(index);
  let sn = big(size) - 1n;
  if (fn > sn) fail("index_out_of_range", `leaf ${index} is not below the log size ${size}`);
  let r = leaf;
  for (const p of path) {
    if (sn === 0n) fail("proof_too_long", "the inclusion proof is longer than the tree is deep");
    if (odd(fn) || fn === sn) {
      r = await nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) fail("proof_too_short", "the inclusion proof is shorter than the tree is deep");
  return r;
}

/** Checks an inclusion proof against `root`; throws on failure. */
export async function verifyInclusion(index, size, leaf, path, root) {
  const computed = await rootFromInclusionProof(index, size, leaf, path);
  if (!equalBytes(computed, root)) fail("inclusion_mismatch", "the inclusion proof does not lead to the checkpoint's root");
}

/**
 * RFC 9162 section 2.1.4.2: checks that the tree of `size1` leaves with root `root1` is a prefix
 * of the tree of `size2` leaves with root `root2`, by the consistency proof `path`; throws on
 * failure.
 */
export async function verifyConsistency(size1, size2, root1, root2, path) {
  const first = big(size1);
  const second = big(size2);
  if (first > second) fail("invalid_sizes", `the sizes are out of order: ${size1} > ${size2}`);
  if (first === second) {
    if (path.length !== 0) fail("consistency_mismatch", "equal sizes need an empty consistency proof");
    if (!equalBytes(root1, root2)) fail("consistency_mismatch", "two checkpoints of the same size have different roots");
    return;
  }
  if (first === 0n) {
    if (path.length !== 0) fail("consistency_mismatch", "a proof from the empty tree must be empty");
    return;
  }
  if (path.length === 0) fail("consistency_mismatch", "the consistency proof is empty");
  let proof = path;
  if ((first & (first - 1n)) === 0n) proof = [root1, ...path];
  let fn = first - 1n;
  let sn = second - 1n;
  while (odd(fn)) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = proof[0];
  let sr = proof[0];
  for (const c of proof.slice(1)) {
    if (sn === 0n) fail("consistency_mismatch", "the consistency proof is too long");
    if (odd(fn) || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) fail("consistency_mismatch", "the consistency proof is too short");
  if (!equalBytes(fr, root1)) fail("consistency_mismatch", "the consistency proof does not lead to the older root");
  if (!equalBytes(sr, root2)) fail("consistency_mismatch", "the consistency proof does not lead to the newer root");
}

/** The bytes the log key signs for a checkpoint: "plenum/v1/checkpoint" 0x00 "origin\nsize\nroot\n". */
export function checkpointSignedBytes(checkpoint) {
  const body = `${checkpoint.origin}\n${checkpoint.size}\n${checkpoint.root}\n`;
  return concat(utf8("plenum/v1/checkpoint"), new Uint8Array([0]), utf8(body));
}

function decode(text, what, length) {
  let bytes;
  try {
    bytes = fromBase64url(text);
  } catch {
    fail("malformed", `${what} is not base64url`);
  }
  if (length !== undefined && bytes.length !== length) fail("malformed", `${what} is not ${length} bytes`);
  return bytes;
}

/** Checks a checkpoint's origin (the page's) and its signature by the log key (the page's). */
export async function verifyCheckpoint(checkpoint, logKey = meta("plenum-log-key"), origin = meta("plenum-origin")) {
  if (!checkpoint || typeof checkpoint.origin !== "string") fail("malformed", "the checkpoint is malformed");
  if (origin && checkpoint.origin !== origin) {
    fail("wrong_origin", `the checkpoint names the log ${checkpoint.origin}, not ${origin}`);
  }
  const key = decode(logKey, "the log key", 32);
  const signature = decode(checkpoint.signature, "the checkpoint's signature", 64);
  decode(checkpoint.root, "the checkpoint's root", 32);
  let good;
  try {
    good = await verify(key, signature, checkpointSignedBytes(checkpoint));
  } catch (error) {
    fail("bad_checkpoint_signature", `the checkpoint signature could not be checked: ${error.message}`);
  }
  if (!good) fail("bad_checkpoint_signature", `the checkpoint of size ${checkpoint.size} is not signed by the log key`);
}

/** The receipt kept in localStorage when statement `id` was accepted, or null. */
function keptReceipt(id) {
  try {
    const text = localStorage.getItem(`receipt:${id}`);
    const receipt = text ? JSON.parse(text) : null;
    return receipt && receipt.checkpoint && Array.isArray(receipt.proof) ? receipt : null;
  } catch {
    return null;
  }
}

/**
 * Verifies the receipt of statement `id` from the server: fetches the receipt, the statement and
 * the latest checkpoint, and checks everything. Returns a sentence describing what was verified.
 */
export async function verifyReceipt(id) {
  const receipt = await api(`/receipts/${id}`);
  const kept = keptReceipt(id);
  const statement = await api(`/statements/${id}`);
  if (receipt.statement !== id) fail("wrong_statement", "the receipt is for another statement");

  // The statement: its id is SHA-256 of its signed bytes, its signature verifies with its author.
  const payload = decode(statement.payload, "the payload");
  const signature = decode(statement.signature, "the signature", 64);
  const bytes = signedBytes(statement.kind, payload);
  if (hex(await sha256(bytes)) !== id) fail("wrong_statement", "the statement's bytes do not hash to its id");
  let author;
  try {
    author = JSON.parse(fromUTF8(payload)).author;
  } catch {
    fail("malformed", "the payload is not JSON");
  }
  if (!(await verify(decode(author, "the author key", 32), signature, bytes))) {
    fail("bad_signature", "the statement's signature does not verify with its author's key");
  }

  // Inclusion: the leaf hash of (signature || signed bytes) at the receipt's leaf.
  if (statement.leaf !== undefined && statement.leaf !== receipt.leaf) {
    fail("wrong_leaf", `the statement is at leaf ${statement.leaf}, the receipt says ${receipt.leaf}`);
  }
  const leaf = await leafHash(concat(signature, bytes));
  const proof = receipt.proof.map((node, i) => decode(node, `proof node ${i + 1}`, 32));
  const root = decode(receipt.checkpoint.root, "the checkpoint's root", 32);
  await verifyInclusion(receipt.leaf, receipt.checkpoint.size, leaf, proof, root);
  await verifyCheckpoint(receipt.checkpoint);

  // Consistency: the receipt's checkpoint is a prefix of the latest one.
  const latest = await api("/checkpoint");
  await verifyCheckpoint(latest);
  const latestRoot = decode(latest.root, "the latest root", 32);
  if (latest.size < receipt.checkpoint.size) {
    fail("invalid_sizes", "the latest checkpoint is older than the receipt's");
  }
  let path = [];
  if (latest.size !== receipt.checkpoint.size) {
    const consistency = await api(`/checkpoint/consistency?from=${receipt.checkpoint.size}&to=${latest.size}`);
    if (consistency.from !== receipt.checkpoint.size || consistency.to !== latest.size) {
      fail("invalid_sizes", "the consistency proof is for other sizes");
    }
    path = consistency.path.map((node, i) => decode(node, `consistency node ${i + 1}`, 32));
  }
  await verifyConsistency(receipt.checkpoint.size, latest.size, root, latestRoot, path);

  // The receipt this browser kept when the statement was accepted, if it differs from the
  // server's copy, must hold too: its proof, its checkpoint's signature, and consistency with now.
  let keptNote = "";
  if (kept && JSON.stringify(kept) !== JSON.stringify(receipt)) {
    if (kept.statement !== id || kept.leaf !== receipt.leaf) {
      fail("receipt_changed", `the receipt kept in this browser names leaf ${kept.leaf}, the server's leaf ${receipt.leaf}`);
    }
    const keptRoot = decode(kept.checkpoint.root, "the kept checkpoint's root", 32);
    const keptProof = kept.proof.map((node, i) => decode(node, `kept proof node ${i + 1}`, 32));
    await verifyInclusion(kept.leaf, kept.checkpoint.size, leaf, keptProof, keptRoot);
    await verifyCheckpoint(kept.checkpoint);
    let keptPath = [];
    if (kept.checkpoint.size !== latest.size) {
      const consistency = await api(`/checkpoint/consistency?from=${kept.checkpoint.size}&to=${latest.size}`);
      keptPath = consistency.path.map((node, i) => decode(node, `consistency node ${i + 1}`, 32));
    }
    await verifyConsistency(kept.checkpoint.size, latest.size, keptRoot, latestRoot, keptPath);
    keptNote = `; the receipt kept in this browser (log size ${kept.checkpoint.size}) holds too`;
  } else if (kept) {
    keptNote = "; it is the receipt this browser kept";
  }

  return (
    `verified: leaf ${receipt.leaf} is in the log of size ${receipt.checkpoint.size} signed by the log key, ` +
    `and that log is a prefix of the latest checkpoint (size ${latest.size})${keptNote}`
  );
}
