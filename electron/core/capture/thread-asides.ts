/**
 * What a board adds to a thread that nobody in it wrote: a summary of the discussion a language
 * model drew up (folded under "Click for summary"), and a bot's post (a moderator bot's sticky
 * reminder of the rules, signed "I am a bot"). Both repeat the board's or the thread's words.
 */
import { classAndId, wordsOf } from './boilerplate';
import { squeezeSpace } from './squeeze-space';

/** Class and id words of a generated summary: a model's name beside a summary's. */
const MODEL_WORDS = new Set(['ai', 'gpt', 'chatgpt', 'llm', 'gptts']);
const SUMMARY_WORDS = new Set(['summary', 'summaries', 'summarize', 'summarizer', 'overview', 'tldr', 'digest']);

/** The line that opens a folded summary ("Click for summary", "AI summary", "Summarized by AI"). */
const SUMMARY_LINE =
  /^(click (here )?(for|to (see|show|read|expand)) (the |an )?(ai |thread |discussion )?summary|(ai|ai-generated|generated|thread|discussion) summary|summar(y|ised|ized) by (ai|\p{L}+ ?gpt)|tl;?dr( by ai)?)[\s.:!…]*$/iu;
const SUMMARY_LINE_CHARS = 60;

const MAYBE_SUMMARY = /summar|overview|tldr|digest/i;

function namesMachineSummary(element: Element): boolean {
  const name = classAndId(element);
  if (name.length < 4 || !MAYBE_SUMMARY.test(name)) return false;
  const words = wordsOf(name);
  return words.some((word) => MODEL_WORDS.has(word)) && words.some((word) => SUMMARY_WORDS.has(word));
}

/** A folded <details> whose <summary> says it holds a summary of the thread. */
function isFoldedSummary(element: Element): boolean {
  if (element.tagName !== 'DETAILS' || element.hasAttribute('open')) return false;
  const label = element.querySelector('summary');
  const text = squeezeSpace(label?.textContent ?? '');
  return text.length > 0 && text.length <= SUMMARY_LINE_CHARS && SUMMARY_LINE.test(text);
}

/** A summary of the thread that a language model drew up, named as one or folded under a summary line. */
export const isMachineSummary = (element: Element) =>
  (element.hasAttributes() && namesMachineSummary(element)) || isFoldedSummary(element);

/** How a bot signs its post, in the words such bots use. */
const BOT_SIGNATURE =
  /\bI(?: am|['’]m) an? (?:\p{L}+ )?bot\b|\bthis (?:action|comment|post|message) was (?:performed|posted|generated|made) automatically\b|\bbeep,? boop\b/iu;
/** A bot's post is short: a block holding more is the thread around it. */
export const BOT_POST_CHARS = 1500;

/** A text node that may hold a bot's signature (or its first words, a link cutting the sentence): tested once per node. */
export const mayBeBotLine = (text: string) => /\bbot\b|automatically|beep/i.test(text);

/** Whether a post's text (at most BOT_POST_CHARS) is a bot's. */
export const isBotPost = (text: string) => BOT_SIGNATURE.test(text);

/**
 * A board's word to visitors above or under a thread: its welcome and rules, its invitation to
 * guests to sign up before they can post. Each phrase holds the board's, not a poster's, voice.
 */
const BOARD_NOTICE = new RegExp(
  [
    'welcome to .{1,60}\\b(forums?|boards?|communit(y|ies))\\b',
    'before you (start )?post(ing)?,? (please )?read',
    'by (posting|registering) (to|on|in|at) this (forum|board|site|community),? you agree',
    "you(['’]re| are) (currently )?(browsing|viewing|visiting) .{1,60} as an? (guest|visitor)",
    '(sign up|register|log ?in|create an account) .{0,60}to (be able to )?(post|reply|view|see|download|remove)',
    '^\\s*(sign ?up|sign ?in|register|log ?in) to (add|follow|save|vote|like|bookmark)\\b',
    'already have an account\\?',
    '(this )?(forum )?(post|thread|topic|discussion) is (now )?archived',
    '(commenting|replying|posting) (has been|is) (disabled|closed)',
  ].join('|'),
  'iu',
);
/** A notice is a few sentences: a longer block is a post that quotes one. */
export const BOARD_NOTICE_CHARS = 400;

export const isBoardNotice = (text: string) => text.length <= BOARD_NOTICE_CHARS * 2 && BOARD_NOTICE.test(text);

/**
 * The lines of a block written with <br> ("Powered by …<br>Copyright © …"), or null when it has no
 * <br> of its own: each line is judged alone.
 */
export function linesOf(element: Element): string[] | null {
  const lines: string[] = [];
  let line = '';
  let broken = false;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).tagName === 'BR') {
      broken = true;
      lines.push(line);
      line = '';
    } else line += node.textContent ?? '';
  }
  if (!broken) return null;
  lines.push(line);
  return lines.map(squeezeSpace).filter(Boolean);
}
