/** Paragraphs of a plausible working-group document (about 3 KB), written for the bench. */
export const SAMPLE_PARAGRAPHS: string[] = [
  'This background paper summarises the contributions received by the Best Practice Forum on Cybersecurity during its third cycle.',
  'Participants were asked which international cybersecurity norms their organisations had adopted, and how adoption was measured in practice.',
  'Several respondents described national strategies that refer explicitly to the voluntary norms of responsible state behaviour in cyberspace.',
  'Others pointed to sector-specific agreements, such as commitments by critical infrastructure operators to report incidents within a fixed time.',
  'A recurring theme was capacity building: many smaller administrations lack the staff to turn a high-level commitment into operational practice.',
  'Industry contributions stressed coordinated vulnerability disclosure and the need for clear channels between researchers, vendors and governments.',
  'Civil society groups asked for more transparency on how norms are implemented, and for independent review of incident attribution.',
  'The forum notes a gap between the number of agreements that mention supply chain security and the few that define measurable obligations.',
  'Case studies from three regions show that joint exercises build the trust that formal agreements alone do not create.',
  'We recommend that future cycles track implementation over time, using the same questions, so that progress can be compared across years.',
  'Comments on this draft are welcome until the end of the month; please tag passages with the relevant norm and stakeholder group.',
  'The editors thank every participant who took part in the calls and contributed text, examples and corrections to this paper.',
];
