// Signed statements (docs/protocol.md): the payload header, the exact signed bytes, posting to
// the API, the receipt kept in localStorage, and logging in and out by signing a challenge.

import { requireKey, sign } from "./keys.js";
import {
  api,
  base64url,
  canonicalJSON,
  clearToken,
  concat,
  hex,
  meta,
  randomBytes,
  setToken,
  sha256,
  utf8,
} from "./util.js";

/** The bytes a statement's signature covers: "plenum/v1/" + kind, a 0 byte, the payload. */
export function signedBytes(kind, payloadBytes) {
  return concat(utf8(`plenum/v1/${kind}`), new Uint8Array([0]), payloadBytes);
}

/** A statement's id: hex SHA-256 of its signed bytes. */
export async function statementID(kind, payloadBytes) {
  return hex(await sha256(signedBytes(kind, payloadBytes)));
}

/**
 * Signs a statement of `kind` with the kind's `fields` and the header (org from the page, the
 * stored key as author, the time now, a fresh nonce). Returns {kind, payload, signature, id} with
 * payload and signature in base64url, ready to post.
 */
export async function signStatement(kind, fields, key) {
  const stored = key || (await requireKey());
  const payload = {
    ...fields,
    org: meta("plenum-org"),
    author: stored.publicKey,
    created: Date.now(),
    nonce: base64url(randomBytes(16)),
  };
  const payloadBytes = utf8(canonicalJSON(payload));
  const bytes = signedBytes(kind, payloadBytes);
  const signature = await sign(stored.privateKey, bytes);
  return {
    kind,
    payload: base64url(payloadBytes),
    signature: base64url(signature),
    id: hex(await sha256(bytes)),
  };
}

/** Posts a signed statement; returns the receipt, also kept in localStorage as `receipt:<id>`. */
export async function postStatement(statement) {
  const { kind, payload, signature } = statement;
  const receipt = await api("/statements", { method: "POST", body: { kind, payload, signature } });
  try {
    localStorage.setItem(`receipt:${receipt.statement || statement.id}`, JSON.stringify(receipt));
  } catch {
    // A full or unavailable storage only loses the local copy; the server keeps every receipt.
  }
  return receipt;
}

/** Signs and posts a statement of `kind` with `fields`; returns {id, receipt}. */
export async function submit(kind, fields, key) {
  const statement = await signStatement(kind, fields, key);
  const receipt = await postStatement(statement);
  return { id: receipt.statement || statement.id, receipt };
}

/** Logs in with the stored key (or `key`): signs the server's challenge; stores the cookie. */
export async function login(key) {
  const stored = key || (await requireKey());
  const { challenge } = await api("/auth/challenge", { method: "POST", body: {} });
  const statement = await signStatement("auth.login", { challenge }, stored);
  const { kind, payload, signature } = statement;
  const answer = await api("/auth/login", { method: "POST", body: { kind, payload, signature } });
  setToken(answer.token, answer.expires);
  return answer;
}

/** Logs out: forgets the token (the key stays in this browser for the next login). */
export function logout() {
  clearToken();
}
