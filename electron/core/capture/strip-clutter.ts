/**
 * Removes page furniture that Readability tends to keep because it sits inside the
 * article body: scripts and embeds, forms, dialogs, hidden elements, ad slots and bare buttons.
 */

const ALWAYS = 'script,style,template,iframe,object,embed,input,select,textarea';
/** Removed unless they hold the story (ASP.NET pages wrap the whole body in a <form>). */
const FURNITURE = 'form,dialog,[hidden],[aria-hidden="true"],[data-ad-slot],[data-ad],[data-advertisement],[role="dialog"],[role="alertdialog"]';
const NEVER = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE', 'H1']);

/** Furniture never holds the story: a block with several real paragraphs or the headline is kept. */
function holdsContent(element: Element): boolean {
  if (NEVER.has(element.tagName) || element.querySelector('h1,article,main')) return true;
  let long = 0;
  for (const p of element.querySelectorAll('p')) if ((p.textContent ?? '').length > 200 && ++long >= 3) return true;
  return false;
}

export function stripClutter(root: ParentNode): void {
  for (const element of root.querySelectorAll(ALWAYS)) {
    // JSON-LD often sits at the end of <body>; Readability reads the title and byline from it.
    if (element.getAttribute('type') !== 'application/ld+json') element.remove();
  }
  const removeUnlessContent = (element: Element) => {
    if (element.isConnected && !holdsContent(element)) element.remove();
  };
  for (const element of root.querySelectorAll(FURNITURE)) removeUnlessContent(element);
  for (const button of root.querySelectorAll('button')) if (!button.querySelector('img')) button.remove();
}
