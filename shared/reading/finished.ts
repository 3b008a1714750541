/**
 * When an article counts as read to the end: the store then sets `readAt`, and the reader offers
 * "archive when finished". Reading progress is 1 exactly when the end of the article text is in view,
 * so the threshold is just below 1 to absorb sub-pixel scroll rounding. (0.95 would call a long article
 * finished a screen or more before its end, and archive it while the reader is still reading it.)
 */
export const FINISHED_AT_PROGRESS = 0.995;

export const isFinished = (progress: number): boolean => progress >= FINISHED_AT_PROGRESS;
