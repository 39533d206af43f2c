/** Small shapes that several pages' views share. */
import type { TagColour } from '../labels.ts';

/** A status as a tag shows it. */
export interface Label {
  text: string;
  colour: TagColour;
}

/** A link with its text. */
export interface Link {
  text: string;
  href: string;
}

/** A link to a decision, shown with its date. */
export interface DecisionLink extends Link {
  /** As precise as the source: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
}
