/**
 * Syntax checks for fenced code blocks, each with its own language's real
 * toolchain (or its reference parser where the language has no CLI here).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseGraphql } from 'graphql';
import { parseSync as parseSql, loadModule as loadSqlParser } from 'libpg-query';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';

/** The verdict on one block: undefined when it passed, else the checker's message. */
type Checker = (code: string) => string | undefined | Promise<string | undefined>;

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
  yaml: (code) => catching(() => parseYaml(code)),
  graphql: (code) => catching(() => parseGraphql(code)),
};

/** Fence languages that are prose-like by nature (plain text, HTTP messages) and have nothing to compile. */
export const UNCHECKED = new Set(['text', 'http']);
