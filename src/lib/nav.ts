/** Names and descriptions of the site's sections; the one source for navigation labels. */
import type { CollectionName, ToolCategory } from '../schemas';
import { collectionPath } from './urls';

/** How each collection presents itself. */
export const SECTIONS: Record<CollectionName, { label: string; singular: string; description: string }> = {
  roles: {
    label: 'Roles',
    singular: 'Role',
    description: 'What backend, frontend and full-stack developers do, and how the roles compare.',
  },
  languages: {
    label: 'Languages',
    singular: 'Language',
    description: 'The programming languages backends are written in, their strengths and their frameworks.',
  },
  tools: {
    label: 'Tools',
    singular: 'Tool',
    description: 'Frameworks, databases, containers, cloud platforms and the everyday tools of backend work.',
  },
  guides: {
    label: 'Guides',
    singular: 'Guide',
    description: 'Long-form chapters on data, APIs, architecture, skills and careers in backend development.',
  },
  faq: {
    label: 'FAQ',
    singular: 'Question',
    description: 'Short, direct answers to the questions learners ask most about backend development.',
  },
};

/** Human labels for tool categories. */
export const CATEGORY_LABELS: Record<ToolCategory, string> = {
  framework: 'Frameworks',
  database: 'Databases',
  containers: 'Containers',
  'version-control': 'Version control',
  'ci-cd': 'CI/CD',
  'api-client': 'API clients',
  editor: 'Editors',
  cloud: 'Cloud platforms',
  messaging: 'Messaging and real-time',
  orchestration: 'Orchestration',
  'web-server': 'Web servers and proxies',
  observability: 'Observability',
  search: 'Search engines',
  infrastructure: 'Infrastructure as code',
  testing: 'Testing',
  cms: 'Content management',
};

/** One link of the primary navigation. */
export interface NavLink {
  label: string;
  path: string;
}

/** The primary navigation: the learning paths, one link per section and the comparisons; never per entry. */
export const PRIMARY_NAV: readonly NavLink[] = [
  { label: 'Learning paths', path: '/paths/' },
  { label: SECTIONS.guides.label, path: collectionPath('guides') },
  { label: SECTIONS.roles.label, path: collectionPath('roles') },
  { label: SECTIONS.languages.label, path: collectionPath('languages') },
  { label: SECTIONS.tools.label, path: collectionPath('tools') },
  { label: SECTIONS.faq.label, path: collectionPath('faq') },
  { label: 'Compare', path: '/compare/' },
];

/** Whether a nav link is the current section of `pathname` (both without base). */
export function isCurrentSection(link: NavLink, pathname: string): boolean {
  return pathname === link.path || pathname.startsWith(link.path);
}
