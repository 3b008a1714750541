import { describe, expect, it } from 'vitest';
import { stripInertMarkup } from '../../../electron/core/capture/strip-inert-markup';

describe('stripInertMarkup', () => {
  it('removes scripts, styles and comments but keeps JSON-LD', () => {
    const html =
      '<p>a</p><script>x()</script><style>p{}</style><!-- c --><script type="application/ld+json">{"@type":"Article"}</script><p>b</p>';
    expect(stripInertMarkup(html)).toBe(
      '<p>a</p><script type="application/ld+json">{"@type":"Article"}</script><p>b</p>',
    );
  });

  it('leaves each field to fill in as an empty <input>, and no trace of a hidden one', () => {
    const html =
      '<form><input type="hidden" name="id" value="7"><input type=text name="q" placeholder="Search"><select name="s"><option>a</option></select><textarea>draft</textarea></form>';
    expect(stripInertMarkup(html)).toBe('<form><input><input><input></form>');
    expect(stripInertMarkup("<form action='#'><INPUT TYPE='HIDDEN' name=x><p>post</p></form>")).toBe(
      "<form action='#'><p>post</p></form>",
    );
  });

  it('leaves a radio button its name and id, by which its group and labels are found', () => {
    const html =
      '<input type="radio" id="size-s" name="Size" value="S" checked data-id="9"><label for="size-s">S</label><input type=RADIO name=\'Size\'>';
    expect(stripInertMarkup(html)).toBe(
      '<input type="radio" id="size-s" name="Size"><label for="size-s">S</label><input type="radio" name=\'Size\'>',
    );
  });

  it('removes navigation, asides and footers with everything nested in them', () => {
    const html =
      '<nav><ul><li><nav>inner</nav> tail of outer</li></ul></nav><p>story</p><aside><footer>x</footer><aside>y</aside> z</aside><footer>end</footer>';
    expect(stripInertMarkup(html)).toBe('<p>story</p>');
  });

  it('keeps the JSON-LD that sits inside a footer, for the metadata', () => {
    const ld = '<script type="application/ld+json">{"headline":"H"}</script>';
    expect(stripInertMarkup(`<p>story</p><footer><p>© site</p>${ld}</footer>`)).toBe(`<p>story</p>${ld}`);
  });

  it('leaves a sidebar or footer that holds a byline for Readability to read', () => {
    const byline = '<aside><p class="byline">By Ana Writer</p><a href="/more">More</a></aside>';
    const author = '<footer><a rel="author" href="/ana">Ana Writer</a></footer>';
    expect(stripInertMarkup(`${byline}<p>story</p>${author}<footer>© site</footer>`)).toBe(
      `${byline}<p>story</p>${author}`,
    );
  });

  it('leaves an unclosed element to the parser rather than cutting the rest of the page', () => {
    const html = '<nav><a href="/">Home</a><p>the story, after a nav that is never closed</p>';
    expect(stripInertMarkup(html)).toBe(html);
  });

  it('does not mistake a longer tag name for one of its own', () => {
    const html = '<navigation-bar>n</navigation-bar><asidebar>a</asidebar><p>story</p>';
    expect(stripInertMarkup(html)).toBe(html);
  });

  it('reads a stray <![CDATA[ in HTML as a browser does: a bogus comment up to the next ">"', () => {
    const html = '<body><![CDATA[\n<div id="top"></div><p>the whole thread</p></body>';
    // The comment swallows the <div id="top"> tag, as it does in a browser; the rest of the page stays.
    expect(stripInertMarkup(html)).toBe('<body></div><p>the whole thread</p></body>');
    const jsonLd = '<script type="application/ld+json"><![CDATA[{"@type":"Article"}]]></script>';
    expect(stripInertMarkup(`${jsonLd}<p>story</p>`)).toBe(`${jsonLd}<p>story</p>`);
  });
});
