import { expect, test } from "vitest";
import { PrompterLink } from "./link";
import type { PrompterCommand, PrompterReport } from "./protocol";

function fixture() {
  let clock = 0;
  let hear: (report: PrompterReport) => void = () => {};
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
