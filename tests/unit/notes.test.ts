import { describe, expect, test } from 'vitest';
import { notesIdPrefix, notesText, renderNotes } from '../../src/content/notes.ts';

describe('renderNotes: GitHub-flavoured Markdown', () => {
  test('renders the shipped note as a list', () => {
    expect(renderNotes('- Acquire, Process, Surface, Act')).toBe('<ul>\n<li>Acquire, Process, Surface, Act</li>\n</ul>');
  });

  test('renders an ordered list', () => {
    expect(renderNotes('1. one\n2. two')).toBe('<ol>\n<li>one</li>\n<li>two</li>\n</ol>');
  });

  test('renders a table', () => {
    expect(renderNotes('| Stage | Tool |\n| - | - |\n| Acquire | Airflow |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>Stage</th>\n<th>Tool</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Acquire</td>\n<td>Airflow</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  test('renders strikethrough', () => {
    expect(renderNotes('~~old~~ new')).toBe('<p><del>old</del> new</p>');
  });

  test('turns bare URLs and www. addresses into safe links', () => {
    expect(renderNotes('see https://example.com/x and www.example.org')).toBe(
      '<p>see <a href="https://example.com/x" rel="noopener noreferrer">https://example.com/x</a> and ' +
        '<a href="http://www.example.org" rel="noopener noreferrer">www.example.org</a></p>',
    );
  });

  test('renders a task list with disabled checkboxes', () => {
    expect(renderNotes('- [x] done\n- [ ] todo')).toBe(
      '<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" checked disabled> done</li>\n' +
        '<li class="task-list-item"><input type="checkbox" disabled> todo</li>\n</ul>',
    );
  });

  test('renders emphasis, code and headings', () => {
    expect(renderNotes('## Why\n\n*Frequent* small `changes`')).toBe(
      '<h2>Why</h2>\n<p><em>Frequent</em> small <code>changes</code></p>',
    );
  });
});

describe('renderNotes: raw HTML is text', () => {
  test('shows a <script> block as text', () => {
    expect(renderNotes('<script>alert(1)</script>')).toBe('<p>&#x3C;script>alert(1)&#x3C;/script></p>');
  });

  test('shows an inline <script> as text within its paragraph', () => {
    expect(renderNotes('before <script>alert(1)</script> after')).toBe('<p>before &#x3C;script>alert(1)&#x3C;/script> after</p>');
  });

  test('shows a block <img onerror> as text', () => {
    expect(renderNotes('<img src=x onerror=alert(1)>')).toBe('<p>&#x3C;img src=x onerror=alert(1)></p>');
  });

  test('shows an inline <img onerror> as text', () => {
    expect(renderNotes('a <img src=x onerror="alert(1)"> b')).toBe('<p>a &#x3C;img src=x onerror="alert(1)"> b</p>');
  });

  test('shows HTML inside a blockquote as text', () => {
    expect(renderNotes('> <b>bold?</b>')).toBe('<blockquote>\n<p>&#x3C;b>bold?&#x3C;/b></p>\n</blockquote>');
  });

  test('shows an HTML comment as text rather than hiding it', () => {
    expect(renderNotes('<!-- hidden -->')).toBe('<p>&#x3C;!-- hidden --></p>');
  });

  test('escapes HTML in code', () => {
    expect(renderNotes('`<b>`\n\n```\n<i>x</i>\n```')).toBe(
      '<p><code>&#x3C;b></code></p>\n<pre><code>&#x3C;i>x&#x3C;/i>\n</code></pre>',
    );
  });

  test('never emits a live script, iframe or event handler', () => {
    const html = renderNotes(
      '<iframe src="https://evil.example"></iframe>\n\n<a href="javascript:alert(1)" onclick="x()">a</a>\n\n<svg onload=alert(1)>',
    );
    expect(html).toBe(
      '<p>&#x3C;iframe src="https://evil.example">&#x3C;/iframe></p>\n' +
        '<p>&#x3C;a href="javascript:alert(1)" onclick="x()">a&#x3C;/a></p>\n' +
        '<p>&#x3C;svg onload=alert(1)></p>',
    );
    expect(html).not.toMatch(/<(script|iframe|svg|a)\b/i);
  });
});

describe('renderNotes: links', () => {
  test('strips a javascript: link, keeping its text', () => {
    expect(renderNotes('[click](javascript:alert(1))')).toBe('<p><a>click</a></p>');
  });

  test('strips a javascript: autolink', () => {
    expect(renderNotes('<javascript:alert(1)>')).toBe('<p><a>javascript:alert(1)</a></p>');
  });

  test('strips a data: link', () => {
    expect(renderNotes('[x](data:text/html,hi)')).toBe('<p><a>x</a></p>');
  });

  test('shows a javascript: image as its alt text', () => {
    expect(renderNotes('![alt](javascript:alert(1))')).toBe('<p>alt</p>');
  });

  test('gives external links rel="noopener noreferrer"', () => {
    expect(renderNotes('[read](https://example.com/post)')).toBe(
      '<p><a href="https://example.com/post" rel="noopener noreferrer">read</a></p>',
    );
    expect(renderNotes('[read](http://example.com/post)')).toBe(
      '<p><a href="http://example.com/post" rel="noopener noreferrer">read</a></p>',
    );
  });

  test('keeps mailto and relative links, without rel', () => {
    expect(renderNotes('[mail](mailto:a@example.com)')).toBe('<p><a href="mailto:a@example.com">mail</a></p>');
    expect(renderNotes('[section](/data-platforms/)')).toBe('<p><a href="/data-platforms/">section</a></p>');
  });

  test('does not let a title attribute smuggle markup', () => {
    expect(renderNotes('[x](https://example.com "a\\" onmouseover=\\"alert(1)")')).toBe(
      '<p><a href="https://example.com" title="a&#x22; onmouseover=&#x22;alert(1)" rel="noopener noreferrer">x</a></p>',
    );
  });
});

describe('renderNotes: empty notes', () => {
  test('renders no notes as an empty string', () => {
    expect(renderNotes('')).toBe('');
  });

  test('renders whitespace-only notes as an empty string', () => {
    expect(renderNotes('  \n\n\t ')).toBe('');
  });
});

describe('notesText', () => {
  test('gives the shipped note without its list marker', () => {
    expect(notesText('\n- Acquire, Process, Surface, Act\n')).toBe('Acquire, Process, Surface, Act');
  });

  test('drops Markdown syntax and keeps one line per block', () => {
    expect(notesText('# Why\n\nSome **bold** and [a link](https://example.com).\n\n1. one\n2. ~~two~~')).toBe(
      'Why\nSome bold and a link.\none\ntwo',
    );
  });

  test('keeps table cells as separate lines', () => {
    expect(notesText('| a | b |\n| - | - |\n| 1 | 2 |')).toBe('a\nb\n1\n2');
  });

  test('keeps raw HTML and code as the text that was written', () => {
    expect(notesText('hi <script>alert(1)</script>\n\n```\n<i>x</i>\n```')).toBe('hi <script>alert(1)</script>\n<i>x</i>');
  });

  test('gives an empty string for no notes', () => {
    expect(notesText('')).toBe('');
    expect(notesText(' \n\n ')).toBe('');
  });
});

describe('renderNotes: footnotes of several entries on one page', () => {
  const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
  const targets = (html: string) => [...html.matchAll(/\shref="#([^"]+)"/g)].map((match) => match[1]!);
  const describedBy = (html: string) => [...html.matchAll(/\saria-describedby="([^"]+)"/g)].map((match) => match[1]!);
  const note = 'A claim[^1] and another[^2].\n\n[^1]: The first source.\n[^2]: The second source.';

  test('gives each entry its own ids, so no id repeats on the page', () => {
    const first = renderNotes(note, 'data-platforms/one');
    const second = renderNotes(note, 'data-products/two');
    const all = [...ids(first), ...ids(second)];
    expect(all.length).toBeGreaterThan(4);
    expect(new Set(all).size).toBe(all.length);
  });

  test('points every footnote link and description at an id in the same entry’s notes', () => {
    for (const entryId of ['data-platforms/one', 'data-products/two']) {
      const html = renderNotes(note, entryId);
      const own = new Set(ids(html));
      expect(targets(html)).toHaveLength(4);
      for (const target of [...targets(html), ...describedBy(html)]) expect(own.has(target), target).toBe(true);
    }
  });

  test('keeps the user-content- prefix, so a footnote id never clobbers a DOM global', () => {
    for (const id of ids(renderNotes(note, 'data-platforms/one'))) expect(id).toMatch(/^user-content-data-platforms--one-/);
  });

  test('keeps two entries apart even when one id is the other with a hyphen moved', () => {
    expect(notesIdPrefix('a-b/c')).not.toBe(notesIdPrefix('a/b-c'));
  });
});

describe('renderNotes: reference-style images', () => {
  test('shows a relative image written by reference as its alt text', () => {
    expect(renderNotes('![a diagram][r]\n\n[r]: /package.json')).toBe('<p>a diagram</p>');
  });

  test('shows a reference image whose definition is not http(s) as its alt text', () => {
    expect(renderNotes('![x][r]\n\n[r]: javascript:alert(1)')).toBe('<p>x</p>');
    expect(renderNotes('![x][r]\n\n[r]: ../../etc/passwd')).toBe('<p>x</p>');
  });

  test('keeps a reference image to an absolute http(s) address, matching labels case-blind', () => {
    expect(renderNotes('![chart][Fig 1]\n\n[fig 1]: HTTPS://example.com/chart.png')).toBe(
      '<p><img src="https://example.com/chart.png" alt="chart"></p>',
    );
  });

  test('uses the first definition of a label, as the renderer does', () => {
    expect(renderNotes('![x][r]\n\n[r]: https://example.com/a.png\n[r]: /local.png')).toBe(
      '<p><img src="https://example.com/a.png" alt="x"></p>',
    );
    expect(renderNotes('![x][r]\n\n[r]: /local.png\n[r]: https://example.com/a.png')).toBe('<p>x</p>');
  });
});
