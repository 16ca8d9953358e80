import type { TermKindDef } from './taxonomyTypes.ts';
import type { TermInput } from './taxonomyDoc.ts';

/**
 * The taxonomy every new workspace starts with: the main cyber-norms initiatives, their
 * commitments, the five IGF stakeholder groups and incidents often discussed. Labels and
 * descriptions are short paraphrases written for Normspace.
 */
export const starterKinds: TermKindDef[] = [
  { id: 'norm', label: 'Norm', color: '#1d4ed8', order: 1 },
  { id: 'agreement', label: 'Agreement', color: '#7e22ce', order: 2 },
  { id: 'stakeholder', label: 'Stakeholder group', color: '#047857', order: 3 },
  { id: 'incident', label: 'Incident', color: '#b91c1c', order: 4 },
];

type Row = [id: string, label: string, description: string];

function group(kind: string, parentId: string | undefined, rows: Row[], sourceUrl?: string): TermInput[] {
  return rows.map(([id, label, description]) => ({
    id,
    kind,
    label,
    description,
    ...(parentId ? { parentId } : {}),
    ...(sourceUrl ? { sourceUrl } : {}),
  }));
}

const agreements: Row[] = [
  ['ungge-2015', 'UN GGE 2015 report', 'Eleven voluntary norms for state behaviour (A/70/174, para 13), endorsed by UNGA resolution 70/237.'],
  ['paris-call', 'Paris Call (2018)', 'Nine principles for trust and security in cyberspace, launched by France at IGF Paris.'],
  ['gcsc', 'GCSC norms (2019)', 'Eight norms from the Global Commission on the Stability of Cyberspace; norms 3–8 form the Singapore package.'],
  ['tech-accord', 'Cybersecurity Tech Accord (2018)', 'Four principles signed by technology companies.'],
  ['charter-of-trust', 'Charter of Trust (2018)', 'Ten principles from an industry-led initiative presented at the Munich Security Conference.'],
  ['contract-for-the-web', 'Contract for the Web (2019)', 'Nine principles for governments, companies and citizens.'],
  ['malabo', 'AU Malabo Convention (2014)', 'African Union convention on cyber security and personal data protection.'],
  ['sco-2009', 'SCO agreement (2009)', 'Shanghai Cooperation Organisation agreement on international information security.'],
  ['sco-code', 'SCO Code of Conduct (2011/2015)', 'Proposed international code of conduct for information security.'],
  ['oewg-2021', 'UN OEWG report (2021)', 'Final report of the UN Open-ended Working Group.'],
  ['g7-dinard', 'G7 Dinard Declaration (2019)', 'G7 declaration on responsible state behaviour in cyberspace.'],
  ['asean-2018', 'ASEAN statement (2018)', 'ASEAN leaders\' statement on cybersecurity cooperation.'],
  ['budapest', 'Budapest Convention (2001)', 'Council of Europe convention on cybercrime.'],
  ['eu-toolbox', 'EU Cyber Diplomacy Toolbox (2017)', 'EU framework for a joint diplomatic response to malicious cyber activities.'],
  ['christchurch', 'Christchurch Call (2019)', 'Commitments to eliminate terrorist and violent extremist content online.'],
  ['gfce-delhi', 'GFCE Delhi Communiqué (2017)', 'Global Forum on Cyber Expertise communiqué on capacity building.'],
  ['sadc-model-laws', 'SADC model laws', 'Southern African Development Community model laws on cybercrime and data protection.'],
];

const ungge: Row[] = [
  ['ungge-2015-a', 'GGE a · Cooperate for stability', 'States work together for a stable, secure use of ICTs and to prevent harmful practices.'],
  ['ungge-2015-b', 'GGE b · Consider all information', 'Weigh all relevant information, including context and attribution challenges, before responding to an incident.'],
  ['ungge-2015-c', 'GGE c · No territory for wrongful acts', 'Do not knowingly let your territory be used for internationally wrongful acts using ICTs.'],
  ['ungge-2015-d', 'GGE d · Consider how to cooperate', 'Consider how best to cooperate to exchange information, assist each other and prosecute terrorist and criminal use of ICTs.'],
  ['ungge-2015-e', 'GGE e · Human rights online', 'Respect human rights online, including privacy and freedom of expression.'],
  ['ungge-2015-f', 'GGE f · Do not harm critical infrastructure', 'Do not conduct or knowingly support ICT activity, contrary to your obligations under international law, that intentionally damages or impairs critical infrastructure providing services to the public (any state\'s).'],
  ['ungge-2015-g', 'GGE g · Protect own critical infrastructure', 'Take measures to protect your own critical infrastructure from ICT threats.'],
  ['ungge-2015-h', 'GGE h · Answer requests for assistance', 'Respond to appropriate requests for assistance from states whose critical infrastructure is attacked, and to requests to mitigate such activity coming from your own territory.'],
  ['ungge-2015-i', 'GGE i · Supply-chain integrity', 'Ensure the integrity of the supply chain; prevent the spread of malicious tools and hidden functions.'],
  ['ungge-2015-j', 'GGE j · Report vulnerabilities', 'Encourage responsible reporting of ICT vulnerabilities and share remedies.'],
  ['ungge-2015-k', 'GGE k · Leave CERTs alone', 'Do not harm emergency response teams, and do not use them for malicious activity.'],
];

