/**
 * The two in-place edits an import makes when the pages need groups the list lacks: groups appended
 * to list.md, and `groups:` pinned in a section that showed every group. Every other byte stays.
 */
import { describe, expect, it } from 'vitest';
import { appendListGroups, pinSectionGroups, YamlEditError } from '../../src/import/group-edits.ts';

const added = [{ id: 'tending', heading: 'Tending: "weekly"' }];

describe('appending groups to list.md', () => {
  it('adds them after the last declared group, at its indentation, keeping a comment that follows', () => {
    const list = '---\ntitle: Garden\ngroups:\n- id: framing\n  heading: Framing # why\n# more to come\n---\n\nBody.\n';
    expect(appendListGroups(list, [], added)).toBe(
      '---\ntitle: Garden\ngroups:\n- id: framing\n  heading: Framing # why\n- id: tending\n  heading: "Tending: \\"weekly\\""\n# more to come\n---\n\nBody.\n',
    );
  });

  it('declares the groups a list showed before the new ones when it declared none', () => {
    const list = '---\r\ntitle: "Garden"\r\n---\r\n';
    expect(appendListGroups(list, [{ id: 'framing', heading: 'Framing' }], added)).toBe(
      '---\r\ntitle: "Garden"\r\ngroups:\r\n  - id: framing\r\n    heading: "Framing"\r\n  - id: tending\r\n    heading: "Tending: \\"weekly\\""\r\n---\r\n',
    );
  });

  it('refuses groups written on one flow line, which it cannot extend without rewriting them', () => {
    expect(() => appendListGroups('---\ntitle: x\ngroups: [{id: a, heading: A}]\n---\n', [], added)).toThrow(YamlEditError);
  });
});

describe('pinning the groups a section showed', () => {
  it('adds a groups field as the last field, the rest untouched', () => {
    const section = "---\ntitle: 'Beds'   # raised\norder: 2\n---\n\nIntro.\n";
    expect(pinSectionGroups(section, ['framing', 'approach'])).toBe(
      "---\ntitle: 'Beds'   # raised\norder: 2\ngroups:\n  - framing\n  - approach\n---\n\nIntro.\n",
    );
    expect(pinSectionGroups('---\ntitle: Beds\n---\n', [])).toBe('---\ntitle: Beds\ngroups: []\n---\n');
  });

  it('refuses a section that already names its groups', () => {
    expect(() => pinSectionGroups('---\ntitle: Beds\ngroups: [a]\n---\n', ['a'])).toThrow(YamlEditError);
  });
});
