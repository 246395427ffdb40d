/** Names shown on CodeTabs tabs for the languages content is fenced with. */
const NAMES: Record<string, string> = {
  python: 'Python',
  javascript: 'JavaScript',
  js: 'JavaScript',
  typescript: 'TypeScript',
  ts: 'TypeScript',
  php: 'PHP',
  ruby: 'Ruby',
  go: 'Go',
  java: 'Java',
  csharp: 'C#',
  cs: 'C#',
  rust: 'Rust',
  kotlin: 'Kotlin',
  sql: 'SQL',
  bash: 'Shell',
  sh: 'Shell',
  json: 'JSON',
  yaml: 'YAML',
  graphql: 'GraphQL',
  http: 'HTTP',
  nginx: 'Nginx',
  caddyfile: 'Caddyfile',
  mermaid: 'Diagram',
  text: 'Text',
};

/** The tab name for a code block's language ("python" -> "Python"); unknown ones are shown as written. */
export function codeTabLabel(language: string | undefined): string {
  if (!language) return 'Code';
  return NAMES[language.toLowerCase()] ?? language;
}
