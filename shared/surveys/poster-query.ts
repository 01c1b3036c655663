import * as z from 'zod/mini';
import { languages } from '../language';
import { contactChannels, contactMatters } from './survey';

/** An empty parameter (`?kanal=`, what a form with nothing chosen sends) means "not pre-filled". */
const orEmpty = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.optional(z.union([z.literal(''), z.enum(values)]));

/**
 * The poster's query (issue 18 §1): `kanal` and `sprawa` pre-fill the link in the QR code (a poster
 * for one desk or channel) under the same names the answer page reads; `lang` prints it in English.
 * Its own small module, so the surveys route reads it without loading the PDF code.
 */
export const PosterQuery = z.object({
  kanal: orEmpty(contactChannels),
  sprawa: orEmpty(contactMatters),
  lang: z.optional(z.enum(languages)),
});
export type PosterQuery = z.infer<typeof PosterQuery>;
