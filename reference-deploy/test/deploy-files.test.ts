/**
 * The deployment files, parsed and checked structurally (no Docker engine here): services,
 * images, commands, env, healthchecks, volumes, probes, resources. Every `cowrie …` command and
 * flag they use is checked against the built CLI's --help, every COWRIE_* name against the
 * source that reads it, and every metric a dashboard or autoscaler reads against what the
 * services expose on /metrics.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFixture, type ApiFixture } from './support/api-fixture.js';

const here = fileURLToPath(new URL('..', import.meta.url));
const repo = join(here, '..');
const read = (p: string) => readFileSync(join(here, p), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as any;
const k8s = readdirSync(join(here, 'k8s')).filter((f) => f.endsWith('.yaml')).flatMap((f) => parseAllDocuments(read(`k8s/${f}`)).map((d) => d.toJSON()));
const ENTRY = ['node', '/app/packages/cli/dist/bin.js'];

/** Every cowrie command line the deployment runs: compose commands, k8s container args. */
function commandLines(): string[][] {
  const lines: string[][] = [];
  for (const s of Object.values<any>(compose.services)) if ((s.image ?? '').startsWith('cowrieprocessor')) lines.push(s.command);
  for (const doc of k8s) for (const c of containers(doc)) if (String(c.image).startsWith('cowrieprocessor')) lines.push(c.args);
  return lines;
}

function containers(doc: any): any[] {
  const spec = doc?.spec?.jobTemplate?.spec?.template?.spec ?? doc?.spec?.template?.spec;
  return spec ? [...(spec.initContainers ?? []), ...(spec.containers ?? [])] : [];
}

function cliHelp(words: string[]): string {
  return execFileSync(process.execPath, [join(repo, 'packages/cli/dist/bin.js'), ...words, '--help'], { encoding: 'utf8' });
}

/** Every COWRIE_* name some source file reads (the config surface). */
function knownEnv(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.ts')) for (const m of readFileSync(join(dir, e.name), 'utf8').matchAll(/COWRIE_[A-Z0-9_]+/g)) names.add(m[0]);
    }
  };
  for (const d of ['reference-deploy/src', 'packages/core/src', 'packages/cli/src', 'packages/queue/src', 'packages/enrichment/src', 'packages/detection/src']) walk(join(repo, d));
  return names;
}

describe('docker-compose.yml', () => {
  it('has the reference services, one image for ours, non-root, and healthchecks', () => {
    const s = compose.services;
    expect(Object.keys(s).sort()).toEqual(['api', 'coordinator', 'grafana', 'loader', 'migrate', 'postgres', 'prometheus', 'redis', 'worker']);
    for (const name of ['api', 'coordinator', 'worker', 'loader', 'migrate']) {
      expect(s[name].image, name).toBe('cowrieprocessor:latest');
      expect(s[name].build.dockerfile).toBe('reference-deploy/Dockerfile');
      expect(s[name].user).toBe('1000:1000');
    }
    expect(s.redis.profiles).toEqual(['redis']);
    expect(s.prometheus.profiles).toEqual(['monitoring']);
    expect(s.grafana.profiles).toEqual(['monitoring']);
    for (const name of ['postgres', 'api', 'coordinator', 'loader', 'prometheus', 'grafana', 'redis']) expect(s[name].healthcheck.test, name).toBeDefined();
    expect(s.api.healthcheck.test.join(' ')).toContain('http://127.0.0.1:8081/readyz');
    expect(s.coordinator.healthcheck.test.join(' ')).toContain('http://127.0.0.1:8082/healthz');
    expect(s.api.ports).toEqual(['8081:8081']);
    expect(s.coordinator.ports).toEqual(['8082:8082']);
    expect(s.worker.deploy.replicas).toBeGreaterThan(1);
    expect(s.loader.volumes[0]).toMatch(/:\/var\/log\/cowrie:ro$/);
    expect(s.loader.command[1]).toBe('/var/log/cowrie');
    expect(s.api.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(s.api.environment.COWRIE_DB_READ).toContain('cowrie_reader');
    expect(s.api.environment.COWRIE_COORDINATOR_URL).toBe('http://coordinator:8082');
    expect(s.grafana.volumes.join(' ')).toContain('./grafana/provisioning');
    expect(compose.configs['reader-role'].content).toContain('grant select on tables to cowrie_reader');
  });

  it('the Dockerfile is multi-stage, installs with npm install, runs as non-root with a healthcheck', () => {
    const d = read('Dockerfile');
    expect(d.match(/^FROM /gm)?.length).toBe(2);
    expect(d).toContain('npm install --no-audit --no-fund');
    for (const run of d.match(/^RUN .*(\n .*)*/gm) ?? []) expect(run).not.toMatch(/npm ci\b/);
    expect(d).toMatch(/^USER node$/m);
    expect(d).toMatch(/^HEALTHCHECK /m);
    expect(d).toContain(`ENTRYPOINT ${JSON.stringify(ENTRY).replace(/,/g, ', ')}`);
  });
});

describe('Kubernetes manifests', () => {
  const byKind = (kind: string) => k8s.filter((d) => d?.kind === kind);
  it('Deployments with probes, resources and a non-root security context', () => {
    const deps = byKind('Deployment');
    expect(deps.map((d) => d.metadata.name).sort()).toEqual(['cowrie-api', 'cowrie-coordinator', 'cowrie-worker']);
    for (const d of deps) {
      const spec = d.spec.template.spec;
      expect(spec.securityContext.runAsNonRoot, d.metadata.name).toBe(true);
      for (const c of spec.containers) {
        expect(c.resources.requests.cpu, d.metadata.name).toBeDefined();
        expect(c.resources.limits.memory, d.metadata.name).toBeDefined();
        if (d.metadata.name !== 'cowrie-worker') {
          expect(c.readinessProbe.httpGet.path).toBe('/readyz');
          expect(c.livenessProbe.httpGet.path).toBe('/healthz');
        }
      }
    }
  });

  it('a CronJob for loaders, Secrets for keys, and a worker HPA on queue depth (not CPU)', () => {
    const cron = byKind('CronJob');
    expect(cron).toHaveLength(1);
    expect(containers(cron[0])[0].args.slice(0, 2)).toEqual(['loader', '/var/log/cowrie']);
    expect(containers(cron[0])[0].args).toContain('--once');
    const secret = byKind('Secret').find((s) => s.metadata.name === 'cowrie-secrets');
    expect(Object.keys(secret.stringData).sort()).toEqual(['COWRIE_API_KEYS', 'COWRIE_API_SECRET', 'COWRIE_DB', 'COWRIE_DB_READ', 'COWRIE_QUEUE']);
    const hpa = byKind('HorizontalPodAutoscaler')[0];
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef.name).toBe('cowrie-worker');
    expect(hpa.spec.metrics.map((m: any) => m.type)).toEqual(['External']);
    expect(hpa.spec.metrics[0].external.metric.name).toBe('cowrie_queue_jobs');
    const api = byKind('Deployment').find((d) => d.metadata.name === 'cowrie-api');
    const env = api.spec.template.spec.containers[0].env.map((e: any) => e.name);
    expect(env).toContain('COWRIE_API_KEYS');
    expect(api.spec.template.spec.containers[0].env.find((e: any) => e.name === 'COWRIE_API_KEYS').valueFrom.secretKeyRef.name).toBe('cowrie-secrets');
  });
});

