// The ballot widgets on a round's page (`div#ballot[data-shape]`) and the choice they give:
// ranking (drag and drop, up/down buttons, Alt+ArrowUp/Down, include checkboxes), approval,
// scores and grades, point budgets with a live remainder, consent stances with reasons.

import { PlenumError, showStatus } from "./util.js";

function optionName(item) {
  return item.dataset.option;
}

function optionLabel(item) {
  const label = item.querySelector("label, .option-name");
  return (label ? label.textContent : item.dataset.option).trim();
}

function rankingItems(list) {
  return Array.from(list.children).filter((child) => child.matches("li[data-option]"));
}

function announce(list, item) {
  const items = rankingItems(list);
  const position = items.indexOf(item) + 1;
  showStatus(`${optionLabel(item)}: position ${position} of ${items.length}`);
}

function updateRankingButtons(list) {
  const items = rankingItems(list);
  items.forEach((item, index) => {
    const up = item.querySelector("button.up");
    const down = item.querySelector("button.down");
    if (up) up.setAttribute("aria-disabled", index === 0 ? "true" : "false");
    if (down) down.setAttribute("aria-disabled", index === items.length - 1 ? "true" : "false");
    item.dataset.position = String(index + 1);
  });
}

/** Moves `item` one place up (-1) or down (+1); returns whether it moved. */
function move(list, item, direction) {
  const items = rankingItems(list);
  const index = items.indexOf(item);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= items.length) return false;
  if (direction < 0) list.insertBefore(item, items[target]);
  else list.insertBefore(item, items[target].nextSibling);
  updateRankingButtons(list);
  return true;
}

function setUpRanking(list) {
  let dragged = null;
  for (const item of rankingItems(list)) {
    item.draggable = true;
    if (!item.hasAttribute("tabindex")) item.tabIndex = 0;
    if (!item.hasAttribute("aria-roledescription")) item.setAttribute("aria-roledescription", "sortable option");
    const up = item.querySelector("button.up");
    const down = item.querySelector("button.down");
    for (const [button, direction] of [
      [up, -1],
      [down, 1],
    ]) {
      if (!button) continue;
      if (!button.getAttribute("type")) button.type = "button";
      button.addEventListener("click", (event) => {
        event.preventDefault();
        if (move(list, item, direction)) {
          announce(list, item);
        }
        // Keep the focus on the same button, now in its new place; at an end, move to the other.
        const same = direction < 0 ? item.querySelector("button.up") : item.querySelector("button.down");
        const other = direction < 0 ? item.querySelector("button.down") : item.querySelector("button.up");
        const items = rankingItems(list);
        const atEnd = direction < 0 ? items[0] === item : items[items.length - 1] === item;
        (atEnd && other ? other : same || item).focus();
      });
    }
    item.addEventListener("keydown", (event) => {
      if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
      event.preventDefault();
      // Moving the item takes the focus from whatever in it had it; give it back.
      const focused = document.activeElement && item.contains(document.activeElement) ? document.activeElement : item;
      if (move(list, item, event.key === "ArrowUp" ? -1 : 1)) announce(list, item);
      focused.focus();
    });
    item.addEventListener("dragstart", (event) => {
      dragged = item;
      item.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", optionName(item));
    });
    item.addEventListener("dragend", () => {
      item.classList.remove("dragging");
      dragged = null;
      updateRankingButtons(list);
    });
    item.addEventListener("dragover", (event) => {
      if (!dragged || dragged === item) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      const box = item.getBoundingClientRect();
      const after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? item.nextSibling : item);
    });
    item.addEventListener("drop", (event) => {
      event.preventDefault();
      if (dragged) {
        updateRankingButtons(list);
        announce(list, dragged);
      }
    });
  }
  updateRankingButtons(list);
}

function budgetInputs(container) {
  return Array.from(container.querySelectorAll('input[name^="score:"]'));
}

function updateRemaining(container) {
  const output = document.getElementById("remaining");
  const budget = Number(container.dataset.budget);
  if (!output || !Number.isFinite(budget)) return;
  let spent = 0;
  for (const input of budgetInputs(container)) {
    const value = input.value.trim() === "" ? 0 : Number(input.value);
    if (Number.isFinite(value)) spent += Math.abs(value);
  }
  const remaining = budget - spent;
  output.value = String(remaining);
  output.textContent = String(remaining);
  output.classList.toggle("over", remaining < 0);
  output.dataset.over = remaining < 0 ? "true" : "false";
}

