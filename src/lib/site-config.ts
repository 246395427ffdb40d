/**
 * Settings of a deployment that are not Astro's own (site and base live in astro.config.mjs).
 * Read from the environment at build time.
 */

/**
 * The repository "Edit this page" links point to, as its web address
 * (https://github.com/owner/guide). Empty by default: a copy of the guide does not
 * know where it is hosted, and a link to the wrong repository is worse than none,
 * so without GUIDE_REPO_URL the pages show no edit link.
 */
export const DEFAULT_REPO_URL = '';

/** The branch edits are proposed against; GUIDE_REPO_BRANCH overrides it. */
export const DEFAULT_REPO_BRANCH = 'main';

const env = (name: string): string | undefined => globalThis.process?.env?.[name]?.trim() || undefined;

/** The repository web address in use for this build ('' when there is none). */
export const REPO_URL = env('GUIDE_REPO_URL') ?? DEFAULT_REPO_URL;
export const REPO_BRANCH = env('GUIDE_REPO_BRANCH') ?? DEFAULT_REPO_BRANCH;

/**
 * The web editor URL for a file of the repository: `<repo>/edit/<branch>/<path>` (GitHub,
 * Gitea, Forgejo), `<repo>/-/edit/<branch>/<path>` on GitLab. Undefined without a repository.
 */
export function editUrl(
  filePath: string,
  repoUrl: string = REPO_URL,
  branch: string = REPO_BRANCH,
): string | undefined {
  if (!repoUrl) return undefined;
  const repo = repoUrl.replace(/\/+$/, '').replace(/\.git$/, '');
  const path = filePath
    .replace(/^\.?\/+/, '')
    .split('/')
    .map(encodeURIComponent)
    .join('/');
  const edit = /(^|\.)gitlab\./.test(new URL(repo).hostname) ? '/-/edit/' : '/edit/';
  return `${repo}${edit}${branch}/${path}`;
}
