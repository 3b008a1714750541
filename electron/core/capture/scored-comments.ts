/**
 * A thread of comments written as `<article>`s (link aggregators, federated boards) looks like a
 * blog's comment section: WordPress writes each comment as `<article class="comment-body">` too.
 * What tells them apart is the score: every reply of an aggregator's thread carries its votes or
 * points ("26 Upvotes"), a blog's comments do not.
 */
import { classAndId, wordsOf } from './boilerplate';

const SCORE_WORDS = new Set([
  'vote',
  'votes',
  'voting',
  'upvote',
  'upvotes',
  'downvote',
  'downvotes',
  'score',
  'points',
  'karma',
]);
/** Cheap look before the words are split: the names and labels that could hold one. */
const MAYBE_SCORE = /vote|score|points|karma/i;

const namesScore = (value: string | null) =>
  !!value && MAYBE_SCORE.test(value) && wordsOf(value).some((word) => SCORE_WORDS.has(word));

const showsScore = (element: Element) =>
  namesScore(element.getAttribute('aria-label')) ||
  namesScore(element.getAttribute('title')) ||
  namesScore(classAndId(element));

function carriesScore(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling)
    if (showsScore(child) || carriesScore(child)) return true;
  return false;
}

/** `<article>`s named as comments by their class or id. */
export const isCommentArticle = (article: Element) => /comment/i.test(classAndId(article));

/** How many of these comments carry a score, counting up to `enough`. */
export function countScoredComments(comments: Element[], enough: number): number {
  let n = 0;
  for (const comment of comments) if (carriesScore(comment) && ++n >= enough) break;
  return n;
}
