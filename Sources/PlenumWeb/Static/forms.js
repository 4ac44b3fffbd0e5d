// One payload builder per `data-statement` kind: each turns its form into the kind's fields
// (docs/protocol.md, exactly those fields and types), and says what to do once accepted.

import { readChoice } from "./ballot.js";
import { submit } from "./statements.js";
import {
  api,
  base64url,
  flash,
  fromBase64url,
  meta,
  PlenumError,
  randomBytes,
  sha256,
  showStatus,
} from "./util.js";

// ---- reading fields ----

function field(form, name) {
  return form.elements.namedItem(name);
}

/** The trimmed text of field `name` ("" when absent). */
function text(form, name) {
  const element = field(form, name);
  if (!element) return "";
  return String(element.value ?? "").trim();
}

/** Text as typed (only line endings normalized), for proposal and comment bodies. */
function body(form, name) {
  const element = field(form, name);
  if (!element) return "";
  return String(element.value ?? "").replace(/\r\n?/g, "\n");
}

function required(value, what) {
  if (value === "" || value === undefined || value === null) {
    throw new PlenumError("missing_field", `${what} is required`);
  }
  return value;
}

/** Field `name` as an integer, or `fallback` when empty (undefined: optional). */
function integer(form, name, what, fallback) {
  const value = text(form, name);
  if (value === "") {
    if (fallback === undefined) return undefined;
    return fallback;
  }
  if (!/^-?(0|[1-9][0-9]*)$/.test(value)) throw new PlenumError("invalid_value", `${what} must be a whole number`);
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new PlenumError("invalid_value", `${what} is too large`);
  return number;
}

/** Field `name` as a positive number (hours, days: fractions allowed), or undefined when empty. */
function positiveNumber(form, name, what) {
  const value = text(form, name);
  if (value === "") return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new PlenumError("invalid_value", `${what} must be a positive number`);
  return number;
}

/** An id field (64 lower-case hex), or undefined when empty. */
function optionalID(form, name) {
  const value = text(form, name);
  if (value === "") return undefined;
  if (!/^[0-9a-f]{64}$/.test(value)) throw new PlenumError("invalid_id", `${name} is not a statement id`);
  return value;
}

/** `p/q` (or a percentage `p%`) as `{num, den}`, or undefined when empty. */
function fraction(form, name, what) {
  const value = text(form, name).replace(/\s+/g, "");
  if (value === "") return undefined;
  let match = /^([0-9]+)\/([0-9]+)$/.exec(value);
  if (match) {
    const num = Number(match[1]);
    const den = Number(match[2]);
    if (Number.isSafeInteger(num) && Number.isSafeInteger(den) && num > 0 && num <= den) return { num, den };
  }
  match = /^([0-9]+)%$/.exec(value);
  if (match) {
    const num = Number(match[1]);
    if (num > 0 && num <= 100) return { num, den: 100 };
  }
  throw new PlenumError("invalid_value", `${what} must be a fraction p/q with 0 < p ≤ q (for example 1/2)`);
}

