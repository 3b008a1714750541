import { describe, expect, it } from 'vitest';
import { confirmedHeadline, pageTitle, withoutSiteName } from '../../../electron/core/capture/headline';

describe('the page title', () => {
  it('cuts "Headline | Site" to the headline the <h1> or og:title confirms, however short', () => {
    expect(confirmedHeadline('Pricing | Acme Cloud', ['Pricing'])).toBe('Pricing');
    expect(confirmedHeadline('Acme Cloud: Pricing', [null, 'Pricing'])).toBe('Pricing');
    // The longest confirmed run: a headline with its own colon keeps it.
    expect(confirmedHeadline('Rust: the good parts | Blog | Acme', ['Rust: the good parts'])).toBe(
      'Rust: the good parts',
    );
    expect(confirmedHeadline('Pricing | Acme Cloud', ['Something else'])).toBe('Pricing | Acme Cloud');
  });

  it('drops a site name the host name spells or og:site_name states, at either end', () => {
    expect(withoutSiteName('Office moves | Brightway Removals', null, 'https://www.brightway.test/x')).toBe(
      'Office moves',
    );
    expect(withoutSiteName('Todo Pro | A list for your whole life', null, 'https://todopro.test/')).toBe(
      'A list for your whole life',
    );
    expect(withoutSiteName('Office moves – The Movers', 'The Movers', 'https://m.test/')).toBe('Office moves');
    expect(withoutSiteName('Rates and fees - 2025', null, 'https://bank.test/')).toBe('Rates and fees - 2025');
  });

  it('takes the one <h1> only when the titles agree with it: a lone <h1> may be the logo', () => {
    const clues = { siteName: null, ogTitle: null, h1s: ['Silicon Notes'] };
    expect(
      pageTitle('Open flow for programmable logic', { ...clues, headline: 'Silicon Notes' }, 'https://s.test/'),
    ).toBe('Open flow for programmable logic');
    expect(
      pageTitle(
        'Trends in photography - Photo Blog',
        { ...clues, headline: '8 Recent Trends in Photography' },
        'https://p.test/',
      ),
    ).toBe('8 Recent Trends in Photography');
  });
});
