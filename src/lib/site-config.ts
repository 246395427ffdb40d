/**
 * Settings of a deployment that are not Astro's own (site and base live in astro.config.mjs).
 * Read from the environment at build time.
 */

import { env } from '../../config/env.ts';

/**
 * The repository "Edit this page" links point to (GUIDE_REPO_URL). Unset by default: a copy
 * of the guide does not know where it is hosted, and a link to the wrong repository is worse
 * than none, so without it the pages show no edit link.
 */
export const REPO_URL = env.repoUrl;
/** The branch edits are proposed against (GUIDE_REPO_BRANCH, default "main"). */
export const REPO_BRANCH = env.repoBranch;

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
