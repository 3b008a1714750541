import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../../electron/core/capture/sanitize-article';
import { expectInOrder, extractFixture } from './extraction-fixtures';

describe('formulas written in MathML', () => {
  it("keeps each formula in its sentence, without its typesetter's wrappers, drawn copy or TeX source", () => {
    const { text, body } = extractFixture('article-mathml-formulas.html', 'https://slow-physics.test/pendulum');
    expectInOrder(text, [
      'For a small swing the period is',
      'T',
      '=',
      '2',
      'π',
      'L',
      'g',
      'where the length is measured',
      'cancels the growth of one metal',
      'α',
      'brass',
      'stays equal to the steel',
      'f',
      '=',
      '1',
      'gives the beats per second',
    ]);
    expect(body.querySelectorAll('math').length).toBe(4);
    // A custom element that also holds a picture is the page's own: the picture stays with the formula.
    expect(body.querySelector('img[alt="A gridiron pendulum"]')).not.toBeNull();
    expect(body.querySelector('math[display="block"] msqrt mfrac')).not.toBeNull();
    expect(body.innerHTML).not.toMatch(/tex-|annotation|\\pi/);
  });

  it('keeps MathML Core but not its annotations or attributes other than display and mathvariant', () => {
    expect(
      sanitizeArticleHtml(
        '<p>x <math display="inline" onclick="a()" href="javascript:a()"><semantics><mi mathvariant="normal" style="color:red">a</mi><annotation-xml encoding="text/html"><p>b</p></annotation-xml></semantics></math></p>',
      ),
    ).toBe('<p>x <math display="inline"><semantics><mi mathvariant="normal">a</mi></semantics></math></p>');
  });
});
