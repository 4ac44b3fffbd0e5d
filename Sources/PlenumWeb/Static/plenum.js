// Plenum's pages in the browser. The member's Ed25519 key lives in this browser (IndexedDB,
// non-extractable); every action is a statement signed here with exactly the bytes
// docs/protocol.md defines and posted to the JSON API; the server never sees a secret key.
//
// Modules: util.js (bytes, base64url, canonical JSON, #status, the API), keys.js (the key store),
// statements.js (signing, posting, login), forms.js (a payload builder per data-statement kind),
// ballot.js (the ballot widgets), receipts.js (RFC 9162 proofs and checkpoint signatures).

import { setUpBallot } from "./ballot.js";
import { builders, submitForm } from "./forms.js";
import { deleteKey, generateKey, importKeyFile, pendingID, storedKey, storeKey } from "./keys.js";
import { verifyReceipt } from "./receipts.js";
import { login, logout, submit } from "./statements.js";
import { describeError, flash, nextPath, showError, showFlash, showStatus } from "./util.js";

export * from "./util.js";
export * from "./keys.js";
export * from "./statements.js";
export * from "./receipts.js";
export { builders, submitForm } from "./forms.js";
export { readChoice, setUpBallot } from "./ballot.js";

function page() {
  const main = document.querySelector("main[data-page]");
  return main ? main.dataset.page : "";
}

/** Runs `work` with the form's submit buttons disabled and the form marked busy. */
async function busy(element, work) {
  const buttons = element.matches("form")
    ? Array.from(element.querySelectorAll('button:not([type=button]), input[type=submit]'))
    : [element];
  for (const button of buttons) button.disabled = true;
  element.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    for (const button of buttons) button.disabled = false;
    element.removeAttribute("aria-busy");
  }
}

// ---- statement forms ----

function setUpStatementForms() {
  for (const form of document.querySelectorAll("form[data-statement]")) {
    if (form.id === "join-form") continue;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (form.getAttribute("aria-busy") === "true") return;
      if (!form.checkValidity()) {
        form.reportValidity();
        return;
      }
      showStatus("Signing…");
      try {
        await busy(form, () => submitForm(form));
      } catch (error) {
        showError(error);
      }
    });
  }
}

// ---- login, logout, join ----

async function finishLogin(key) {
  showStatus("Logging in…");
  const answer = await login(key);
  flash(`Logged in as ${answer.member}`);
  const main = document.querySelector("main[data-next]");
  location.assign(nextPath(main && main.dataset.next ? main.dataset.next : "/"));
}

async function setUpLogin() {
  const loginButton = document.getElementById("login-button");
  const importButton = document.getElementById("import-button");
  const importField = document.getElementById("import-key");
  const key = await storedKey();
  if (loginButton) {
    loginButton.hidden = !key;
    const section = document.getElementById("login-stored");
    if (section) section.hidden = !key;
    if (key) {
      loginButton.dataset.key = key.publicKey;
      loginButton.addEventListener("click", async (event) => {
        event.preventDefault();
        try {
          await busy(loginButton, () => finishLogin(key));
        } catch (error) {
          showError(error);
        }
      });
    }
  }
  if (key) {
    const note = document.getElementById("stored-key");
    if (note) note.textContent = key.publicKey;
  } else if (importField && document.activeElement === document.body) {
    importField.focus();
  }
  if (importButton && importField) {
    importButton.addEventListener("click", async (event) => {
      event.preventDefault();
      try {
        await busy(importButton, async () => {
          const imported = await importKeyFile(importField.value);
          importField.value = "";
          const stored = await storeKey(imported.privateKey, imported.publicKey);
          showStatus(`Key imported: ${stored.publicKey}`);
          await finishLogin(stored);
        });
      } catch (error) {
        showError(error);
        importField.focus();
      }
    });
  }
}

function setUpLogout() {
  const button = document.getElementById("logout");
  if (!button) return;
  button.addEventListener("click", (event) => {
    event.preventDefault();
    logout();
    flash("Logged out", "info");
    location.assign("/login");
  });
}

function secretFromFragment() {
  const fragment = location.hash.startsWith("#") ? location.hash.slice(1) : location.hash;
  return new URLSearchParams(fragment).get("secret") || "";
}

