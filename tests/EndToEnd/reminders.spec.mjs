// Evaluation-date reminders end to end in the Agents Playground: a reminder set in chat arrives proactively as a
// card when due, and its "Afgerond" button closes it. run.sh starts the bot with Reminders__TestNudgeDelay (a
// Development-only option) so a new reminder's nudge is due seconds after it is set instead of at 09:00.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as pg from "./lib/playground.mjs";

const NUDGE_TIMEOUT = Number(process.env.E2E_NUDGE_TIMEOUT_MS ?? 60000);

describe("reminders", () => {
  const ctx = {};
  before(async () => {
    ctx.session = await pg.openPlayground("reminders");
    ctx.page = ctx.session.page;
  });
  after(async () => { await ctx.session?.close(); });

  test("a reminder set in chat arrives proactively and Afgerond closes it", async () => {
    const page = ctx.page;
    try {
      const confirmation = await pg.ask(page, "Herinner me morgen aan de evaluatie van casus E2E-7",
        { card: true, contains: /Herinnering gezet|Reminder set/ });
      assert.match(await pg.lastCardText(page, { within: confirmation }), /E2E-7/);

      const since = await pg.snapshot(page);
      // Proactive: nothing is sent by the user; the scheduler posts the nudge to the personal chat.
      const nudge = await pg.waitForBotReply(page, { since, card: true, contains: /E2E-7/, timeout: NUDGE_TIMEOUT });
      assert.match(await pg.lastCardText(page, { within: nudge }), /Vandaag evalueren|Evaluation due today|Evaluatie|Evaluation/);

      await pg.clickCardButton(page, /^(Afgerond|Done)$/, { within: nudge });
      // The card is updated in place to the closed state.
      await pg.waitForText(page, /✅ (Afgerond|Done)/);
    } catch (e) {
      await pg.screenshot(page, "reminders--proactive-nudge").catch(() => {});
      throw e;
    }
  });
});