function isBlockingStance(value) {
  return value === "object" || value === "block";
}

function setUpStances(container) {
  const radios = Array.from(container.querySelectorAll('input[type=radio][name^="stance:"]'));
  const update = (name) => {
    const option = name.slice("stance:".length);
    const chosen = container.querySelector(`input[type=radio][name="${CSS.escape(name)}"]:checked`);
    const reason = container.querySelector(`textarea[name="${CSS.escape(`reason:${option}`)}"]`);
    if (!reason) return;
    const required = chosen ? isBlockingStance(chosen.value) : false;
    reason.required = required;
    reason.setAttribute("aria-required", required ? "true" : "false");
    const wrapper = reason.closest(".reason");
    if (wrapper) wrapper.classList.toggle("required", required);
  };
  const names = new Set(radios.map((radio) => radio.name));
  for (const radio of radios) radio.addEventListener("change", () => update(radio.name));
  for (const name of names) update(name);
}

/** Wires the widget in `#ballot`, if the page has one. */
export function setUpBallot() {
  const container = document.getElementById("ballot");
  if (!container) return;
  const shape = container.dataset.shape;
  if (shape === "ranking") {
    const list = document.getElementById("ranking");
    if (list) setUpRanking(list);
  } else if (shape === "scores" && container.dataset.budget !== undefined) {
    for (const input of budgetInputs(container)) input.addEventListener("input", () => updateRemaining(container));
    updateRemaining(container);
  } else if (shape === "stances") {
    setUpStances(container);
  }
}

function integer(text, what) {
  const trimmed = String(text).trim();
  if (!/^-?(0|[1-9][0-9]*)$/.test(trimmed)) throw new PlenumError("invalid_value", `${what} must be a whole number`);
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) throw new PlenumError("invalid_value", `${what} is too large`);
  return value === 0 ? 0 : value;
}

/**
 * The ballot's choice from the widget, as the one payload field it sets: {ranking: [...]} or
 * {approve: [...]} or {scores: {...}} or {stances: {...}}. Also returns `reasons`: the reason
 * given for each objected or blocked option (consent), to post as comments.
 */
export function readChoice(form) {
  const container = document.getElementById("ballot") || form;
  const shape = container.dataset.shape;
  switch (shape) {
    case "ranking": {
      const list = document.getElementById("ranking");
      const ranking = rankingItems(list)
        .filter((item) => {
          const include = item.querySelector("input.rank-include");
          return include ? include.checked : true;
        })
        .map(optionName);
      if (ranking.length === 0) throw new PlenumError("empty_ballot", "Include at least one option in your ranking");
      return { choice: { ranking }, reasons: {} };
    }
    case "approve": {
      const approve = Array.from(container.querySelectorAll('input[type=checkbox][name="approve"]:checked'), (box) => box.value);
      return { choice: { approve }, reasons: {} };
    }
    case "scores": {
      const scores = {};
      for (const input of container.querySelectorAll('[name^="score:"]')) {
        if (input.type === "radio" && !input.checked) continue;
        const name = input.name.slice("score:".length);
        if (String(input.value).trim() === "") continue;
        scores[name] = integer(input.value, `The score for ${name}`);
      }
      if (container.dataset.budget !== undefined) {
        const budget = Number(container.dataset.budget);
        const spent = Object.values(scores).reduce((sum, value) => sum + Math.abs(value), 0);
        if (Number.isFinite(budget) && spent > budget) {
          throw new PlenumError("over_limit", `You spent ${spent} of a budget of ${budget}`);
        }
      }
      return { choice: { scores }, reasons: {} };
    }
    case "stances": {
      const stances = {};
      const reasons = {};
      for (const radio of container.querySelectorAll('input[type=radio][name^="stance:"]:checked')) {
        const option = radio.name.slice("stance:".length);
        stances[option] = radio.value;
        if (isBlockingStance(radio.value)) {
          const field = container.querySelector(`textarea[name="${CSS.escape(`reason:${option}`)}"]`);
          const reason = field ? field.value.trim() : "";
          if (!reason) {
            if (field) field.focus();
            throw new PlenumError("missing_reason", `Give a reason for your ${radio.value} on ${option}`);
          }
          reasons[option] = { stance: radio.value, reason };
        }
      }
      return { choice: { stances }, reasons };
    }
    default:
      throw new PlenumError("wrong_shape", `This page has no ballot widget (shape ${shape || "missing"})`);
  }
}
