// Drives the Microsoft 365 Agents Playground web UI (0.2.28) with playwright-core in Debian's Chromium.
// The UI is Fluent UI with hashed class names; the selectors below use what is stable in it: roles and
// aria-labels (the bot's avatar, "Show more information", "Send Message"), the Lexical editor attribute and the
// adaptivecards renderer's "ac-*" classes. See tests/EndToEnd/README.md for what the playground sends.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

export const PLAYGROUND_URL = process.env.PLAYGROUND_URL ?? "http://127.0.0.1:56150/";
export const BOT_NAME = process.env.E2E_BOT_NAME ?? "ExpertBot"; // bot.name in playground/m365agentsplayground.yml
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? path.resolve(import.meta.dirname, "..", "artifacts");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const REPLY_TIMEOUT = Number(process.env.E2E_REPLY_TIMEOUT_MS ?? 20_000);

// Without the background-networking flags Chromium keeps dialling Google on this closed network.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

const CARD = ".ac-adaptiveCard";
const EDITOR = "[data-lexical-editor=true][role=textbox]";

/**
 * Opens the playground UI in a fresh headless Chromium profile and waits for "Connected.".
 * Loading the UI is what makes the playground send installationUpdate(add) + conversationUpdate(membersAdded)
 * for the personal chat. Returns { context, page, name, close() }.
 */
