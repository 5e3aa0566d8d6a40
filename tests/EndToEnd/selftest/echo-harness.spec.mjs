// Harness self-test against a throwaway echo bot (not in the repo; see ../harness.selftest.md for what it does).
// Run: E2E_BOT_COMMAND="dotnet /tmp/echobot/out/EchoBot.dll" tests/EndToEnd/run.sh selftest/echo-harness.spec.mjs
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as pg from "../lib/playground.mjs";

describe("harness self-test (echo bot)", () => {
  let session, page, failed = false;
  before(async () => { session = await pg.openPlayground("selftest"); page = session.page; });
  after(async () => { await session?.close({ failed }); });
  const step = (name, fn) => test(name, async () => { try { await fn(); } catch (e) { failed = true; throw e; } });

  step("opening the UI makes the bot welcome the user (conversationUpdate)", async () => {
    await pg.waitForBotReply(page, { contains: "Welkom (echo) in personal" });
  });

  step("personal message -> text reply and a rendered card", async () => {
    const since = await pg.sendMessage(page, "hallo harness");
    await pg.waitForBotReply(page, { since, contains: "Echo: hallo harness" });
    await pg.waitForBotReply(page, { since, card: true, contains: "Je vroeg: hallo harness" });
    assert.match(await pg.lastCardText(page), /Echokaart/);
    assert.deepEqual((await pg.lastCardButtons(page)).slice(-3), ["Verstuur", "Uitvoeren", "👍 Nuttig"]);
    await pg.screenshot(page, "selftest-personal");
  });

  step("Action.Submit with an input -> the bot receives a message with value", async () => {
    await pg.fillCardInput(page, "Opmerking", "mijn notitie");
    const since = await pg.clickCardButton(page, "Verstuur");
    const reply = await pg.waitForBotReply(page, { since, contains: "Submit ontvangen" });
    const text = await reply.innerText();
    assert.match(text, /"action":"submit"/);
    assert.match(text, /"note":"mijn notitie"/);
  });

  step("Action.Execute -> invoke adaptiveCard/action, the invoke response shows under the card", async () => {
    await pg.clickCardButton(page, "Uitvoeren");
    await pg.waitForText(page, "Execute ontvangen: doe");
  });

  step("a choice row ('text' beside a short 'Kies' button, Action.Execute) is clicked by its text", async () => {
    const since = await pg.clickCardButton(page, "Er loopt een maatregel…");
    await pg.waitForBotReply(page, { since, contains: /Gekozen: .*"value":"maatregel"/ });
  });

  step("an invoke answered with a card replaces the card (👍 -> thanks)", async () => {
    const since = await pg.clickCardButton(page, "👍 Nuttig");
    await pg.waitForBotReply(page, { since, card: true, contains: "Bedankt voor je feedback!" });
    await pg.screenshot(page, "selftest-thanks");
  });

  step("group chat: @mention reaches the bot", async () => {
    await pg.openConversation(page, "group");
    await pg.waitForBotReply(page, { contains: "Welkom (echo) in groupChat" });
    const since = await pg.sendMention(page, "hallo groep");
    await pg.waitForBotReply(page, { since, contains: /Echo: .*ExpertBot.*hallo groep/ });
    await pg.screenshot(page, "selftest-group");
  });

  step("channel: @mention reaches the bot", async () => {
    await pg.openConversation(page, "Casussen");
    await pg.waitForBotReply(page, { contains: "Welkom (echo) in channel" });
    const since = await pg.sendMention(page, "hallo kanaal");
    await pg.waitForBotReply(page, { since, contains: /Echo: .*hallo kanaal/ });
    const card = await pg.waitForBotReply(page, { since, card: true, contains: "hallo kanaal" });
    const before = await pg.clickCardButton(page, "Verstuur", { within: card });
    await pg.waitForBotReply(page, { since: before, contains: "Submit ontvangen" });
    await pg.screenshot(page, "selftest-channel");
  });
});
