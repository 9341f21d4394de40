// What the browser tests keep in the page (hostile.test.mjs).

declare global {
  interface Window {
    /** What a hostile draft managed to call or break (must stay empty). */
    podiumTripped: string[];
  }
}

export {};
