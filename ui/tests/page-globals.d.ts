// What the browser tests keep in the page (reliability.test.mjs, hostile.test.mjs).
import type { FakeBackend } from "../src/lib/fake-backend";

declare global {
  interface Window {
    /** The fake backend, kept by `podiumFake.created`: the tests act as a second window. */
    podiumBackend: FakeBackend;
    /** What a hostile draft managed to call or break (must stay empty). */
    podiumTripped: string[];
  }
}
