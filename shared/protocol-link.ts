/**
 * What an offprint:// link asks of the app, as the main side hands it to the window.
 * Any web page can fire such a link, so a save is only ever a request for the user to confirm.
 */
export type ProtocolLinkRequest =
  { action: 'save'; url: string } | { action: 'open'; id: string } | { action: 'malformed'; message: string };