function setUpJoin() {
  const form = document.getElementById("join-form");
  if (!form) return;
  const secretField = document.getElementById("join-secret");
  const secret = secretFromFragment();
  if (secretField && secret && !secretField.value) secretField.value = secret;
  // The secret stays out of the address bar (and the history) once read.
  if (secret) history.replaceState(null, "", location.pathname + location.search);
  const nameField = document.getElementById("join-name");
  if (secret && nameField) nameField.focus();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!form.checkValidity()) {
      form.reportValidity();
      return;
    }
    try {
      await busy(form, async () => {
        const { fields } = builders["member.join"].fields(form);
        showStatus("Making your key…");
        const generated = await generateKey();
        // Kept aside before joining: the key becomes the member id, so it must not be lost if the
        // answer is; it becomes this browser's member key only once the join is accepted.
        await storeKey(generated.privateKey, generated.publicKey, pendingID);
        showStatus("Joining…");
        const { receipt } = await submit("member.join", fields, generated);
        const key = await storeKey(generated.privateKey, generated.publicKey);
        await deleteKey(pendingID);
        showStatus(`Joined (leaf ${receipt.leaf})`, "success");
        await finishLogin(key);
      });
    } catch (error) {
      showError(error);
    }
  });
}

// ---- threads ----

function setUpReplies() {
  const form = document.getElementById("comment-form");
  if (!form) return;
  for (const button of document.querySelectorAll("button.reply")) {
    if (!button.getAttribute("type")) button.type = "button";
    button.addEventListener("click", (event) => {
      event.preventDefault();
      const comment = button.closest("[data-id]");
      const id = button.dataset.replyTo || button.dataset.comment || button.dataset.id || (comment && comment.dataset.id);
      let replyTo = form.elements.namedItem("replyTo");
      if (!replyTo) {
        replyTo = document.createElement("input");
        replyTo.type = "hidden";
        replyTo.name = "replyTo";
        form.append(replyTo);
      }
      replyTo.value = id || "";
      const author = comment && comment.querySelector(".comment-author, .author");
      const message = `Replying to ${author ? author.textContent.trim() : "the comment"}`;
      const note = document.getElementById("replying-to");
      if (note) {
        note.textContent = message;
        note.hidden = false;
      }
      showStatus(message);
      const textField = form.elements.namedItem("text");
      if (textField) textField.focus();
    });
  }
}

// ---- receipts ----

function receiptStatus(button) {
  const holder = button.closest("tr, li, article, section, div") || button.parentElement;
  let status = holder && holder.querySelector(".receipt-status");
  if (!status) {
    status = document.createElement("span");
    status.className = "receipt-status";
    status.setAttribute("role", "status");
    button.after(status);
  }
  return status;
}

function setUpReceipts() {
  for (const button of document.querySelectorAll("button.verify-receipt")) {
    if (!button.getAttribute("type")) button.type = "button";
    button.addEventListener("click", async (event) => {
      event.preventDefault();
      const status = receiptStatus(button);
      status.textContent = "Verifying…";
      delete status.dataset.result;
      try {
        const message = await busy(button, () => verifyReceipt(button.dataset.statement));
        status.textContent = message;
        status.dataset.result = "verified";
        status.classList.remove("error");
        showStatus(`Receipt ${button.dataset.statement.slice(0, 12)}… ${message}`, "success");
      } catch (error) {
        status.textContent = `failed: ${describeError(error)}`;
        status.dataset.result = "failed";
        status.classList.add("error");
        showError(error);
      }
      button.focus();
    });
  }
}

// ---- start ----

// A page without an icon makes the browser ask for /favicon.ico, which the server does not have
// (a 404 in the console); an empty icon stops that.
function addEmptyIcon() {
  if (document.querySelector('link[rel~="icon"]')) return;
  const icon = document.createElement("link");
  icon.rel = "icon";
  icon.href = "data:,";
  document.head.append(icon);
}

async function start() {
  addEmptyIcon();
  showFlash();
  setUpLogout();
  setUpStatementForms();
  setUpBallot();
  setUpReplies();
  setUpReceipts();
  switch (page()) {
    case "login":
      await setUpLogin();
      break;
    case "join":
      setUpJoin();
      break;
    default:
      break;
  }
  document.documentElement.dataset.plenumReady = "true";
}

start().catch((error) => showError(error));
