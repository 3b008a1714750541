/**
 * MathML Core, which the reader's engine draws: a formula is the story's text. Not its annotations,
 * which hold the formula's source (TeX) or markup of another kind. Both sanitizers allow these.
 */
export const MATHML_TAGS = [
  'math',
  'semantics',
  'mrow',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'mspace',
  'mfrac',
  'msqrt',
  'mroot',
  'mstyle',
  'merror',
  'mpadded',
  'mphantom',
  'msub',
  'msup',
  'msubsup',
  'munder',
  'mover',
  'munderover',
  'mmultiscripts',
  'mprescripts',
  'mtable',
  'mtr',
  'mtd',
] as const;

/** The only MathML attributes either sanitizer keeps, by element. */
export const MATHML_ATTRIBUTES = { math: ['display'], mi: ['mathvariant'] } as const;
