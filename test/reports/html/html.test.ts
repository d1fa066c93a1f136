import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { escapeHtml, html, renderHtml } from '../../../reports/html/html.js';

test('interpolated strings are escaped; nested markup and arrays are kept', () => {
  const name = '<b onclick="x">&\'';
  const page = renderHtml(html`<p title="${name}">${name}${[html`<i>${'<'}</i>`, 2]}${false}${undefined}</p>`);
  assert.equal(page, '<p title="&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;">&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;<i>&lt;</i>2</p>');
});

test('control characters and lone surrogates become U+FFFD', () => {
  assert.equal(escapeHtml('a\u0000b\u001bc\ud800d\te\n'), 'a\uFFFDb\uFFFDc\uFFFDd\te\n');
});

test('no string, however hostile, opens a tag, an entity or an attribute once escaped', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const escaped = escapeHtml(text);
      assert.doesNotMatch(escaped, /[<>"']/);
      assert.doesNotMatch(escaped, /&(?!amp;|lt;|gt;|quot;|#39;)/);
    }),
  );
});
