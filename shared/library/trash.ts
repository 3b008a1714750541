/** Articles stay this many days in the Trash; older ones are removed for good when the library opens. */
export const TRASH_RETENTION_DAYS = 30;

export const TRASH_RETENTION_TEXT = `${TRASH_RETENTION_DAYS} days`;