/** Every checked value of the checkboxes named `name`. */
function checked(form, name) {
  return Array.from(form.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`), (box) => box.value);
}

/** `key=value` lines as an object of strings. */
function keyValues(value, what) {
  const out = {};
  for (const raw of value.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const at = line.indexOf("=");
    if (at <= 0) throw new PlenumError("invalid_value", `${what}: each line is key=value (got "${line}")`);
    const key = line.slice(0, at).trim();
    if (key in out) throw new PlenumError("duplicate_key", `${what}: ${key} is given twice`);
    out[key] = line.slice(at + 1).trim();
  }
  return out;
}

/** Non-empty trimmed lines. */
function lines(value) {
  return value
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

// ---- what to do once a statement is accepted ----

function accepted(receipt) {
  return `Accepted (leaf ${receipt.leaf})`;
}

function reloadWith(receipt) {
  flash(accepted(receipt));
  location.reload();
}

function goTo(path, receipt) {
  flash(accepted(receipt));
  location.assign(path);
}

// ---- the builders ----

/**
 * Each builder: `fields(form)` gives the kind's payload fields (async allowed); `after(form, result,
 * extra)` runs once accepted. `kind` may be overridden by the form's `data-statement`.
 */
export const builders = {
  "member.invite": {
    async fields(form) {
      const secret = randomBytes(32);
      const roles = checked(form, "roles");
      if (!roles.includes("member")) roles.unshift("member");
      const days = positiveNumber(form, "days", "Days until the invitation lapses") ?? 7;
      const fields = {
        code: base64url(await sha256(secret)),
        name: required(text(form, "name"), "The invitee's name"),
        roles: ["member", "steward", "auditor"].filter((role) => roles.includes(role)),
        weight: integer(form, "weight", "The weight", 1),
        expires: Date.now() + Math.round(days * 86_400_000),
      };
      return { fields, extra: { secret: base64url(secret), name: fields.name } };
    },
    after(form, { receipt }, extra) {
      const link = `${location.origin}/join#secret=${extra.secret}`;
      const target = document.getElementById("invite-link");
      if (target) {
        target.textContent = "";
        const intro = document.createElement("p");
        intro.textContent = `Send ${extra.name} this link (it is shown only once):`;
        const anchor = document.createElement("a");
        anchor.href = link;
        anchor.textContent = link;
        anchor.className = "invite-url";
        anchor.dataset.secret = extra.secret;
        // A long link with no spaces must wrap rather than widen a phone-width page.
        anchor.style.overflowWrap = "anywhere";
        anchor.style.wordBreak = "break-all";
        const paragraph = document.createElement("p");
        paragraph.append(anchor);
        target.append(intro, paragraph);
        target.hidden = false;
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus();
      }
      showStatus(`${accepted(receipt)}: ${extra.name} is invited`, "success");
      form.reset();
    },
  },

  "member.suspend": {
    fields(form) {
      let reason = text(form, "reason");
      if (!reason) {
        reason = (window.prompt("Why is this member suspended?") || "").trim();
      }
      return {
        fields: { member: required(text(form, "member"), "The member"), reason: required(reason, "A reason") },
      };
    },
    after: (form, { receipt }) => reloadWith(receipt),
  },

  "member.reinstate": {
    fields: (form) => ({ fields: { member: required(text(form, "member"), "The member") } }),
    after: (form, { receipt }) => reloadWith(receipt),
  },

  "proposal.create": {
    fields: (form) => ({
      fields: {
        title: required(text(form, "title"), "A title"),
        text: required(body(form, "text").trim() === "" ? "" : body(form, "text"), "The text"),
      },
    }),
    after: (form, { id, receipt }) => goTo(`/proposals/${id}`, receipt),
  },

  "proposal.revise": {
    fields(form) {
      const summary = text(form, "summary");
      return {
        fields: {
          proposal: required(optionalID(form, "proposal"), "The proposal"),
          parent: required(optionalID(form, "parent"), "The revision revised"),
          title: required(text(form, "title"), "A title"),
          text: required(body(form, "text").trim() === "" ? "" : body(form, "text"), "The text"),
          summary: summary === "" ? undefined : summary,
        },
      };
    },
    after: (form, { receipt }) => reloadWith(receipt),
  },

  "comment.post": {
    fields: (form) => ({
      fields: {
        proposal: required(optionalID(form, "proposal"), "The proposal"),
        replyTo: optionalID(form, "replyTo"),
        stance: text(form, "stance") || "neutral",
        text: required(body(form, "text").trim() === "" ? "" : body(form, "text"), "The comment"),
      },
    }),
    after: (form, { receipt }) => reloadWith(receipt),
  },

  "round.open": {
    async fields(form) {
      const proposal = optionalID(form, "proposal");
      let revision;
      if (proposal) {
        const details = await api(`/proposals/${proposal}`);
        revision = details.current;
      }
      const electorate = await api("/electorate");
      const method = required(text(form, "method"), "The method");
      const options = lines(body(form, "options"));
      if (options.length === 0) throw new PlenumError("missing_field", "Give at least one option, one per line");
      const hours = positiveNumber(form, "closesInHours", "Closes in hours");
      const fields = {
        proposal,
        revision,
        question: required(text(form, "question"), "The question"),
        method,
        options,
        seats: integer(form, "seats", "Seats", 1),
        parameters: keyValues(body(form, "parameters"), "Parameters"),
        tieBreak: text(form, "tieBreak") || "order",
        closes: hours === undefined ? undefined : Date.now() + Math.round(hours * 3_600_000),
        quorum: fraction(form, "quorum", "The quorum"),
        threshold: fraction(form, "threshold", "The threshold"),
        visibility: text(form, "visibility") || "hidden",
        electorate: electorate.commitment,
        voters: electorate.voters,
      };
      const budget = body(form, "budget");
      if (budget.trim() !== "") {
        // `total=N` then `option=cost` lines.
        const values = keyValues(budget, "Budget");
        const toInteger = (value, what) => {
          if (!/^(0|[1-9][0-9]*)$/.test(value)) throw new PlenumError("invalid_value", `${what} must be a whole number`);
          return Number(value);
        };
        const costs = {};
        for (const [key, value] of Object.entries(values)) {
          if (key !== "total") costs[key] = toInteger(value, `The cost of ${key}`);
        }
        fields.budget = { total: toInteger(required(values.total, "The budget's total"), "The budget's total"), costs };
      }
      return { fields };
    },
    after: (form, { id, receipt }) => goTo(`/rounds/${id}`, receipt),
  },

  "round.close": {
    fields: (form) => ({ fields: { round: required(optionalID(form, "round"), "The round") } }),
    after: (form, { receipt }) => reloadWith(receipt),
  },

  "ballot.cast": {
    async fields(form) {
      const round = required(optionalID(form, "round"), "The round");
      const revision = optionalID(form, "revision") ?? null;
      const { choice, reasons } = readChoice(form);
      const fields = {
        round,
        revision,
        sequence: integer(form, "sequence", "The sequence", 1),
        ...choice,
      };
      return { fields, extra: { round, reasons } };
    },
    async after(form, { receipt }, extra) {
      const objections = Object.entries(extra.reasons);
      if (objections.length > 0) {
        // The reasons for objections and blocks go to the round's proposal thread.
        const round = await api(`/rounds/${extra.round}`);
        const proposal = round.open && round.open.proposal;
        if (proposal) {
          for (const [option, { stance, reason }] of objections) {
            await submit("comment.post", { proposal, stance: "against", text: `${stance} on ${option}: ${reason}` });
          }
        }
      }
      reloadWith(receipt);
    },
  },

  "share.contribution": {
    fields(form) {
      const note = text(form, "note");
      return {
        fields: {
          pool: required(optionalID(form, "pool"), "The pool"),
          member: text(form, "member") || required(meta("plenum-member"), "The member"),
          amount: required(text(form, "amount"), "The amount"),
          period: integer(form, "period", "The period"),
          note: note === "" ? undefined : note,
        },
      };
    },
    after: (form, { receipt }) => reloadWith(receipt),
  },

  "member.join": {
    // The join page's form is wired in plenum.js (it makes a key first); this reads its fields.
    fields(form) {
      const secretText = (field(form, "secret") || document.getElementById("join-secret") || {}).value || "";
      let secret;
      try {
        secret = fromBase64url(secretText.trim());
      } catch {
        secret = null;
      }
      if (!secret || secret.length !== 32) {
        throw new PlenumError("invalid_value", "The invitation secret must be the 43 characters after #secret= in your link");
      }
      const name = ((field(form, "name") || document.getElementById("join-name") || {}).value || "").trim();
      return { fields: { secret: secretText.trim(), name: required(name, "Your name") } };
    },
    after: () => {},
  },
};

/** Signs and posts the statement a `data-statement` form describes, then runs its follow-up. */
export async function submitForm(form) {
  const kind = form.dataset.statement;
  const builder = builders[kind];
  if (!builder) throw new PlenumError("unknown_kind", `The page asks for a statement this script does not know: ${kind}`);
  const { fields, extra } = await builder.fields(form);
  const result = await submit(kind, fields);
  await builder.after(form, result, extra || {});
  return result;
}
