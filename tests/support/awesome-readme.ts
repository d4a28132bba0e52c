/**
 * A large awesome-list README, generated: `links` entries over sections and sub-sections, with the
 * shapes real lists have (separators, descriptions on the next line, emoji tags, nested bullets,
 * a table of contents, a Contributing section). Deterministic, so timings compare run to run.
 */
const SEPARATORS = [' - ', ' – ', ' — ', ': '];

export function generateAwesomeReadme(links: number, perSubsection = 13): string {
  const lines = [
    '# Awesome Generated [![Awesome](https://awesome.example.com/badge.svg)](https://awesome.example.com)',
    '',
    '> A generated list for timing the importer.',
    '',
    '## Contents',
    '',
  ];
  const subsections = Math.ceil(links / perSubsection);
  const sections = Math.ceil(subsections / 5);
  for (let section = 1; section <= sections; section++) lines.push(`- [Section ${section}](#section-${section})`);
  let made = 0;
  let subsection = 0;
  for (let section = 1; section <= sections && made < links; section++) {
    lines.push('', `## Section ${section}`, '', `Links about topic ${section}.`);
    for (let sub = 1; sub <= 5 && made < links; sub++, subsection++) {
      lines.push('', `### Topic ${section}.${sub}`, '');
      for (let index = 0; index < perSubsection && made < links; index++) {
        made++;
        const n = made;
        const separator = SEPARATORS[n % SEPARATORS.length];
        const emoji = n % 7 === 0 ? ':movie_camera: ' : '';
        if (n % 11 === 0 && index > 0) {
          lines.push(
            `  - [Companion ${n}](https://generated.example.org/${subsection}/companion-${n})${separator}Listed under the entry above, number ${n}.`,
          );
        } else if (n % 5 === 0) {
          lines.push(
            `- ${emoji}[Project ${n}](https://generated.example.org/${subsection}/project-${n})`,
            `  Described on the next line, number ${n}.`,
          );
        } else {
          lines.push(
            `- ${emoji}[Project ${n}](https://generated.example.org/${subsection}/project-${n})${separator}A *useful* thing, number ${n}.`,
          );
        }
      }
    }
  }
  lines.push('', '## Contributing', '', 'Pull requests welcome.', '');
  return lines.join('\n');
}
