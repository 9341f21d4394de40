import { expect, test } from "vitest";
import type { KeyPress } from "./keys";
import { PrompterLink } from "./link";
import type { PrompterCommand, PrompterReport } from "./protocol";

function fixture() {
  let clock = 0;
  let hear: (report: PrompterReport) => void = () => {};
  let press: (press: KeyPress) => void = () => {};
  const sent: PrompterCommand[] = [];
  const link = new PrompterLink(
    {
      onReport: async (handler) => {
        hear = handler;
        return () => {};
      },
      send: async (command) => {
        sent.push(command);
      },
      onClickerKey: async (handler) => {
        press = handler;
        return () => {};
      },
    },
    () => clock,
  );
  return {
    link,
    sent,
    advance: (ms: number) => {
      clock += ms;
    },
    report: (draftId: number) => hear({ draftId } as PrompterReport),
    /** A clicker's key pressed while another app has the focus (src-tauri/src/clicker.rs). */
    clicker: (key: KeyPress) => press(key),
  };
}

test("live while the prompter reports (once a second when idle), on its draft", async () => {
  const { link, advance, report } = fixture();
  await link.listen();
  expect(link.live()).toBe(false);
  report(3);
  expect(link.live()).toBe(true);
  expect(link.live(3)).toBe(true);
  expect(link.live(4)).toBe(false);
  advance(2000);
  expect(link.live()).toBe(true);
  advance(600);
  expect(link.live()).toBe(false);
});

test("a saved edit reaches the live prompter on that draft only", async () => {
  const { link, sent, report } = fixture();
  await link.listen();
  link.saved(3, 7);
  expect(sent).toEqual([]);
  report(3);
  link.saved(4, 2);
  link.saved(3, 8);
  expect(sent).toEqual([{ action: "script", draftId: 3, revision: 8 }]);
});

test("the clicker heard from another app steps a live prompter, as its key here would", async () => {
  const { link, sent, report, clicker } = fixture();
  await link.listen();
  await link.listenToClicker();
  clicker({ key: "PageDown" });
  expect(sent).toEqual([]);
  report(3);
  clicker({ key: "PageDown" });
  clicker({ key: "PageUp", shiftKey: true });
  clicker({ key: "F5" });
  expect(sent).toEqual([
    { action: "nextParagraph" },
    { action: "previousSection" },
    { action: "start" },
  ]);
});
