// A request to the GI end to end through the real Agents Playground UI (issue 4, "Done means"): the GI links a team
// channel, the casemanager fills the form in personal chat, the ticket appears in the linked channel, is picked up
// and finished there, and the casemanager's chat shows each status change.
// Run: tests/EndToEnd/run.sh requests.spec.mjs
// The playground sends locale "en-US" with every activity, so each expectation accepts Dutch or English; the
// ticket in the channel is always Dutch (src/Bot/Cards/RequestCards.cs).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as pg from "./lib/playground.mjs";

const CHANNEL = "Casussen";
const LINKED = /Kanaal gekoppeld|Channel linked/;
const FORM = /Advies of consultatie vragen aan de GI|Ask the GI for advice or consultation/;
const RECEIVED = /Aanvraag ontvangen|Request received/;
const REFERENCE = /AV-[0-9A-F]{6}/;
const CASE = "WIJ-2026-0412";
const ADVICE = "Plan een netwerkberaad binnen twee weken; de GI zit het voor.";

describe("request to the GI", () => {
  const ctx = {};
  before(async () => {
    ctx.session = await pg.openPlayground("requests");
    ctx.page = ctx.session.page;
  });
  after(async () => { await ctx.session?.close(); });
  const step = (title, fn) => test(title, async () => {
    try {
      await fn(ctx.page);
    } catch (e) {
      await pg.screenshot(ctx.page, `requests--${title}`).catch(() => {});
      throw e;
    }
  });

  /** The ticket of this request in the channel, found again by its reference (message tags move on every look). */
  const ticket = (page, contains = ctx.reference) => pg.waitForBotReply(page, { card: true, contains });

  step("the GI links the team channel to Oldambt with an @mention", async (page) => {
    await pg.openConversation(page, CHANNEL);
    const since = await pg.sendMention(page, "koppel dit kanaal aan Oldambt");
    const reply = await pg.waitForBotReply(page, { since, contains: LINKED });
    assert.match(await reply.innerText(), /Oldambt/);
  });

  step("the casemanager asks for advice in personal chat and gets the form", async (page) => {
    await pg.openConversation(page, "personal");
    await pg.ask(page, "Ik wil advies vragen aan de GI", { card: true, contains: FORM });
  });

  step("the casemanager fills the form and submits it", async (page) => {
    const form = await pg.waitForBotReply(page, { card: true, contains: FORM });
    await pg.fillCardField(page, /^(Gemeente|Municipality)/, "Oldambt", { within: form });
    await pg.fillCardField(page, /^(Soort aanvraag|Kind of request)/, /^(Informatie en advies|Information and advice)$/, { within: form });
    await pg.fillCardField(page, /^(Casusnummer|Case reference)/, CASE, { within: form });
    await pg.fillCardField(page, /^(Situatie in het kort|Situation, briefly)/, "Ouders zijn gescheiden en de zorgen over de thuissituatie nemen toe.", { within: form });
    await pg.fillCardField(page, /^(Zorg over de veiligheid|Concern about safety)/, /^(Enige zorg|Some)$/, { within: form });
    await pg.fillCardField(page, /^(Gewenste bijdrage|Desired contribution)/, "Meedenken over het veiligheidsplan.", { within: form });
    await pg.fillCardField(page, /^(Ouders op de hoogte|Parents informed)/, /^(Ja|Yes)$/, { within: form });
    await pg.fillCardField(page, /^(Reden om de GI|Why the GI)/, /^(Complexiteit|Complexity)$/, { within: form });
    const since = await pg.clickCardButton(page, /^(Aanvraag versturen|Send request)$/, { within: form });
    const confirmation = await pg.waitForBotReply(page, { since, card: true, contains: RECEIVED });
    const text = await pg.lastCardText(page, { within: confirmation });
    assert.match(text, new RegExp(CASE));
    ctx.reference = text.match(REFERENCE)?.[0];
    assert.ok(ctx.reference, `no request reference in: ${text}`);
  });

  step("the ticket card appears in the linked channel", async (page) => {
    await pg.openConversation(page, CHANNEL);
    const card = await ticket(page);
    const text = await pg.lastCardText(page, { within: card });
    assert.match(text, /Adviesaanvraag/);
    assert.match(text, /Nieuw/);
    assert.match(text, new RegExp(CASE));
  });

  step("the GI picks it up (Oppakken): the ticket says Opgepakt", async (page) => {
    const since = await pg.clickCardButton(page, "Oppakken", { within: await ticket(page) });
    await pg.waitForBotReply(page, { since, card: true, contains: new RegExp(`${ctx.reference}.*Opgepakt`) });
  });

  step("the GI finishes it (Afronden) with the advice: the ticket says Afgerond", async (page) => {
    const card = await ticket(page, new RegExp(`${ctx.reference}.*Opgepakt`));
    // Afronden is an Action.ShowCard holding the advice box and its own Afronden (Action.Execute) button.
    await card.getByRole("button", { name: "Afronden", exact: true }).first().click();
    const box = card.getByLabel("Advies of afgesproken bijdrage").first();
    await box.waitFor();
    await box.fill(ADVICE);
    const since = await pg.snapshot(page);
    await card.getByRole("button", { name: "Afronden", exact: true }).last().click();
    const finished = await pg.waitForBotReply(page, { since, card: true, contains: new RegExp(`${ctx.reference}.*Afgerond`) });
    assert.match(await pg.lastCardText(page, { within: finished }), /netwerkberaad/);
    await pg.screenshot(page, "requests-ticket-finished");
  });

  step("the casemanager's personal chat shows each status change", async (page) => {
    await pg.openConversation(page, "personal");
    await pg.waitForBotReply(page, { card: true, contains: new RegExp(`${ctx.reference}.*(Opgepakt|Picked up)`) });
    const done = await pg.waitForBotReply(page, { card: true, contains: new RegExp(`${ctx.reference}.*(Afgerond|Finished)`) });
    assert.match(await pg.lastCardText(page, { within: done }), /netwerkberaad/);
    await pg.screenshot(page, "requests-personal-chat");
  });
});
