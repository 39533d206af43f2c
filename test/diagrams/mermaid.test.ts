import { describe, expect, it } from 'vitest';
import { chooseDirection, mermaidText, partnershipNamesIn, structureToMermaid } from '../../src/diagrams/index.ts';
import { asDrawn, chorley2006, decodeMermaidLabel, expectGolden, fixtureModel, makeStructure, trickyStructure } from './support.ts';

const names = (id: string) => partnershipNamesIn(fixtureModel())(id);

/** The node lines of a Mermaid source: id, label text as the renderer will show it, and class. */
function nodes(source: string): { id: string; label: string; className?: string }[] {
  return [...source.matchAll(/^ {2}(\w+)[[(]"([^"]*)"[\])](?::::(\w+))?$/gm)].map(([, id, label, className]) => ({
    id: id!,
    label: decodeMermaidLabel(label!),
    ...(className ? { className } : {}),
  }));
}

describe('structureToMermaid on Chorley’s proposed structure (March 2006)', () => {
  const source = () => structureToMermaid(chorley2006(), names);

  it('gives the same source as the reviewed golden file', () => {
    expectGolden('chorley-partnership-2006-proposed.mmd', source());
  });

  it('puts the board at the top, with an arrow to each body that reports to it', () => {
    expect(source()).toContain('  body_board --> body_executive\n');
    for (const group of ['community_safety_partnership', 'economic_regeneration_partnership', 'stronger_communities_forum', 'environmental_forum', 'cultural_forum', 'health_alliance']) {
      expect(source()).toContain(`  body_executive --> body_${group}\n`);
    }
    expect(source().match(/ --> /g)).toHaveLength(7);
  });

  it('draws relations as dotted arrows labelled with their kind', () => {
    expect(source()).toContain('  body_executive -.->|"represented on"| external_1\n');
    expect(source()).toContain('  body_executive -.->|"works with"| partnership_lancashire_partnership\n');
  });

  it('styles other partnerships and outside bodies apart, and says in words what they are', () => {
    const byId = new Map(nodes(source()).map((node) => [node.id, node]));
    expect(byId.get('partnership_lancashire_partnership')).toEqual({ id: 'partnership_lancashire_partnership', label: 'Lancashire Partnership\n(another partnership)', className: 'partnership' });
    expect(byId.get('external_1')?.className).toBe('external');
    expect(byId.get('external_1')?.label).toMatch(/^Sub-regional "footprint" groups .*\n\(external\)$/);
    expect(source()).toMatch(/^ {2}classDef partnership .*stroke:#1d70b8/m);
    expect(source()).toMatch(/^ {2}classDef external .*fill:#f3f2f1/m);
  });

  it('gives bodies to be developed a dashed border and says so; says which bodies are statutory', () => {
    const byId = new Map(nodes(source()).map((node) => [node.id, node]));
    expect(byId.get('body_cultural_forum')).toEqual({ id: 'body_cultural_forum', label: 'Cultural Forum\n(to be developed)', className: 'planned' });
    expect(byId.get('body_community_safety_partnership')).toEqual({ id: 'body_community_safety_partnership', label: 'Community Safety Partnership\n(statutory)' });
    expect(source()).toMatch(/^ {2}classDef planned .*stroke-dasharray:8 5/m);
  });

  it('names the diagram and summarises it for screen readers', () => {
    expect(source()).toContain('  accTitle: Chorley Partnership: Proposed structure (March 2006)\n');
    // This copy writes no `reports_to` for either board: neither is said to be at the top.
    expect(source()).toContain('  accDescr: Structure diagram of 9 bodies with 7 reporting lines and 2 other links. The reporting lines of LSP Board and Public Service Board are not recorded. Every body and link is also listed in text.\n');
  });

  it('lays the wide row of sub-groups out left to right, so it runs down the page', () => {
    expect(source()).toMatch(/^flowchart LR$/m);
  });

  it('says which file to edit', () => {
    expect(source().split('\n')[0]).toBe('%% The structure in partnerships/chorley-partnership/structures/2006-proposed.yaml, drawn by the register. Edit that file, not this one.');
  });
});

describe('structureToMermaid with awkward names', () => {
  const source = () => structureToMermaid(trickyStructure(), names);

  it('gives the same source as the reviewed golden file', () => {
    expectGolden('tricky-names-current.mmd', source());
  });

  it('keeps every name inside its label, whatever characters it holds', () => {
    const drawn = nodes(source());
    // Every node line parsed: no name closed its label early or added a line of its own.
    expect(drawn).toHaveLength(trickyStructure().bodies.length + 3);
    for (const [, label] of source().matchAll(/"([^"\n]*)"/g)) {
      // Only codes (`#34;`) and the line break (`\n`) that mermaid.ts writes itself.
      expect(label).not.toMatch(/[<>&`%]|#(?!\d+;)|\\(?!n)/);
    }
  });

  it('draws each name exactly as written, once its codes are read back', () => {
    const labels = new Map(nodes(source()).map((node) => [node.id, node.label.split('\n')[0]]));
    for (const body of trickyStructure().bodies) {
      expect(labels.get(`body_${body.id.replace(/-/g, '_')}`)).toBe(asDrawn(body.name));
    }
    expect([...labels.values()]).toContain('Sub-regional "footprint" groups <co-ordinated> & #hash;');
    expect([...labels.values()]).toContain('"]; click board call alert(); x["');
  });

  it('draws an outside body named twice as one node', () => {
    expect(nodes(source()).filter((node) => node.className === 'external')).toHaveLength(2);
    expect(source()).toContain('  body_board -.->|"represented on"| external_1\n');
    expect(source()).toContain('  body_entities -.->|"accountable to"| external_1\n');
  });

  it('gives every node an id Mermaid cannot misread, even for a body called "end"', () => {
    for (const node of nodes(source())) expect(node.id).toMatch(/^(body|partnership|external)_[a-z0-9_]+$/);
    expect(source()).toContain('  body_end["end"]');
  });

  it('keeps the title and description on one line each, escaped', () => {
    const accTitle = source().match(/^ {2}accTitle: (.*)$/m)![1]!;
    expect(decodeMermaidLabel(accTitle)).toBe('The "Tricky" <Names> & #35; Partnership: Structure with "awkward" names: <b>bold</b> & #quot;');
    expect(accTitle).not.toMatch(/[<>"&%]|#(?!\d+;)/);
    expect(source().match(/^ {2}acc(Title|Descr): /gm)).toHaveLength(2);
  });

  it('holds no Mermaid comment or directive but its own first line', () => {
    expect(source().split('\n').slice(1).join('\n')).not.toContain('%%');
  });

  it('gives Mermaid no line whose last semicolon it would delete as the end of a style', () => {
    // Mermaid's encodeEntities drops the last `;` of any line these match, breaking the code it ended.
    const struct = makeStructure([['lifestyle', 'style A fill:url(javascript:alert("x")); a;b'], ['classdef', 'classDef x fill:#f00;', 'lifestyle']]);
    for (const line of [...source().split('\n'), ...structureToMermaid(struct, names).split('\n')]) {
      expect(line).not.toMatch(/style.*:\S*#.*;/);
      expect(line).not.toMatch(/classDef.*:\S*#.*;/);
    }
  });
});

describe('mermaidText', () => {
  it('turns characters Mermaid would misread into numeric codes', () => {
    expect(mermaidText('Say "hi" <b>#1</b> & `x` \\n')).toBe('Say #34;hi#34; #60;b#62;#35;1#60;/b#62; #38; #96;x#96; #92;n');
  });

  it('turns line breaks, tabs and control characters into single spaces', () => {
    expect(mermaidText(' a\n\tb\u0007  c ')).toBe('a b c');
  });

  it('leaves letters, emoji and ordinary punctuation alone', () => {
    expect(mermaidText('Café ☕ (2006) [draft]: 😀, ok; - yes!')).toBe('Café ☕ (2006) [draft]: 😀, ok; - yes!');
  });

  it('escapes percent signs, so no name can hold a Mermaid comment or configuration directive', () => {
    expect(mermaidText('%%{init: {"theme":"dark"}}%% 50%')).toBe('#37;#37;{init: {#34;theme#34;#58;#34;dark#34;}}#37;#37; 50#37;');
  });

  it('escapes a colon unless a space follows it', () => {
    expect(mermaidText('Lifestyle: fill:#fff; note:')).toBe('Lifestyle: fill#58;#35;fff; note#58;');
  });

  it('puts the replacement character in place of code points no drawing can hold: non-characters and lone surrogates', () => {
    expect(mermaidText('Board \ufffe\uffff \ufdd0 \u{1fffe} \u{10ffff}')).toBe('Board \ufffd\ufffd \ufffd \ufffd \ufffd');
    expect(mermaidText('half \ud800 and \udc00 of a pair')).toBe('half \ufffd and \ufffd of a pair');
  });

  it('keeps whole surrogate pairs, and characters next to a replaced one, as written', () => {
    expect(mermaidText('😀\ufffe𝔸')).toBe('😀\ufffd𝔸');
  });
});

describe('the layout direction', () => {
  const groups = Array.from({ length: 8 }, (_, i): [string, string, string] => [`group-${i}`, `Thematic group number ${i}`, 'executive']);

  it('is top to bottom for a narrow, deep structure', () => {
    const chain = makeStructure([['board', 'Board'], ['executive', 'Executive', 'board'], ['group', 'Group', 'executive'], ['task', 'Task group', 'group']]);
    expect(chooseDirection(chain, names)).toBe('TB');
  });

  it('is top to bottom for a small tree that fits the page', () => {
    const small = makeStructure([['board', 'Board'], ['a', 'Health group', 'board'], ['b', 'Safety group', 'board']]);
    expect(chooseDirection(small, names)).toBe('TB');
  });

  it('is left to right when one level is too wide for the page', () => {
    const wide = makeStructure([['board', 'Board'], ['executive', 'Executive', 'board'], ...groups]);
    expect(chooseDirection(wide, names)).toBe('LR');
    expect(structureToMermaid(wide, names)).toMatch(/^flowchart LR$/m);
  });

  it('is left to right for many bodies that report to no one', () => {
    const flat = makeStructure(groups.map(([id, name]) => [id, name]));
    expect(chooseDirection(flat, names)).toBe('LR');
  });
});

describe('the description for screen readers', () => {
  const description = (structure: ReturnType<typeof makeStructure>) => decodeMermaidLabel(structureToMermaid(structure, names).match(/^ {2}accDescr: (.*)$/m)![1]!);

  it('says a body is at the top only when its file says `reports_to: none`, and that the line of a body without `reports_to` is not recorded', () => {
    const structure = makeStructure([['board', 'Board & Assembly', 'none'], ['executive', 'Executive Group', 'board'], ['youth', 'Youth Forum']]);
    expect(description(structure)).toBe('Structure diagram of 3 bodies with 1 reporting line and no other links. Board & Assembly is at the top. The reporting line of Youth Forum is not recorded. Every body and link is also listed in text.');
  });

  it('does not say one body without `reports_to` is at the top, or that it reports to no other body', () => {
    const text = description(makeStructure([['assembly', 'Afon Assembly']]));
    expect(text).toBe('Structure diagram of 1 body with no reporting lines and no other links. The reporting line of Afon Assembly is not recorded. Every body and link is also listed in text.');
    expect(text).not.toMatch(/at the top|none reporting/);
  });

  it('names up to three bodies in each list, and counts the rest', () => {
    const unrecorded = makeStructure([['a', 'Alpha'], ['b', 'Beta'], ['c', 'Gamma'], ['d', 'Delta'], ['e', 'Epsilon']]);
    expect(description(unrecorded)).toContain(' The reporting lines of Alpha, Beta, Gamma and 2 others are not recorded. ');
    const top = makeStructure([['a', 'Alpha', 'none'], ['b', 'Beta', 'none']]);
    expect(description(top)).toContain(' Alpha and Beta are at the top. Every body');
  });
});

describe('structureToMermaid as a function', () => {
  it('gives the same text every time and leaves the structure as it was', () => {
    const structure = structuredClone(chorley2006());
    const before = JSON.stringify(structure);
    expect(structureToMermaid(structure, names)).toBe(structureToMermaid(structure, names));
    expect(JSON.stringify(structure)).toBe(before);
  });

  it('draws every body once even when reporting lines loop (content the checker refuses)', () => {
    const loop = makeStructure([['a', 'Alpha', 'b'], ['b', 'Beta', 'a'], ['c', 'Gamma', 'c']]);
    const source = structureToMermaid(loop, names);
    expect(nodes(source).map((node) => node.id).sort()).toEqual(['body_a', 'body_b', 'body_c']);
    expect(source).toContain('  body_a --> body_b\n');
  });
});
