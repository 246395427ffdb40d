// What a reader does with the learning controls before their code has arrived. The controls are
// in the HTML from the start; the loader (src/scripts/learning.ts, inlined in the page) keeps each
// change, submit and click inside a learning element that is not defined yet, and the elements
// (elements.ts) carry them out once they are. Only the key, the selector and the types are shared,
// so the loader stays a few hundred bytes.

/** Where the loader leaves what it kept, on `globalThis`. */
export const EARLY = Symbol.for('guide:learning-early');

/** The learning elements whose controls the loader watches until they are defined. */
export const WATCHED = ':is(done-toggle, self-check, progress-file):not(:defined)';

/** One action: the event's type, its target, and the target's `checked` at the time. */
export type EarlyAction = readonly [type: string, target: Element, checked: boolean];

export interface Early {
  actions: EarlyAction[];
  /** Stops keeping actions: the elements answer from now on. */
  stop(): void;
}
