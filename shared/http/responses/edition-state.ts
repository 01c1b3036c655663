import * as z from 'zod/mini';
import { editionStates } from '../../editions/edition-states';
import { responseSchema } from '../openapi/component-names';

/** An edition's state in an answer; its own module, so answers that name it do not load the edition's schemas. */
export const EditionState = responseSchema('EditionState', () => z.enum(editionStates));
