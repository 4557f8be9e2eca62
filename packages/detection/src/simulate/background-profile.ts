/**
 * What is common in the background a campaign hides in: credential pairs and tooling
 * fingerprints with their weights, most common first. The bench derives one from the real
 * captures (`backgroundProfileFrom…` in bench/), so campaigns borrow real, common fingerprints
 * and credentials; {@link DEFAULT_BACKGROUND} is a stand-in with the same shape for unit tests.
 */
export interface BackgroundProfile {
  credentials: Array<{ username: string; password: string }>;
  tooling: Array<{ clientVersion: string; hassh: string | null }>;
}

/** Typical heads of SSH honeypot credential and client-version lists (synthetic hashes). */
export const DEFAULT_BACKGROUND: BackgroundProfile = {
  credentials: [
    ['root', '123456'], ['admin', 'admin'], ['root', 'root'], ['root', 'password'], ['ubnt', 'ubnt'], ['root', ''], ['test', 'test'],
    ['user', 'user'], ['root', 'admin'], ['oracle', 'oracle'], ['root', '12345'], ['pi', 'raspberry'], ['admin', 'password'],
    ['root', '1234'], ['support', 'support'], ['guest', 'guest'], ['root', 'toor'], ['ftpuser', 'ftpuser'], ['postgres', 'postgres'],
    ['root', 'qwerty'], ['admin', '1234'], ['root', '123'], ['user', '123456'], ['git', 'git'], ['ubuntu', 'ubuntu'], ['root', 'P@ssw0rd'],
    ['mysql', 'mysql'], ['test', '123456'], ['admin', '123456'], ['root', 'abc123'], ['hadoop', 'hadoop'], ['deploy', 'deploy'],
    ['root', '1qaz2wsx'], ['root', 'Passw0rd'], ['nagios', 'nagios'], ['centos', 'centos'], ['root', 'default'], ['www', 'www'],
    ['tomcat', 'tomcat'], ['jenkins', 'jenkins'],
  ].map(([username, password]) => ({ username: username!, password: password! })),
  tooling: [
    { clientVersion: 'SSH-2.0-libssh_0.9.6', hassh: 'f555226df1963d1d3c09daf865abdc9a' },
    { clientVersion: 'SSH-2.0-Go', hassh: '0a07365cc01fa9fc82608ba4019af499' },
    { clientVersion: 'SSH-2.0-libssh2_1.8.0', hassh: 'ec7378c1a92f5a8dde7e8b7a1ddf33d1' },
    { clientVersion: 'SSH-2.0-paramiko_2.7.2', hassh: 'ec3c7e4e1e1d19c1d5d1f9e8a9b1c3d2' },
    { clientVersion: 'SSH-2.0-OpenSSH_7.4', hassh: 'b5752e36ba6c5979a575e43178908adf' },
    { clientVersion: 'SSH-2.0-PUTTY', hassh: '92674389fa1e47a27ddd8d9b63ecd42b' },
    { clientVersion: 'SSH-2.0-libssh-0.6.3', hassh: '51cba57125523ce4b9db67714a90bf6e' },
    { clientVersion: 'SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5', hassh: 'ae8bd7dd09970555aa4c6ed22adbbf56' },
  ],
};
