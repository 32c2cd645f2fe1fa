// Tremor colour names per series, shared by the client charts and the server-rendered legends
// (constants exported from a 'use client' module reach server components only as references).
export const POSITION_COLOURS = ['rose', 'orange', 'slate', 'sky', 'blue'];
export const CAMP_COLOURS = ['blue', 'amber', 'emerald', 'violet', 'rose', 'slate'];
export const EVIDENCE_COLOURS = ['amber', 'sky'];
