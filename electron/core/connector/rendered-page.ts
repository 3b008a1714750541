/** What the browser extension hands the app: the page as the user's browser rendered it. */
import { z } from 'zod';

export const MAX_SUPPLIED_IMAGES = 100;

const httpUrl = z
  .string()
  .max(8_192)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'an http(s) address');

const suppliedImage = z.object({
  url: httpUrl,
  /** The bytes, base64: the extension fetched them with the user's session. */
  data: z.string().max(20_000_000),
});

export const renderedPageSchema = z.object({
  url: httpUrl,
  title: z.string().max(2_000).default(''),
  /** document.documentElement.outerHTML after the page's scripts ran, lazy images resolved. */
  html: z.string().min(1).max(45_000_000),
  selection: z
    .object({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().trim().min(1).max(100_000),
      prefix: z.string().max(1_000).default(''),
      suffix: z.string().max(1_000).default(''),
    })
    .optional(),
  images: z.array(suppliedImage).max(MAX_SUPPLIED_IMAGES).optional(),
});

export type RenderedPage = z.output<typeof renderedPageSchema>;
export type RenderedPageInput = z.input<typeof renderedPageSchema>;

export const saveLinkSchema = z.object({ url: httpUrl });
