/**
 * Gives every article image its real source before extraction: lazy-loading attributes,
 * <noscript> fallbacks, <picture> sources and srcset all become one plain `src`.
 * Tracking pixels are dropped here so that they are neither kept nor downloaded.
 */
import { pickSrcsetCandidate } from './srcset';

const LAZY_SRC = ['data-src', 'data-original', 'data-lazy-src', 'data-hi-res-src', 'data-url'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];
const SPENT_ATTRIBUTES = new Set(['srcset', 'sizes', 'loading', ...LAZY_SRC, ...LAZY_SRCSET]);
const PLACEHOLDER =
  /^data:|(?:^|[/_-])(placeholder|blank|spacer|transparent|lazy|loading|pixel|grey|gray|empty|1x1)[\w-]*\.(gif|png|svg|jpe?g|webp)/i;
const SKIPPED_SOURCE_TYPES = /svg|jxl/i;

/** Hosts that serve beacons, never pictures. */
const BEACON_HOSTS = [
  'google-analytics.com',
  'googletagmanager.com',
  'doubleclick.net',
  'googleadservices.com',
  'googlesyndication.com',
  'facebook.com',
  'facebook.net',
  'scorecardresearch.com',
  'quantserve.com',
  'pixel.wp.com',
  'stats.wp.com',
  'bat.bing.com',
  'analytics.twitter.com',
  'ads.linkedin.com',
  'ct.pinterest.com',
  'mc.yandex.ru',
  'chartbeat.net',
  'pixel.parsely.com',
  'omtrdc.net',
  'demdex.net',
  'hit.gemius.pl',
  'sb.scorecardresearch.com',
  'amazon-adsystem.com',
  'adsrvr.org',
  'krxd.net',
  'newrelic.com',
  'nr-data.net',
  'hotjar.com',
  'segment.io',
  'mixpanel.com',
];

function hasRealSrc(img: Element): boolean {
  const src = img.getAttribute('src')?.trim();
  return !!src && !PLACEHOLDER.test(src);
}

function promoteLazySource(img: Element): void {
  for (const name of LAZY_SRCSET) {
    const value = img.getAttribute(name)?.trim();
    if (value) {
      img.setAttribute('srcset', value);
      break;
    }
  }
  for (const name of LAZY_SRC) {
    const value = img.getAttribute(name)?.trim();
    if (value && !PLACEHOLDER.test(value)) {
      img.setAttribute('src', value);
      break;
    }
  }
  const srcset = img.getAttribute('srcset');
  if (srcset) {
    const best = pickSrcsetCandidate(srcset);
    if (best) img.setAttribute('src', best);
  }
  // One pass over the attributes the image has, rather than a removal (and attribute walk) per known name.
  for (const name of img.getAttributeNames()) if (SPENT_ATTRIBUTES.has(name)) img.removeAttribute(name);
}

/** <picture>: keep its <img>, fed from the best <source> when the img itself has nothing real. */
function flattenPicture(picture: Element): void {
  const document = picture.ownerDocument;
  let img = picture.querySelector('img');
  if (!img) {
    img = document.createElement('img');
    picture.appendChild(img);
  }
  const hasOwn = hasRealSrc(img) || LAZY_SRC.some((a) => img.hasAttribute(a)) || img.hasAttribute('srcset');
  if (!hasOwn) {
    for (const source of picture.querySelectorAll('source')) {
      if (SKIPPED_SOURCE_TYPES.test(source.getAttribute('type') ?? '')) continue;
      const srcset = source.getAttribute('srcset') ?? source.getAttribute('data-srcset');
      if (srcset) {
        img.setAttribute('srcset', srcset);
        break;
      }
    }
  }
  picture.replaceWith(img);
}

/** <noscript><img></noscript> after a lazy placeholder: the noscript copy wins when the placeholder has nothing real. */
function unwrapNoscript(noscript: Element): void {
  const images = [...noscript.querySelectorAll('img')];
  if (images.length === 0) return;
  const previous = noscript.previousElementSibling;
  const placeholder =
    previous?.tagName === 'IMG'
      ? previous
      : previous?.querySelectorAll('img').length === 1
        ? previous.querySelector('img')
        : null;
  if (placeholder && images.length === 1) {
    if (!hasRealSrc(placeholder)) {
      for (const name of ['alt', 'width', 'height', 'title']) {
        const value = placeholder.getAttribute(name);
        if (value && !images[0].hasAttribute(name)) images[0].setAttribute(name, value);
      }
      placeholder.replaceWith(images[0]);
    }
    noscript.remove();
    return;
  }
  noscript.replaceWith(...images);
}

export function isTrackingImage(img: Element): boolean {
  const width = Number.parseInt(img.getAttribute('width') ?? '', 10);
  const height = Number.parseInt(img.getAttribute('height') ?? '', 10);
  if ((width >= 0 && width <= 1) || (height >= 0 && height <= 1)) return true;
  try {
    const host = new URL(img.getAttribute('src') ?? '').hostname;
    return BEACON_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
  } catch {
    return false;
  }
}

/** Run after URL resolution, so that beacon hosts can be recognised. */
export function prepareImages(document: Document): void {
  // getElementsByTagName is a plain walk; querySelectorAll runs the selector engine on every element.
  for (const img of [...document.getElementsByTagName('img')]) promoteLazySource(img);
  for (const noscript of [...document.getElementsByTagName('noscript')]) unwrapNoscript(noscript);
  for (const picture of [...document.getElementsByTagName('picture')]) flattenPicture(picture);
  for (const img of [...document.getElementsByTagName('img')]) {
    if (img.hasAttribute('srcset')) promoteLazySource(img);
    if (!hasRealSrc(img) || isTrackingImage(img)) img.remove();
  }
}