const paris: Row[] = [
  ['paris-1', 'Paris 1 · Protect individuals and infrastructure', 'Prevent and recover from malicious cyber activity that threatens or causes significant, indiscriminate or systemic harm to individuals and critical infrastructure.'],
  ['paris-2', 'Paris 2 · Protect the Internet', 'Prevent activity that damages the general availability or integrity of the Internet\'s public core.'],
  ['paris-3', 'Paris 3 · Defend electoral processes', 'Strengthen capacity to prevent interference by foreign actors with electoral processes through malicious cyber activity.'],
  ['paris-4', 'Paris 4 · Defend intellectual property', 'Prevent ICT-enabled theft of intellectual property and trade secrets for commercial advantage.'],
  ['paris-5', 'Paris 5 · Non-proliferation', 'Stop the spread of malicious software and practices meant to cause harm.'],
  ['paris-6', 'Paris 6 · Lifecycle security', 'Strengthen the security of digital products and services throughout their lifecycle and supply chain.'],
  ['paris-7', 'Paris 7 · Cyber hygiene', 'Support efforts to strengthen an advanced cyber hygiene for all actors.'],
  ['paris-8', 'Paris 8 · No private hack-back', 'Take steps to prevent non-state actors, the private sector included, from hacking back, for their own purposes or for others.'],
  ['paris-9', 'Paris 9 · Promote international norms', 'Promote wide acceptance of international norms of responsible behaviour.'],
];

const gcsc: Row[] = [
  ['gcsc-1', 'GCSC 1 · Public core', 'Do not interfere with the public core of the Internet.'],
  ['gcsc-2', 'GCSC 2 · Electoral infrastructure', 'Do not disrupt the technical infrastructure that elections depend on.'],
  ['gcsc-3', 'GCSC 3 · No tampering with products', 'Do not tamper with products and services in development or production in ways that weaken stability.'],
  ['gcsc-4', 'GCSC 4 · No botnets', 'Do not commandeer the public\'s ICT devices into botnets.'],
  ['gcsc-5', 'GCSC 5 · Vulnerability equities process', 'States run procedurally transparent processes to decide whether and when to disclose vulnerabilities they find, with a default presumption in favour of disclosure.'],
  ['gcsc-6', 'GCSC 6 · Reduce vulnerabilities', 'Developers and producers reduce significant vulnerabilities and mitigate them quickly.'],
  ['gcsc-7', 'GCSC 7 · Basic cyber hygiene', 'States adopt and require basic cyber hygiene measures.'],
  ['gcsc-8', 'GCSC 8 · No offensive operations by non-state actors', 'Non-state actors do not engage in offensive cyber operations, and states prevent such activity and respond when it happens.'],
];

const techAccord: Row[] = [
  ['techaccord-1', 'Tech Accord 1 · Stronger defense', 'Protect all users and customers everywhere.'],
  ['techaccord-2', 'Tech Accord 2 · No offense', 'Do not help governments launch attacks against innocent citizens and enterprises.'],
  ['techaccord-3', 'Tech Accord 3 · Capacity building', 'Help users, developers and customers strengthen their protection.'],
  ['techaccord-4', 'Tech Accord 4 · Collective action', 'Work with each other and like-minded groups to improve cybersecurity.'],
];