export async function openPlayground(name = "session", { url = PLAYGROUND_URL } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-chromium-"));
  // Playwright refuses --user-data-dir in args; a persistent context with a new empty directory is the same thing.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 1000 }, locale: "nl-NL",
  });
  // Only loopback: the UI asks a CDN for fonts, which fails offline anyway.
  await context.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleLog = [];
  page.on("console", (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
  page.on("pageerror", (e) => consoleLog.push(`[pageerror] ${e.message}`));
  await page.goto(url);
  await page.getByText("Connected.", { exact: true }).first().waitFor({ timeout: 30_000 });
  await page.locator(EDITOR).first().waitFor();
  return {
    context, page, name,
    async close({ failed = false } = {}) {
      try {
        if (failed) await screenshot(page, `${name}-failed`);
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        fs.writeFileSync(path.join(ARTIFACTS, `${safe(name)}-console.log`), consoleLog.join("\n") + "\n");
      } finally {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/** Saves a full-page PNG under artifacts/screenshots/ and returns its path. */
export async function screenshot(page, name) {
  const dir = path.join(ARTIFACTS, "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${safe(name)}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Finds the bot's messages in the open conversation, tags each with data-e2e-msg="<n>" and returns
 * [{ id, text, card }]. Works for chat transcripts and for channel posts/thread replies (newest post first there):
 * a message is the nearest ancestor of a bot avatar that also holds the message menu and a body (<p> or a card).
 */
async function botMessages(page, botName = BOT_NAME) {
  return page.evaluate(({ botName, cardSel }) => {
    const main = document.querySelector("[data-lexical-editor]")?.closest("main") ?? document.body;
    const tree = (el) => el.closest("[role=tree], [role=listbox], [role=menu]");
    const found = [];
    for (const avatar of main.querySelectorAll(`span[role=img][aria-label="${CSS.escape(botName)}"]`)) {
      if (tree(avatar)) continue;
      let el = avatar.parentElement;
      while (el && el !== main && !(el.querySelector('button[aria-label="Show more information"]') && el.querySelector(`p, ${cardSel}`))) {
        el = el.parentElement;
      }
      if (el && el !== main && !found.includes(el)) found.push(el);
    }
    document.querySelectorAll("[data-e2e-msg]").forEach((e) => e.removeAttribute("data-e2e-msg"));
    return found.map((el, i) => {
      el.setAttribute("data-e2e-msg", String(i));
      // A top-level channel post also holds its reply box; the card/paragraph text is what the bot sent.
      return { id: i, text: el.innerText.replace(/\s+/g, " ").trim(), card: !!el.querySelector(cardSel) };
    });
  }, { botName, cardSel: CARD });
}

/** What the bot has said so far in the open conversation; pass it as `since` to wait only for newer messages. */
export async function snapshot(page) {
  return (await botMessages(page)).map((m) => m.text);
}

/** The composer: in a channel the "Start a new post" box and its Post button, in a chat the message box. */
function composer(page) {
  const post = page.getByRole("button", { name: "Post", exact: true });
  return {
    editor: page.locator(EDITOR).first(),
    async send() {
      if (await post.count()) await post.click();
      else await page.getByRole("button", { name: "Send Message" }).first().click();
    },
  };
}

/** Types `text` into the composer and sends it (a new post in a channel). Returns a snapshot from before sending. */
export async function sendMessage(page, text) {
  const since = await snapshot(page);
  const { editor, send } = composer(page);
  await editor.click();
  await editor.pressSequentially(text);
  await send();
  return since;
}

/**
 * Sends "@<bot> text": types "@", picks the bot in the mention menu, then the text. In group chats and channels
 * the playground (like Teams) delivers a message to the bot only when it carries this mention; the bot receives
 * text "<at>ExpertBot</at> text" and a mention entity.
 */
export async function sendMention(page, text, { botName = BOT_NAME } = {}) {
  const since = await snapshot(page);
  const { editor, send } = composer(page);
  await editor.click();
  await page.keyboard.type("@");
  // The menu item's accessible name repeats the name (avatar label + text), so match on its text.
  await page.getByRole("menuitem").filter({ hasText: new RegExp(`^\\s*${escapeRegExp(botName)}\\s*$`) }).first().click();
  await editor.pressSequentially(` ${text}`);
  await send();
  return since;
}

/**
 * Waits for a bot message that is not in `since` (a snapshot; all messages when omitted) and contains `contains`
 * (string or RegExp; any text when omitted) and, with `card: true`, holds an Adaptive Card. Returns its Locator.
 */
export async function waitForBotReply(page, { since = [], contains, card = false, timeout = REPLY_TIMEOUT } = {}) {
  const matches = (text) => contains === undefined ? true
    : contains instanceof RegExp ? contains.test(text) : text.includes(contains);
  const deadline = Date.now() + timeout;
  let fresh = [];
  while (Date.now() < deadline) {
    const old = [...since];
    fresh = (await botMessages(page)).filter((m) => {
      const i = old.indexOf(m.text);
      if (i < 0) return true;
      old.splice(i, 1);
      return false;
    });
    const hit = fresh.find((m) => (!card || m.card) && matches(m.text));
    if (hit) return page.locator(`[data-e2e-msg="${hit.id}"]`);
    await page.waitForTimeout(250);
  }
  const what = `${card ? "a card" : "a message"}${contains === undefined ? "" : ` containing ${contains}`}`;
  throw new Error(`no bot reply with ${what} within ${timeout} ms; new bot messages: ${JSON.stringify(fresh.map((m) => m.text))}`);
}

/** Sends `text` and waits for the matching reply (see waitForBotReply). */
export async function ask(page, text, expect = {}) {
  const since = await sendMessage(page, text);
  return waitForBotReply(page, { since, ...expect });
}

/**
 * Clicks a card button on the newest card that has it (or inside `within`, e.g. a reply Locator; pass it in
 * channels, where the newest post is on top). `title` (string or RegExp) matches the button's title, tooltip or
 * text, or the text of the row the button sits in (cards show a long choice as text beside a short "Kies"
 * button). A string ending in "…" or "..." matches as a prefix. Action.Submit reaches the bot as a `message`
 * with `value` (data + inputs) and no text; Action.Execute as an `invoke` named `adaptiveCard/action`.
 * Returns a snapshot from before the click, for waitForBotReply.
 */
export async function clickCardButton(page, title, { within } = {}) {
  const since = await snapshot(page);
  const scope = within ?? page.locator("body");
  const pattern = title instanceof RegExp ? { source: title.source, flags: title.flags } : null;
  const found = await scope.evaluate((root, { text, pattern, cardSel }) => {
    const norm = (s) => (s ?? "").replace(/\s+/g, " ").trim();
    const prefix = text && /(…|\.\.\.)$/.test(text) ? norm(text.replace(/(…|\.\.\.)$/, "")) : null;
    const matches = (s) => {
      s = norm(s);
      if (!s) return false;
      if (pattern) return new RegExp(pattern.source, pattern.flags).test(s);
      return prefix !== null ? s.startsWith(prefix) : s === norm(text);
    };
    document.querySelectorAll("[data-e2e-click]").forEach((e) => e.removeAttribute("data-e2e-click"));
    const cards = [...root.querySelectorAll(cardSel)].reverse(); // newest first in a chat transcript
    for (const card of cards) {
      const buttons = [...card.querySelectorAll("button")];
      let hit = buttons.find((b) => [b.getAttribute("title"), b.getAttribute("aria-label"), b.innerText].some(matches));
      if (!hit) {
        // The row around a button: its largest ancestor inside the card that holds no other button.
        hit = buttons.find((b) => {
          let row = b.parentElement, best = null;
          while (row && row !== card && row.querySelectorAll("button").length === 1) { best = row; row = row.parentElement; }
          return best && [...best.querySelectorAll("p, .ac-textBlock")].some((t) => matches(t.innerText));
        });
      }
      if (hit) { hit.setAttribute("data-e2e-click", "1"); return true; }
    }
    return false;
  }, { text: pattern ? null : title, pattern, cardSel: CARD });
  if (!found) {
    const titles = await scope.locator(`${CARD} button`).evaluateAll((bs) => bs.map((b) => b.getAttribute("title") ?? b.innerText));
    throw new Error(`no card button matching ${title}; buttons: ${JSON.stringify(titles)}`);
  }
  const button = page.locator("[data-e2e-click]");
  await button.scrollIntoViewIfNeeded();
  await button.click();
  return since;
}

/** Fills the card input with this placeholder or label (newest card that has it). */
export async function fillCardInput(page, label, value) {
  const input = page.locator(`${CARD} input[aria-label="${cssString(label)}"], ${CARD} textarea[aria-label="${cssString(label)}"]`).last();
  await input.fill(value);
}

/**
 * Fills a card field found by its label (`label` string or RegExp; Dutch|English alternatives welcome) inside
 * `within` (default: the newest card): text inputs and text areas get `value`; a compact choice set (<select>)
 * selects the option titled `value`; an expanded one (radio buttons) checks the radio titled `value`.
 */
export async function fillCardField(page, label, value, { within } = {}) {
  const card = within ? within.locator(CARD).last() : page.locator(CARD).last();
  const pattern = label instanceof RegExp ? { source: label.source, flags: label.flags } : { source: `^${escapeRegExp(label)}`, flags: "" };
  // The renderer labels inputs in several ways (aria-label, aria-labelledby, <label for>, a label in the input's
  // container); tag the first field whose label matches, whatever its kind.
  const found = await card.evaluate((root, { pattern }) => {
    const re = new RegExp(pattern.source, pattern.flags);
    const norm = (s) => (s ?? "").replace(/\s+/g, " ").trim();
    const labelOf = (el) => {
      const parts = [el.getAttribute("aria-label")];
      for (const id of (el.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean)) parts.push(document.getElementById(id)?.innerText);
      if (el.id) for (const l of root.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)) parts.push(l.innerText);
      const box = el.closest(".ac-input-container")?.parentElement;
      const lbl = box?.querySelector("label, .ac-textBlock");
      if (lbl && !lbl.contains(el)) parts.push(lbl.innerText);
      return parts.filter(Boolean).map(norm);
    };
    document.querySelectorAll("[data-e2e-field]").forEach((e) => e.removeAttribute("data-e2e-field"));
    const fields = root.querySelectorAll("select, textarea, input:not([type=radio]):not([type=checkbox]), [role=radiogroup], .ac-choiceSetInput-expanded");
    for (const el of fields) {
      if (labelOf(el).some((l) => re.test(l))) {
        el.setAttribute("data-e2e-field", "1");
        return el.tagName.toLowerCase() === "select" ? "select"
          : el.matches("input[role=combobox], input[list]") ? "combo"
          : el.matches("textarea, input") ? "text" : "radios";
      }
    }
    return null;
  }, { pattern });
  if (!found) throw new Error(`no card field labelled ${label}`);
  const field = page.locator("[data-e2e-field]");
  const matches = (text) => (value instanceof RegExp ? value.test(text.trim()) : text.trim() === value);
  if (found === "select") {
    const options = await field.locator("option").allInnerTexts();
    const hit = options.find(matches);
    if (!hit) throw new Error(`no option ${value} in ${label}: ${JSON.stringify(options)}`);
    await field.selectOption({ label: hit });
  } else if (found === "combo") {
    // A compact choice set rendered as a combobox (a datalist or a popup listbox): pick the option by its title.
    const listId = await field.getAttribute("list");
    let options = listId ? await page.locator(`datalist#${listId} option`).evaluateAll((os) => os.map((o) => o.value || o.innerText)) : [];
    if (!options.length) {
      await field.click();
      options = await page.getByRole("option").allInnerTexts();
    }
    const hit = options.find(matches);
    if (!hit) throw new Error(`no option ${value} in ${label}: ${JSON.stringify(options)}`);
    const option = page.getByRole("option", { name: hit.trim(), exact: true });
    if (!listId && await option.count()) await option.first().click();
    else await field.fill(hit.trim());
  } else if (found === "text") {
    await field.fill(value);
  } else {
    const radios = field.getByRole("radio");
    const count = await radios.count();
    for (let i = 0; i < count; i++) {
      const radio = radios.nth(i);
      const name = await radio.evaluate((r) => r.getAttribute("aria-label") ?? (r.id && document.querySelector(`label[for="${CSS.escape(r.id)}"]`)?.innerText) ?? r.parentElement?.innerText ?? "");
      if (matches(name)) return void (await radio.check());
    }
    throw new Error(`no choice ${value} in ${label}`);
  }
}

/** The text of the newest Adaptive Card in the open chat, or of the card inside `within` (whitespace collapsed). */
export async function lastCardText(page, { within } = {}) {
  const cards = (within ?? page).locator(CARD);
  if ((await cards.count()) === 0) throw new Error("no Adaptive Card in this conversation");
  return normalise(await cards.last().innerText());
}

/** The button titles on the newest card (or the card inside `within`). */
export async function lastCardButtons(page, { within } = {}) {
  return (within ?? page).locator(CARD).last().locator("button[title]").evaluateAll((bs) => bs.map((b) => b.getAttribute("title")));
}

/**
 * Opens a conversation in the left tree: "personal", "group" (the config's group chat), or a channel name
 * ("General", "Casussen"). The first visit to a group chat or channel makes the playground send
 * installationUpdate + conversationUpdate for it.
 */
export async function openConversation(page, which) {
  const name = which === "personal" ? /^Personal Chat/
    : which === "group" ? new RegExp(`^${escapeRegExp(process.env.E2E_GROUP_CHAT ?? "Casuistiekoverleg")}`)
    : new RegExp(` - ${escapeRegExp(which)}$`);
  await page.getByRole("treeitem", { name }).first().click();
  await page.locator(EDITOR).first().waitFor();
  await page.waitForTimeout(500); // the transcript re-renders for the selected conversation
}

/** Waits until `text` is visible anywhere in the chat pane (e.g. the info bar an invoke response shows). */
export async function waitForText(page, text, { timeout = REPLY_TIMEOUT } = {}) {
  await page.getByText(text).last().waitFor({ timeout });
}

const normalise = (s) => s.replace(/\s+/g, " ").trim();
const safe = (s) => s.replace(/[^A-Za-z0-9._-]+/g, "-");
const cssString = (s) => s.replace(/["\\]/g, "\\$&");
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
