/**
 * How big a structure the diagram step draws. Past these limits Mermaid's
 * drawing runs out of time or stack (a reporting line 2,000 bodies deep
 * overflowed it; 2,000 bodies took 14 s; a 20,000-character name 10 s, or
 * overflowed when it had spaces), and the picture would be unreadable anyway. A
 * structure over any limit is not sent to the browser: its page says it is too
 * large to draw and lists its bodies, and the build goes on, even when diagrams
 * are required.
 *
 * Measured on a 2-CPU machine under a load average of 6 (Chromium 156, Mermaid
 * 12.3, dagre): the largest structure within every limit at once draws in about
 * 10 s, well inside the renderer's 30-second time-out; the 300-body structures
 * of real registers in under 5 s.
 */
import type { StructureModel } from '../model/types.ts';
import { bodyQualifiers, reportingTree, TARGET_QUALIFIERS, targetName, type PartnershipNames } from './facts.ts';

/** The most boxes a diagram draws: the structure's bodies, and the other partnerships and outside bodies they link to. */
export const MAX_DIAGRAM_BOXES = 500;

/** The most arrows a diagram draws: reporting lines and other links together. */
export const MAX_DIAGRAM_ARROWS = 1_000;

/** The longest name, in characters, that a diagram draws in a box (a body's, an outside body's or a partnership's). */
export const MAX_DIAGRAM_NAME_LENGTH = 500;

/** The most text, in characters, that a diagram draws in all its boxes together: names and the words that qualify them. */
export const MAX_DIAGRAM_TEXT_LENGTH = 30_000;

/** What a structure's diagram would draw, counted as the limits count it. */
export interface DiagramSize {
  boxes: number;
  arrows: number;
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

/** Counts what a structure's diagram would draw, as `structureToMermaid` draws it. */
export function diagramSize(structure: StructureModel, partnershipNames: PartnershipNames): DiagramSize {
  const size: DiagramSize = { boxes: 0, arrows: structure.relations.length, longestName: 0, text: 0 };
  const box = (name: string, qualifiers: readonly string[]) => {
    const length = characters(name);
    size.boxes++;
    size.longestName = Math.max(size.longestName, length);
    size.text += length + (qualifiers.length > 0 ? characters(qualifiers.join(', ')) + 2 : 0);
  };
  for (const body of structure.bodies) box(body.name, bodyQualifiers(body));
  const drawn = new Set<string>();
  for (const { target } of structure.relations) {
    if (target.type === 'body') continue;
    const key = target.type === 'partnership' ? `partnership:${target.id}` : `external:${target.name}`;
    if (drawn.has(key)) continue;
    drawn.add(key);
    box(targetName(structure, target, partnershipNames), [TARGET_QUALIFIERS[target.type]]);
  }
  size.arrows += structure.bodies.length - reportingTree(structure).roots.length;
  return size;
}

/**
 * Why a structure is too large to draw as a diagram, in words for the build's
 * output; undefined when it is within every limit.
 *
 * @example
 * tooLargeToDraw(structureWith4900Bodies, names)
 * // '4,900 boxes (bodies and the organisations they link to); a diagram draws at most 500'
 */
export function tooLargeToDraw(structure: StructureModel, partnershipNames: PartnershipNames): string | undefined {
  const size = diagramSize(structure, partnershipNames);
  const n = (count: number) => count.toLocaleString('en-GB');
  if (size.boxes > MAX_DIAGRAM_BOXES) return `${n(size.boxes)} boxes (bodies and the organisations they link to); a diagram draws at most ${n(MAX_DIAGRAM_BOXES)}`;
  if (size.arrows > MAX_DIAGRAM_ARROWS) return `${n(size.arrows)} arrows (reporting lines and other links); a diagram draws at most ${n(MAX_DIAGRAM_ARROWS)}`;
  if (size.longestName > MAX_DIAGRAM_NAME_LENGTH) return `a name of ${n(size.longestName)} characters; a diagram draws names of up to ${n(MAX_DIAGRAM_NAME_LENGTH)}`;
  if (size.text > MAX_DIAGRAM_TEXT_LENGTH) return `${n(size.text)} characters of names; a diagram draws up to ${n(MAX_DIAGRAM_TEXT_LENGTH)} in all`;
  return undefined;
}
