// The member's Ed25519 key, kept in IndexedDB (database `plenum`, store `keys`, record `member`)
// as a non-extractable WebCrypto key: the page can sign with it, nothing can read it out.

import { base64url, fromBase64url, PlenumError } from "./util.js";

const databaseName = "plenum";
const storeName = "keys";
const recordID = "member";
// A key replaced by joining or importing another is kept under this id rather than lost.
const previousID = "member-previous";
/** Where a key made for joining waits until the server has accepted the join. */
export const pendingID = "member-pending";

function openDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(storeName)) {
        request.result.createObjectStore(storeName, { keyPath: "id" });
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transaction(mode, work) {
  const db = await openDatabase();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const store = tx.objectStore(storeName);
      let result;
      Promise.resolve(work(store)).then((value) => (result = value), reject);
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error("the key store transaction was aborted"));
    });
  } finally {
    db.close();
  }
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The stored key `{id, privateKey, publicKey}`, or null. */
export async function storedKey() {
  try {
    const record = await transaction("readonly", (store) => request(store.get(recordID)));
    return record && record.privateKey && record.publicKey ? record : null;
  } catch (error) {
    console.warn("the key store could not be read", error);
    return null;
  }
}

/** The stored key, or a PlenumError telling the person to join or import one. */
export async function requireKey() {
  const key = await storedKey();
  if (!key) {
    throw new PlenumError("no_key", "No key is stored in this browser: join with an invitation or import your key on the login page");
  }
  return key;
}

/**
 * Stores `privateKey` (non-extractable) with its public key as the member's key (or under `id`),
 * keeping a replaced member key aside under `member-previous`.
 */
export async function storeKey(privateKey, publicKey, id = recordID) {
  await transaction("readwrite", async (store) => {
    if (id === recordID) {
      const existing = await request(store.get(recordID));
      if (existing && existing.publicKey !== publicKey) {
        store.put({ ...existing, id: previousID });
      }
    }
    store.put({ id, privateKey, publicKey });
  });
  return { id, privateKey, publicKey };
}

/** Removes the record `id` from the key store. */
export async function deleteKey(id) {
  await transaction("readwrite", (store) => {
    store.delete(id);
  });
}

/** A new Ed25519 key pair (the private key non-extractable); returns {privateKey, publicKey}. */
export async function generateKey() {
  const pair = await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
  const raw = await crypto.subtle.exportKey("raw", pair.publicKey);
  return { privateKey: pair.privateKey, publicKey: base64url(raw) };
}

const pkcs8Prefix = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

/**
 * Reads a `plenum key new` file (line 1 `plenum-secret-key-v1`, line 2 the 32-byte seed in
 * base64url) into a non-extractable key; returns {privateKey, publicKey}. The seed is imported
 * extractable once, only to read the public key (JWK `x`), then imported again non-extractable.
 */
export async function importKeyFile(text) {
  const lines = text.replace(/\r\n/g, "\n").trim().split("\n").map((line) => line.trim());
  if (lines.length !== 2 || lines[0] !== "plenum-secret-key-v1") {
    throw new PlenumError("invalid_key_file", "A key file has two lines: plenum-secret-key-v1, then the secret key");
  }
  let seed;
  try {
    seed = fromBase64url(lines[1]);
  } catch {
    seed = null;
  }
  if (!seed || seed.length !== 32) {
    throw new PlenumError("invalid_key_file", "The second line must be a 32-byte secret key in base64url");
  }
  const pkcs8 = new Uint8Array(pkcs8Prefix.length + 32);
  pkcs8.set(pkcs8Prefix);
  pkcs8.set(seed, pkcs8Prefix.length);
  const readable = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, true, ["sign"]);
  const jwk = await crypto.subtle.exportKey("jwk", readable);
  const privateKey = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, false, ["sign"]);
  pkcs8.fill(0);
  seed.fill(0);
  return { privateKey, publicKey: jwk.x };
}

/** The Ed25519 signature of `bytes` with the stored private key. */
export async function sign(privateKey, bytes) {
  return new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, privateKey, bytes));
}

/** Whether `signature` over `bytes` verifies with the raw 32-byte public key. */
export async function verify(publicKeyBytes, signature, bytes) {
  const key = await crypto.subtle.importKey("raw", publicKeyBytes, { name: "Ed25519" }, false, ["verify"]);
  return crypto.subtle.verify({ name: "Ed25519" }, key, signature, bytes);
}
