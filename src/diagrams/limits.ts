/**
 * How big a structure the diagram step draws. Past these limits Mermaid's
 * drawing runs out of stack or time (measured: a reporting line 2,000 bodies
 * deep overflowed its stack; 2,000 bodies took 14 s; a name of 20,000
 * characters took 10 s, or overflowed the stack when it had spaces), and the
 * picture would be unreadable anyway. A structure over any limit is not sent
 * to the browser: its page says it is too large to draw and lists its bodies,
 * and the build goes on, even when diagrams are required.
 *
 * The limits keep the work of one diagram bounded. What costs most is text to
 * wrap, and other links that cross many levels (each is drawn through every
 * level it crosses). Measured with Chromium 156, Mermaid 12.3 and dagre, as the
 * CPU time the browser's processes spent on one diagram, in a page already
 * warmed up by others: the largest structure within every limit at once (300
 * boxes, 399 arrows, 40 levels with 100 links from top to bottom, 12,000
 * characters) took 3.3 to 3.9 s; 300 boxes in a tree with 100 links and 12,000
 * characters, 2.3 s; a structure of 20 bodies, 0.1 s. On this 2-CPU machine at
 * a load average of 8 the largest took 6 to 8 s of wall time, well inside the
 * renderer's 30-second time-out.
 */
import type { StructureModel } from '../model/types.ts';
import { bodyQualifiers, reportingTree, TARGET_QUALIFIERS, targetName, type PartnershipNames } from './facts.ts';

/** The most boxes a diagram draws: the structure's bodies, and the other partnerships and outside bodies they link to. */
export const MAX_DIAGRAM_BOXES = 300;

/** The most arrows a diagram draws: reporting lines and other links together. */
export const MAX_DIAGRAM_ARROWS = 400;

/**
 * The most levels a diagram draws, top to bottom: the longest chain of boxes
 * joined by arrows one after another (reporting lines and other links alike).
 */
export const MAX_DIAGRAM_LEVELS = 40;

/** The longest name, in characters, that a diagram draws in a box (a body's, an outside body's or a partnership's). */
export const MAX_DIAGRAM_NAME_LENGTH = 500;

/** The most text, in characters, that a diagram draws in all its boxes together: names and the words that qualify them. */
export const MAX_DIAGRAM_TEXT_LENGTH = 12_000;

/** What a structure's diagram would draw, counted as the limits count it. */
export interface DiagramSize {
  boxes: number;
  arrows: number;
  levels: number;
  /** The longest name in a box, in characters. */
  longestName: number;
  /** All the text in the boxes, in characters. */
  text: number;
}

/** Characters as a reader counts them: a character outside the Basic Multilingual Plane is one, not two. */
function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * The longest chain of boxes joined one after another by arrows. An arrow that
 * would close a loop (two bodies that work with each other) is left out, as
 * the layout turns it round rather than adding a level. Walked with its own
 * stack, so a chain thousands of bodies long cannot overflow the call stack.
 */
function longestChain(arrows: ReadonlyMap<string, string[]>): number {
  const done = new Map<string, number>();
  const onPath = new Set<string>();
  let longest = 0;
  for (const start of arrows.keys()) {
    if (done.has(start)) continue;
    const stack = [{ box: start, next: 0 }];
    onPath.add(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const to = arrows.get(frame.box) ?? [];
      if (frame.next < to.length) {
        const next = to[frame.next++]!;
        if (!done.has(next) && !onPath.has(next)) {
          onPath.add(next);
          stack.push({ box: next, next: 0 });
        }
        continue;
      }
      const below = to.reduce((deepest, next) => Math.max(deepest, done.get(next) ?? 0), 0);
      done.set(frame.box, below + 1);
      longest = Math.max(longest, below + 1);
      onPath.delete(frame.box);
      stack.pop();
    }
  }
  return longest;
}

/** Counts what a structure's diagram would draw, as `structureToMermaid` draws it. */
export function diagramSize(structure: StructureModel, partnershipNames: PartnershipNames): DiagramSize {
  const size: DiagramSize = { boxes: 0, arrows: 0, levels: 0, longestName: 0, text: 0 };
  const arrows = new Map<string, string[]>();
  const box = (key: string, name: string, qualifiers: readonly string[]) => {
    const length = characters(name);
    size.boxes++;
    size.longestName = Math.max(size.longestName, length);
    size.text += length + (qualifiers.length > 0 ? characters(qualifiers.join(', ')) + 2 : 0);
    arrows.set(key, []);
  };
  const arrow = (from: string, to: string) => {
    size.arrows++;
    arrows.get(from)?.push(to);
  };
  for (const body of structure.bodies) box(`body:${body.id}`, body.name, bodyQualifiers(body));
  for (const { target } of structure.relations) {
    if (target.type === 'body') continue;
    const key = target.type === 'partnership' ? `partnership:${target.id}` : `external:${target.name}`;
    if (!arrows.has(key)) box(key, targetName(structure, target, partnershipNames), [TARGET_QUALIFIERS[target.type]]);
  }
  for (const [from, reports] of reportingTree(structure).reports) for (const body of reports) arrow(`body:${from}`, `body:${body.id}`);
  for (const { from, target } of structure.relations) {
    arrow(`body:${from}`, target.type === 'body' ? `body:${target.id}` : target.type === 'partnership' ? `partnership:${target.id}` : `external:${target.name}`);
  }
  size.levels = longestChain(arrows);
  return size;
}

/**
 * Why a structure is too large to draw as a diagram, in words for the build's
 * output; undefined when it is within every limit.
 *
 * @example
 * tooLargeToDraw(structureWith4900Bodies, names)
 * // '4,900 boxes (bodies and the organisations they link to); a diagram draws at most 300'
 */
export function tooLargeToDraw(structure: StructureModel, partnershipNames: PartnershipNames): string | undefined {
  const size = diagramSize(structure, partnershipNames);
  const n = (count: number) => count.toLocaleString('en-GB');
  if (size.boxes > MAX_DIAGRAM_BOXES) return `${n(size.boxes)} boxes (bodies and the organisations they link to); a diagram draws at most ${n(MAX_DIAGRAM_BOXES)}`;
  if (size.arrows > MAX_DIAGRAM_ARROWS) return `${n(size.arrows)} arrows (reporting lines and other links); a diagram draws at most ${n(MAX_DIAGRAM_ARROWS)}`;
  if (size.levels > MAX_DIAGRAM_LEVELS) return `${n(size.levels)} levels (boxes joined one below another by arrows); a diagram draws at most ${n(MAX_DIAGRAM_LEVELS)}`;
  if (size.longestName > MAX_DIAGRAM_NAME_LENGTH) return `a name of ${n(size.longestName)} characters; a diagram draws names of up to ${n(MAX_DIAGRAM_NAME_LENGTH)}`;
  if (size.text > MAX_DIAGRAM_TEXT_LENGTH) return `${n(size.text)} characters of names; a diagram draws up to ${n(MAX_DIAGRAM_TEXT_LENGTH)} in all`;
  return undefined;
}