const charter: Row[] = [
  ['cot-1', 'Charter 1 · Ownership at the top', 'Cybersecurity is owned at the highest level of government and business.'],
  ['cot-2', 'Charter 2 · Supply-chain responsibility', 'Companies take responsibility for security throughout the supply chain.'],
  ['cot-3', 'Charter 3 · Security by default', 'Products come with the highest appropriate security settings preconfigured.'],
  ['cot-4', 'Charter 4 · User-centricity', 'Be a trusted partner to users throughout a reasonable lifecycle of products, systems and services.'],
  ['cot-5', 'Charter 5 · Innovation and co-creation', 'Partners build common understanding and develop new approaches together.'],
  ['cot-6', 'Charter 6 · Education', 'Cybersecurity is part of training and education.'],
  ['cot-7', 'Charter 7 · Certification for critical infrastructure', 'Critical infrastructure and IoT solutions are independently certified.'],
  ['cot-8', 'Charter 8 · Transparency and response', 'Share information about incidents and respond together.'],
  ['cot-9', 'Charter 9 · Regulatory framework', 'Promote multilateral cooperation in regulation and standards.'],
  ['cot-10', 'Charter 10 · Joint initiatives', 'Drive joint initiatives with all relevant stakeholders.'],
];

const contract: Row[] = [
  ['cftw-1', 'Contract 1 · Everyone can connect', 'Governments make sure everyone can connect to the Internet.'],
  ['cftw-2', 'Contract 2 · Keep it available', 'Governments keep the whole Internet available, without shutdowns.'],
  ['cftw-3', 'Contract 3 · Governments respect privacy', 'Governments respect and protect people\'s privacy and data rights.'],
  ['cftw-4', 'Contract 4 · Affordable and accessible', 'Companies make the Internet affordable and accessible to everyone.'],
  ['cftw-5', 'Contract 5 · Companies respect privacy', 'Companies respect and protect people\'s privacy and personal data.'],
  ['cftw-6', 'Contract 6 · Technology for the best in us', 'Companies develop technology that supports the best in humanity.'],
  ['cftw-7', 'Contract 7 · Create and collaborate', 'Citizens create and collaborate on the web.'],
  ['cftw-8', 'Contract 8 · Civil discourse', 'Citizens build strong communities that respect discourse and dignity.'],
  ['cftw-9', 'Contract 9 · Fight for the web', 'Citizens fight for a web that stays open for everyone.'],
];

const stakeholders: Row[] = [
  ['gov', 'Government', 'National and local government bodies.'],
  ['igo', 'Intergovernmental organization', 'Organizations whose members are states.'],
  ['cs', 'Civil society', 'Non-governmental organizations, advocates and individuals.'],
  ['tech', 'Technical community', 'Standards bodies, network operators, CERTs and researchers.'],
  ['private', 'Private sector', 'Companies and industry associations.'],
];

const incidents: Row[] = [
  ['inc-estonia', 'Estonia DDoS (2007)', 'Weeks of denial-of-service attacks against Estonian public and private services.'],
  ['inc-stuxnet', 'Stuxnet (2010)', 'Sabotage of uranium-enrichment centrifuges through their industrial control systems.'],
  ['inc-shamoon', 'Shamoon (2012)', 'Disk-wiping malware that crippled tens of thousands of computers at Saudi Aramco.'],
  ['inc-ukraine-grid', 'Ukraine power grid (2015)', 'Intrusion that cut electricity to hundreds of thousands of customers.'],
  ['inc-mirai', 'Mirai botnet (2016)', 'Hijacked IoT devices used for record denial-of-service attacks.'],
  ['inc-wannacry', 'WannaCry (2017)', 'Self-spreading ransomware that disrupted hospitals, including the NHS.'],
  ['inc-notpetya', 'NotPetya (2017)', 'Destructive malware disguised as ransomware that spread worldwide from Ukraine.'],
  ['inc-solarwinds', 'SolarWinds (2020)', 'Backdoor inserted into a widely used network-management product\'s updates.'],
  ['inc-exchange', 'Exchange servers (2021)', 'Mass exploitation of vulnerabilities in on-premises e-mail servers.'],
  ['inc-colonial', 'Colonial Pipeline (2021)', 'Ransomware attack that led to the shutdown of a major fuel pipeline.'],
];

export const starterTerms: TermInput[] = [
  ...group('agreement', undefined, agreements),
  ...group('norm', 'ungge-2015', ungge, 'https://undocs.org/A/70/174'),
  ...group('norm', 'paris-call', paris),
  ...group('norm', 'gcsc', gcsc),
  ...group('norm', 'tech-accord', techAccord),
  ...group('norm', 'charter-of-trust', charter),
  ...group('norm', 'contract-for-the-web', contract),
  ...group('stakeholder', undefined, stakeholders),
  ...group('incident', undefined, incidents),
];
