// Plenum in the browser: bytes, base64url, canonical JSON, the page's metadata, the status line
// and the JSON API. No dependencies; nothing is fetched from anywhere but this server.

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 bytes of a string. */
export function utf8(text) {
  return encoder.encode(text);
}

/** A string from UTF-8 bytes (refuses malformed UTF-8). */
export function fromUTF8(bytes) {
  return decoder.decode(bytes);
}

/** Concatenates byte arrays (Uint8Array or ArrayBuffer). */
export function concat(...parts) {
  const arrays = parts.map((part) => (part instanceof Uint8Array ? part : new Uint8Array(part)));
  const out = new Uint8Array(arrays.reduce((sum, array) => sum + array.length, 0));
  let offset = 0;
  for (const array of arrays) {
    out.set(array, offset);
    offset += array.length;
  }
  return out;
}

/** Unpadded base64url (RFC 4648 section 5) of bytes. */
export function base64url(bytes) {
  const array = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = "";
  for (let i = 0; i < array.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, array.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Bytes of unpadded base64url text; throws on anything else (padding, +, /, stray characters). */
export function fromBase64url(text) {
  if (typeof text !== "string" || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new Error("not base64url text");
  }
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  if (base64url(out) !== text) throw new Error("not canonical base64url text");
  return out;
}

/** Lower-case hex of bytes. */
export function hex(bytes) {
  const array = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return Array.from(array, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Bytes of lower-case hex text. */
export function fromHex(text) {
  if (!/^([0-9a-f]{2})*$/.test(text)) throw new Error("not lower-case hex");
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Equal byte arrays. */
export function equalBytes(a, b) {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

/** `n` random bytes. */
export function randomBytes(n) {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** SHA-256 of bytes, as a Uint8Array. */
export async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

// Compares two strings by their UTF-8 bytes (which is code point order, not UTF-16 order).
function compareUTF8(a, b) {
  const x = Array.from(a, (c) => c.codePointAt(0));
  const y = Array.from(b, (c) => c.codePointAt(0));
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] - y[i];
  }
  return x.length - y.length;
}

/**
 * Canonical JSON as Plenum writes it (docs/protocol.md): keys sorted by their UTF-8 bytes, no
 * whitespace, integers in shortest form, only the escapes JSON requires. Values are strings,
 * integers (safe Numbers or BigInts), booleans, null, arrays and plain objects; a member whose
 * value is `undefined` is left out (an optional field without a value). A fraction, NaN or
 * infinity throws, so a payload can never carry a number with two meanings.
 */
export function canonicalJSON(value) {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    case "number":
      if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
      return Object.is(value, -0) ? "0" : String(value);
    case "object":
      if (Array.isArray(value)) return "[" + value.map(canonicalJSON).join(",") + "]";
      return (
        "{" +
        Object.keys(value)
          .filter((key) => value[key] !== undefined)
          .sort(compareUTF8)
          .map((key) => JSON.stringify(key) + ":" + canonicalJSON(value[key]))
          .join(",") +
        "}"
      );
    default:
      throw new Error(`cannot write ${typeof value} in a payload`);
  }
}

/** The content of `<meta name=NAME>`, or "". */
export function meta(name) {
  const element = document.querySelector(`meta[name="${name}"]`);
  return element ? element.getAttribute("content") || "" : "";
}

/** An error with a stable code, shown as `message (code)`. */
export class PlenumError extends Error {
  constructor(code, message, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** What to show for an error: `message (code)`. */
export function describeError(error) {
  if (error instanceof PlenumError) return `${error.message} (${error.code})`;
  if (error && error.name === "NotSupportedError") {
    return `This browser does not support Ed25519 keys in WebCrypto (${error.name})`;
  }
  const message = error && error.message ? error.message : String(error);
  return `${message} (${(error && error.code) || (error && error.name) || "error"})`;
}

function statusElement() {
  return document.getElementById("status");
}

/** Writes a message into the live region `#status` (kind: "info", "success" or "error"). */
export function showStatus(message, kind = "info") {
  const element = statusElement();
  if (!element) return;
  element.textContent = message;
  element.dataset.kind = kind;
  element.classList.toggle("error", kind === "error");
  element.classList.toggle("success", kind === "success");
}

/** Shows an error in `#status` as `message (code)` and moves focus there so it is read. */
export function showError(error) {
  showStatus(describeError(error), "error");
  const element = statusElement();
  if (element) {
    if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
    element.focus();
  }
}

const flashKey = "plenum:flash";

/** Remembers a message to show in `#status` on the next page (after a reload or navigation). */
export function flash(message, kind = "success") {
  try {
    sessionStorage.setItem(flashKey, JSON.stringify({ message, kind }));
  } catch {
    // No session storage: the message is simply not carried over.
  }
}

/** Shows the message remembered by `flash`, if any. */
export function showFlash() {
  try {
    const saved = sessionStorage.getItem(flashKey);
    if (!saved) return;
    sessionStorage.removeItem(flashKey);
    const { message, kind } = JSON.parse(saved);
    showStatus(message, kind);
  } catch {
    // Ignore a malformed or unreadable message.
  }
}

// ---- cookie ----

export const tokenCookie = "plenum_token";

/** The login token from the cookie, or "". */
export function token() {
  for (const part of document.cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === tokenCookie) return rest.join("=");
  }
  return "";
}

/** Stores the login token in the `plenum_token` cookie until `expires` (Unix ms). */
export function setToken(value, expires) {
  const maxAge = Math.max(1, Math.floor((expires - Date.now()) / 1000));
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${tokenCookie}=${value}; Path=/; Max-Age=${maxAge}; SameSite=Strict${secure}`;
}

/** Removes the login cookie. */
export function clearToken() {
  document.cookie = `${tokenCookie}=; Path=/; Max-Age=0; SameSite=Strict`;
}

// ---- the JSON API ----

/**
 * Calls the JSON API under /api/v1 and returns the parsed body. Sends the login token as a
 * bearer token too (the pages' cookie also works). An error answer throws a PlenumError with the
 * API's code and message.
 */
export async function api(path, { method = "GET", body } = {}) {
  const headers = { Accept: "application/json" };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let request = { method, headers, credentials: "same-origin" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    request.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, request);
  } catch (error) {
    throw new PlenumError("network_error", `The server could not be reached: ${error.message}`, 0);
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    if (parsed && parsed.error && parsed.error.code) {
      throw new PlenumError(parsed.error.code, parsed.error.message || "The server refused", response.status);
    }
    throw new PlenumError(`http_${response.status}`, `The server answered ${response.status} ${response.statusText}`.trim(), response.status);
  }
  if (parsed === null && text) {
    throw new PlenumError("invalid_response", "The server's answer is not JSON", response.status);
  }
  return parsed;
}

/** A safe same-site path to go to after login: `next` from the query if it is a local path. */
export function nextPath(fallback = "/") {
  const local = (path) => path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
  const next = new URLSearchParams(location.search).get("next");
  if (local(next)) return next;
  return local(fallback) ? fallback : "/";
}
