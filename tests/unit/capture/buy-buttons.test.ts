import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { installLinkedomFastPaths } from '../../../electron/core/capture/linkedom-fast-paths';
import { countBuyButtons } from '../../../electron/core/capture/page-type';

const parse = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;

describe('countBuyButtons', () => {
  it('counts the buy buttons that the selector button,a[role="button"],input[type="submit"] finds', () => {
    installLinkedomFastPaths();
    const document = parse(
      '<html><body><button>Add to cart</button><a role="button" href="#">Buy now</a><a role="BUTTON">Buy now</a>' +
        '<a href="/cart">Add to cart</a><input type="SUBMIT" value="Add to bag"><input type="submit" value="Search">' +
        '<input type="submits" value="Buy now"><input value="Buy now"><div role="button">Buy now</div>' +
        '<form><button type="button">  Jetzt   kaufen </button></form></body></html>',
    );
    expect(countBuyButtons(document)).toBe(4);
    // css-select's own answer to the selector (an attribute test on type is not a fast path).
    const found = [...(document.body?.querySelectorAll('button,a[role="button"],input[type="submit"]') ?? [])];
    expect(found.map((e) => e.getAttribute('value') ?? e.textContent?.trim())).toEqual([
      'Add to cart',
      'Buy now',
      'Add to bag',
      'Search',
      'Jetzt   kaufen',
    ]);
  });
});
