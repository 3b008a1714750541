/**
 * The small print of each card on a listing or a collection, as the whole text of a short block:
 * when it was posted ("5 hours ago"), how long it reads ("7 min read"), what it scored ("44
 * reactions"). What the cards are about (their titles, excerpts, prices and ratings) stays. In English, German, French, Spanish,
 * Italian, Dutch and Portuguese.
 */
import { shortTextMatching } from './boilerplate';

const UNIT = '(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?|y|yrs?|years?)';

const CARD_FURNITURE = new RegExp(
  `^(${[
    // When the card was posted.
    `(about |over |almost )?(\\d+|an?|one)\\s*${UNIT}\\.? ago`,
    '(just now|yesterday|today)',
    'vor (\\d+|einem|einer) (sekunden?|minuten?|stunden?|tag(en)?|wochen?|monat(en)?|jahr(en)?)',
    'il y a (\\d+|une?) (secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)',
    'hace (\\d+|una?) (segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(es)?|años?)',
    '(\\d+|una?) (second[oi]|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi]) fa',
    '(\\d+|een) (seconden?|minuten?|uur|dagen?|weken?|maanden?|jaar) geleden',
    'há (\\d+|uma?) (segundos?|minutos?|horas?|dias?|semanas?|m[eê]s(es)?|anos?)',
    // How long it reads or plays.
    '\\d+\\s*(min(ute)?s?|m) (read|watch|listen)',
    '\\d+\\s*min(\\.|uten)? (lesezeit|lesen)',
    '(lecture|lectura|lettura) (de )?\\d+\\s*min',
    // What it scored.
    '\\d[\\d.,]*\\s*[kmKM]?\\s+(reactions?|comments?|replies|likes?|shares?|views?|votes?|points?)',
  ].join('|')})[\\s!.:·•|]*$`,
  'iu',
);
const CARD_FURNITURE_CHARS = 60;

export const isCardFurniture = shortTextMatching(CARD_FURNITURE, CARD_FURNITURE_CHARS);
