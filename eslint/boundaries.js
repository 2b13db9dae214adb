// The layer boundaries, as one ESLint rule (`boundaries/layers`). Each file belongs to a layer by
// its path; an import (static, re-export or dynamic) is resolved to the layer of its target and
// checked against the matrix below. Tests, test helpers and fixtures are outside the layers.
//
//   domain   → domain only (browser-safe: no node: modules, no process.env; the web imports it)
//   engines  → domain and their own engine (ingest, evaluation, reports; shipped data under
//              fixtures/ too); no file system, environment or child processes — the server
//              injects fonts and converters
//   db       ↛ server, cli
//   use cases ↛ Fastify, routes, the HTTP edge (server/errors.ts, app.ts)
//   web      → web and src/domain only
import { dirname, isAbsolute, relative, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const ENGINES = ['ingest', 'evaluation', 'reports'];
const NODE_SIDE_EFFECTS = /^(node:)?(fs|fs\/promises|child_process|os|cluster|net|dgram|http|https|http2|dns|tls|readline|repl|vm|worker_threads)$/;
const ENGINE_FORBIDDEN_MODULES = /^(node:)?(fs|fs\/promises|child_process|os|cluster|net|dgram|http|https|http2|dns|tls|readline|repl|vm)$/;
const SERVER_LIBRARIES = /^(fastify|fastify-.*|@fastify\/.*|pg|pg-boss|drizzle-orm(\/.*)?|@electric-sql\/.*|nodemailer)$/;
const FASTIFY = /^(fastify|fastify-.*|@fastify\/.*)$/;

/** The layer of a repository-relative path, or null when no rule applies to it. */
function layerOf(path) {
  if (/(^|\/)(testing|__fixtures__)\//.test(path) || /\.test\.(ts|tsx|mjs)$/.test(path)) return null;
  if (path.startsWith('web/')) return 'web';
  const m = /^src\/([^/]+)\//.exec(path);
  if (!m) return path.startsWith('fixtures/') ? 'fixtures' : null;
  if (m[1] === 'server' && path.startsWith('src/server/use-cases/')) return 'use-cases';
  return m[1];
}

/** Why `target` (a repository-relative path, or a package name when `bare`) may not be imported from `from`; null when it may. */
function violation(from, target, bare) {
  const to = bare ? null : layerOf(target) ?? (target.startsWith('src/') ? target.split('/')[1] : target.split('/')[0]);
  if (from === 'domain') {
    if (bare) return /^node:|^(fs|path|os|child_process)$/.test(target) ? 'domain 须可在浏览器中运行，不能导入 Node 模块 (domain must stay browser-safe)' : null;
    return to === 'domain' ? null : `domain 不能依赖 ${to} (domain depends on nothing)`;
  }
  if (ENGINES.includes(from)) {
    if (bare) {
      if (ENGINE_FORBIDDEN_MODULES.test(target)) return `引擎不能直接使用 ${target}：文件、环境变量、子进程由服务端注入 (engines get files, environment and processes injected)`;
      return SERVER_LIBRARIES.test(target) ? `引擎不能导入服务端或数据库库 ${target} (engines import no server or database libraries)` : null;
    }
    return to === 'domain' || to === from || to === 'fixtures' ? null : `引擎 ${from} 只能依赖 domain (engines depend on domain only, not ${to})`;
  }
  if (from === 'db') {
    if (bare) return FASTIFY.test(target) ? `数据库层不能导入 ${target} (db does not depend on the HTTP server)` : null;
    return to === 'server' || to === 'use-cases' || to === 'cli' ? `数据库层不能依赖 ${to} (db does not depend on server or cli)` : null;
  }
  if (from === 'use-cases') {
    if (bare) return FASTIFY.test(target) ? `用例不能导入 ${target}：用例与传输无关 (use cases are transport-free)` : null;
    if (/^src\/server\/(routes\/|app\.ts$|errors\.ts$|openapi)/.test(target) || to === 'cli') return `用例不能依赖 HTTP 层 ${target} (use cases are transport-free; throw appError from src/domain/errors.ts)`;
    return null;
  }
  if (from === 'web') {
    if (bare) return NODE_SIDE_EFFECTS.test(target) ? `前端不能导入 Node 模块 ${target}` : null;
    return to === 'web' || to === 'domain' ? null : `前端只能导入 web 与 src/domain，不能导入 ${target} (web imports web and src/domain only)`;
  }
  return null;
}

function check(context, node, source) {
  if (!source || typeof source.value !== 'string') return;
  const file = relative(ROOT, context.filename);
  const from = layerOf(file);
  if (!from) return;
  const spec = source.value;
  const bare = !spec.startsWith('.') && !isAbsolute(spec);
  const target = bare ? spec : relative(ROOT, resolve(dirname(context.filename), spec));
  const why = violation(from, target, bare);
  if (why) context.report({ node: source, message: `${why}: '${spec}'` });
}

const layers = {
  meta: { type: 'problem', docs: { description: 'Enforces the layer boundaries of src/ and web/' }, schema: [] },
  create(context) {
    const file = relative(ROOT, context.filename);
    const from = layerOf(file);
    return {
      ImportDeclaration: (node) => check(context, node, node.source),
      ExportNamedDeclaration: (node) => check(context, node, node.source),
      ExportAllDeclaration: (node) => check(context, node, node.source),
      ImportExpression: (node) => check(context, node, node.source.type === 'Literal' ? node.source : null),
      MemberExpression(node) {
        // process.env in domain and engines: configuration is read by the server and passed in.
        if ((from === 'domain' || ENGINES.includes(from)) && node.object.type === 'Identifier' && node.object.name === 'process'
          && node.property.type === 'Identifier' && node.property.name === 'env') {
          context.report({ node, message: `${from} 不能读取 process.env：配置由服务端读取后传入 (engines read no environment)` });
        }
      },
    };
  },
};

export default { meta: { name: 'boundaries' }, rules: { layers } };