describe('cross-checks against the real CLI, config and /metrics', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('sqlite');
  });
  afterAll(async () => f?.close());

  it('every cowrie command and flag used exists in the CLI', () => {
    const lines = commandLines();
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) {
      const words = line.filter((w) => !w.startsWith('-') && !w.startsWith('/') && !/^\d/.test(w) && !/^\d+[smh]$/.test(w));
      const cmd: string[] = [];
      for (const w of words) {
        const help = cliHelp(cmd);
        if (!new RegExp(`^  ${w}\\b`, 'm').test(help)) break;
        cmd.push(w);
      }
      expect(cmd.length, `"cowrie ${line.join(' ')}": no such command`).toBeGreaterThan(0);
      const help = cliHelp(cmd);
      expect(help, `cowrie ${line.join(' ')}`).not.toMatch(/^\s*Commands:/m);
      for (const flag of line.filter((w) => w.startsWith('--'))) expect(help, `cowrie ${cmd.join(' ')} ${flag}`).toContain(flag);
    }
  });

  it('every COWRIE_* name used is read by the code', () => {
    const known = knownEnv();
    const used = new Set<string>();
    const text = read('docker-compose.yml') + readdirSync(join(here, 'k8s')).map((x) => read(`k8s/${x}`)).join('\n') + read('Dockerfile');
    for (const m of text.matchAll(/COWRIE_[A-Z0-9_]+/g)) used.add(m[0]);
    const extra = ['COWRIE_LOG_DIR', 'COWRIE_READER_PASSWORD']; // compose interpolation only, not read by the code
    for (const name of used) if (!extra.includes(name)) expect(known.has(name), `${name} is not read anywhere`).toBe(true);
    expect(used.size).toBeGreaterThan(8);
  });

  it('every metric the dashboard and the HPA read is exposed', async () => {
    const apiMetrics = await (await f.get('/metrics', null)).text();
    const exposed = new Set([...apiMetrics.matchAll(/^# TYPE (\S+) (\S+)/gm)].flatMap((m) => (m[2] === 'histogram' ? [m[1]!, `${m[1]}_bucket`, `${m[1]}_sum`, `${m[1]}_count`] : [m[1]!])));
    const coord = readFileSync(join(repo, 'reference-deploy/src/coordinator/coordinator-metrics.ts'), 'utf8');
    for (const m of coord.matchAll(/name: '(cowrie_[a-z_]+)'/g)) for (const s of ['', '_bucket', '_sum', '_count']) exposed.add(`${m[1]}${s}`);
    const dash = JSON.parse(read('grafana/dashboards/cowrie.json'));
    const exprs: string[] = dash.panels.flatMap((p: any) => p.targets.map((t: any) => t.expr));
    const hpa = k8s.find((d) => d?.kind === 'HorizontalPodAutoscaler');
    const adapter = k8s.find((d) => d?.kind === 'ConfigMap' && d.metadata.name === 'cowrie-adapter-rules');
    const names = [...exprs, JSON.stringify(hpa), adapter.data['config.yaml']].flatMap((e) => [...e.matchAll(/\bcowrie_[a-z_]+\b/g)].map((m) => m[0]));
    expect(names.length).toBeGreaterThan(10);
    for (const n of names) expect(exposed.has(n), `${n} is not exposed by any service`).toBe(true);
  });
});
