declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  /** Tables, strikethrough, task lists and highlighted code blocks (GitHub-flavoured Markdown). */
  export function gfm(service: TurndownService): void;
}
