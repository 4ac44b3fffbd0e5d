// Checks the browser modules' bytes with Node (v20+, WebCrypto Ed25519): canonical JSON, the
// protocol's worked example signed byte for byte, a `plenum key new` file import, and the RFC 9162
// proofs against a tree built here. Run: node Tests/Web/unit.mjs
import assert from "node:assert/strict";
import { webcrypto } from "node:crypto";

if (!globalThis.crypto) globalThis.crypto = webcrypto;
const dir = new URL("../../Sources/PlenumWeb/Static/", import.meta.url);
const util = await import(new URL("util.js", dir));
const keys = await import(new URL("keys.js", dir));
const statements = await import(new URL("statements.js", dir));
const receipts = await import(new URL("receipts.js", dir));

// Canonical JSON.
assert.equal(util.canonicalJSON({ b: 1, a: [null, "x", { d: -2, c: true }], u: undefined }), '{"a":[null,"x",{"c":true,"d":-2}],"b":1}');
assert.equal(util.canonicalJSON({ "\u{1F600}": 1, "\uFFFF": 2 }), '{"\uFFFF":2,"\u{1F600}":1}');
assert.throws(() => util.canonicalJSON({ a: 1.5 }));
assert.equal(util.canonicalJSON({ t: "line\nnext \"q\" é/" }), '{"t":"line\\nnext \\"q\\" é/"}');
assert.equal(util.base64url(util.fromBase64url("AAECAwQFBgcICQoLDA0ODw")), "AAECAwQFBgcICQoLDA0ODw");
assert.throws(() => util.fromBase64url("AAE="));

// The worked example of docs/protocol.md.
const seed = util.base64url(Uint8Array.from({ length: 32 }, (_, i) => i));
const key = await keys.importKeyFile(`plenum-secret-key-v1\n${seed}\n`);
assert.equal(key.publicKey, "A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg");
const payload = util.canonicalJSON({ text: "Hello, Plenum!", org: "acme", nonce: "AAECAwQFBgcICQoLDA0ODw", created: 1795000000000, author: key.publicKey });
assert.equal(payload, '{"author":"A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg","created":1795000000000,"nonce":"AAECAwQFBgcICQoLDA0ODw","org":"acme","text":"Hello, Plenum!"}');
const signed = statements.signedBytes("example.note", util.utf8(payload));
assert.equal(signed.length, 173);
assert.equal(util.hex(signed), "706c656e756d2f76312f6578616d706c652e6e6f7465007b22617574686f72223a2241364548765f504f454c3464634e3059353076416d57666b316a436270513166486479475a424a564d6267222c2263726561746564223a313739353030303030303030302c226e6f6e6365223a2241414543417751464267634943516f4c4441304f4477222c226f7267223a2261636d65222c2274657874223a2248656c6c6f2c20506c656e756d21227d");
const signature = await keys.sign(key.privateKey, signed);
assert.equal(util.base64url(signature), "XiPimEkq-J6Oiw7RfrlIJnSzDSW__saoLKET1rgYSJtVoYYhVtihTsXkIWo-5j-thhno_3afdeuiAdncSvr_Bg");
assert.equal(await statements.statementID("example.note", util.utf8(payload)), "5d19ffc34374d9c713422f35b113bba0f442a4de88715e64d5a46bf263cae9a2");
assert.ok(await keys.verify(util.fromBase64url(key.publicKey), signature, signed));
await assert.rejects(keys.importKeyFile("plenum-secret-key-v1\nAAAA\n"));

// RFC 9162 trees: every inclusion and consistency proof of trees up to 20 leaves.
const leaves = [];
for (let i = 0; i < 20; i++) leaves.push(await receipts.leafHash(util.utf8(`entry ${i}`)));
function split(n) {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
async function root(hashes) {
  if (hashes.length === 1) return hashes[0];
  const k = split(hashes.length);
  return receipts.nodeHash(await root(hashes.slice(0, k)), await root(hashes.slice(k)));
}
async function path(m, hashes) {
  if (hashes.length === 1) return [];
  const k = split(hashes.length);
  if (m < k) return [...(await path(m, hashes.slice(0, k))), await root(hashes.slice(k))];
  return [...(await path(m - k, hashes.slice(k))), await root(hashes.slice(0, k))];
}
async function subproof(m, hashes, complete) {
  const n = hashes.length;
  if (m === n) return complete ? [] : [await root(hashes)];
  const k = split(n);
  if (m <= k) return [...(await subproof(m, hashes.slice(0, k), complete)), await root(hashes.slice(k))];
  return [...(await subproof(m - k, hashes.slice(k), false)), await root(hashes.slice(0, k))];
}
for (let n = 1; n <= 20; n++) {
  const r = await root(leaves.slice(0, n));
  for (let m = 0; m < n; m++) {
    const p = await path(m, leaves.slice(0, n));
    await receipts.verifyInclusion(m, n, leaves[m], p, r);
    if (p.length > 0) await assert.rejects(receipts.verifyInclusion(m, n, leaves[m], p.slice(1), r));
    await assert.rejects(receipts.verifyInclusion(m, n, leaves[(m + 1) % 20], p, r));
  }
  await assert.rejects(receipts.verifyInclusion(n, n, leaves[0], [], r));
  for (let m = 1; m <= n; m++) {
    const r1 = await root(leaves.slice(0, m));
    const p = m === n ? [] : await subproof(m, leaves.slice(0, n), true);
    await receipts.verifyConsistency(m, n, r1, r, p);
    if (m < n) {
      await assert.rejects(receipts.verifyConsistency(m, n, r, r, p));
      await assert.rejects(receipts.verifyConsistency(m, n, r1, r, p.slice(0, -1)));
    }
  }
}
console.log("web unit checks passed");
