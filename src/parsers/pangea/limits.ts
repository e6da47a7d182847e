/**
 * Bounds of the static interpreter, so that hostile or runaway input cannot hang the linter or
 * exhaust its memory. When a bound is reached the value being computed becomes `unknown` with
 * reason `limit`; nothing is reported and nothing throws.
 */
export interface Limits {
  /** Node evaluations per file (all templates together): at least `steps`, more for a large file
   * (`stepsPerCharacter` per character of source), so work stays proportional to the input. */
  steps: number;
  stepsPerCharacter: number;
  /** Iterations of one loop; a longer loop is evaluated as a loop over an unknown collection. */
  loopIterations: number;
  /** Nesting of expressions being evaluated (the syntax tree's depth as the interpreter sees it). */
  evalDepth: number;
  /** Nested calls of helper methods (recursion). */
  callDepth: number;
  /** Characters of a computed string. */
  stringLength: number;
  /** Items of a computed array or entries of a computed hash. */
  collectionSize: number;
  /** Depth of a value converted to the graph. */
  valueDepth: number;
  /** Graph nodes converted per resource (a value shared many times multiplies when converted). */
  valueNodes: number;
  /** Graph nodes converted per file, all templates together. */
  fileValueNodes: number;
}

export const defaultLimits: Readonly<Limits> = {
  steps: 1_000_000,
  stepsPerCharacter: 20,
  loopIterations: 10_000,
  evalDepth: 200,
  callDepth: 32,
  stringLength: 1_000_000,
  collectionSize: 100_000,
  valueDepth: 64,
  valueNodes: 200_000,
  fileValueNodes: 2_000_000,
};
