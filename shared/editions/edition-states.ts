/**
 * Edition states, in the only order they can be passed through (DESIGN.md §1, issue 4). A leaf module,
 * so a schema that names a state does not load (and build) the edition's own schemas.
 */
export const editionStates = ['draft', 'open', 'review', 'deliberation', 'published', 'archived'] as const;
export type EditionState = (typeof editionStates)[number];
