import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../electron/core/capture/decode-html';
import { repairMojibake } from '../../../electron/core/capture/repair-mojibake';

/** UTF-8 bytes read as Latin-1: each byte one character, 0x80–0x9F as C1 controls. */
const asLatin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** 0x80–0x9F in windows-1252; Node's decoder reads them as Latin-1 C1 controls. */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** UTF-8 bytes read as windows-1252, as a browser would (0x80–0x9F as curly quotes, dashes, €). */
const asWindows1252 = (text: string) =>
  asLatin1(text).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]);

const ENGLISH = 'You’ll see “quotes” — and an ellipsis… © 2024 Café™ 20 °C, 5 €';

describe('repairMojibake: double-encoded text is repaired', () => {
  it('repairs UTF-8 read as Latin-1 (C1 controls)', () => {
    expect(asLatin1(ENGLISH)).toContain('â\u0080\u0099');
    expect(repairMojibake(asLatin1(ENGLISH))).toBe(ENGLISH);
  });

  it('repairs UTF-8 read as windows-1252 ("â€™")', () => {
    expect(asWindows1252(ENGLISH)).toContain('â€™');
    expect(repairMojibake(asWindows1252(ENGLISH))).toBe(ENGLISH);
  });

  it('repairs every script and emoji once a page shows it is double-encoded', () => {
    const text = 'It’s: été, Straße, São Paulo, Привет, Ελληνικά, עברית, 中文, 日本語, 😞, ñ, ç.';
    expect(repairMojibake(asLatin1(text))).toBe(text);
    expect(repairMojibake(asWindows1252(text))).toBe(text);
  });

  it('repairs text encoded twice over', () => {
    expect(repairMojibake(asWindows1252(asWindows1252('don’t')))).toBe('don’t');
  });

  it('repairs a whole page through decodeHtml, markup and attributes included', () => {
    const page = `<html><head><meta charset="utf-8"><title>${asLatin1('What’s new')}</title></head><body><p>${asLatin1(ENGLISH)}</p></body></html>`;
    const { text, charset } = decodeHtml(Buffer.from(page, 'utf8'));
    expect(charset).toBe('utf-8');
    expect(text).toContain('<title>What’s new</title>');
    expect(text).toContain(`<p>${ENGLISH}</p>`);
  });

  it('repairs a UTF-8 page mislabelled as Latin-1', () => {
    const page = `<html><head><meta charset="iso-8859-1"></head><body><p>${ENGLISH}</p></body></html>`;
    expect(decodeHtml(Buffer.from(page, 'utf8')).text).toContain(ENGLISH);
  });
});

describe('repairMojibake: real text is never changed', () => {
  const REAL = [
    'Ça coûte à peine 5 € : « Où êtes-vous ? » — À bientôt, déjà vu, naïve, cœur, Œuvre.',
    'CAFÉ\u00a0! ÉTÉ\u00a0? Voilà\u00a0: à\u00a0« citation\u00a0».',
    'Die Straße war groß. »Gruß«, sagte er. Äpfel, Öl, Übermut, „Zitat“, weiß\u00a0nicht.',
    'São Paulo, IRMÃ\u00a0e MAÇÃ, Âmbito, ação, Coração — “citação”.',
    'Ñandú, ¿Qué? ¡Olé! Añejo, Güemes; 20°C, ±5, ½ taza, © 2024, ® marca, 3×4, ÷.',
    'Déjà vu… “Ah” – Ærø, Þór, ð, ø, å, ÿ, Ëlla’s «Ì»',
  ];

  it.each(REAL)('leaves %s as it is', (text) => {
    expect(repairMojibake(text)).toBe(text);
  });

  it('leaves ambiguous sequences alone when nothing shows the page is double-encoded', () => {
    // "Ã©tÃ©" is what "été" becomes, but without a sequence no real text writes there is no proof.
    expect(repairMojibake('Ã©tÃ© à Paris')).toBe('Ã©tÃ© à Paris');
  });

  it('leaves a lone letter-and-sign pair in a double-encoded page alone', () => {
    const text = `${asLatin1('it’s')} »Gruß« CAFÉ\u00a0!`;
    expect(repairMojibake(text)).toBe('it’s »Gruß« CAFÉ\u00a0!');
  });

  it('leaves windows-1252 pages decoded as such unchanged', () => {
    const bytes = Buffer.from('<p>caf\xe9 cr\xe8me br\xfbl\xe9e \x93quoted\x94 \x85 \xc2\xae</p>', 'latin1');
    const { text, charset } = decodeHtml(bytes, 'text/html; charset=windows-1252');
    expect(charset).toBe('windows-1252');
    expect(text).toBe('<p>café crème brûlée “quoted” … Â®</p>');
  });

  it('leaves sequences that are not well-formed UTF-8 as they are', () => {
    // An overlong form (C0 80) and a truncated three-byte one.
    const text = `${asLatin1('it’s')} À\u0080 â\u0080 end`;
    expect(repairMojibake(text)).toBe('it’s À\u0080 â\u0080 end');
  });
});
