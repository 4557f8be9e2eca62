/**
 * First-token command sets and the aggressive-strategy rename map, as the predecessor
 * (`CommandDefanger` in `cowrieprocessor/loader/defanging.py`) defines them.
 *
 * Kept verbatim so that risk levels and scores match data the predecessor already scored.
 * Notable absences (`uname`, `nohup`, `busybox`, `sudo`, …) are deliberate: they classify as
 * "unknown", which the predecessor also did.
 *
 * @module
 */

/** First tokens that classify as `safe` (47 entries). */
export const SAFE_COMMANDS: ReadonlySet<string> = new Set([
  'ls', 'pwd', 'whoami', 'id', 'date', 'uptime', 'df', 'free', 'ps', 'top', 'htop', 'cat',
  'head', 'tail', 'grep', 'find', 'locate', 'which', 'whereis', 'type', 'help', 'man', 'info',
  'history', 'echo', 'print', 'printf', 'env', 'set', 'unset', 'alias', 'cd', 'dir', 'tree',
  'file', 'stat', 'wc', 'sort', 'uniq', 'cut', 'awk', 'sed', 'tr', 'rev', 'tac', 'less', 'more',
]);

/**
 * First tokens that classify as `moderate` (23 entries). `ftp, rsync, scp, sftp, ssh, telnet`
 * are also in {@link DANGEROUS_COMMANDS}; the moderate set is consulted first, so as a first
 * token they stay moderate.
 */
export const MODERATE_COMMANDS: ReadonlySet<string> = new Set([
  'mkdir', 'rmdir', 'touch', 'chmod', 'chown', 'ln', 'cp', 'mv', 'tar', 'zip', 'unzip', 'gzip',
  'gunzip', 'bzip2', 'bunzip2', 'rsync', 'scp', 'sftp', 'ftp', 'telnet', 'ssh', 'ping', 'traceroute',
]);

/** First tokens that classify as `dangerous`, and the words the aggressive strategy rewrites (58 entries). */
export const DANGEROUS_COMMANDS: ReadonlySet<string> = new Set([
  'rm', 'del', 'format', 'fdisk', 'mkfs', 'dd', 'shred', 'wipe', 'bash', 'sh', 'zsh', 'csh', 'tcsh',
  'ksh', 'fish', 'dash', 'python', 'python3', 'perl', 'ruby', 'node', 'php', 'java', 'curl', 'wget',
  'nc', 'netcat', 'ncat', 'socat', 'telnet', 'ssh', 'scp', 'rsync', 'ftp', 'sftp', 'aria2c',
  'powershell', 'cmd', 'powershell.exe', 'cmd.exe', 'rundll32', 'reg', 'regedit', 'gpedit',
  'msconfig', 'services', 'taskmgr', 'schtasks', 'at', 'wmic', 'wscript', 'cscript', 'certutil',
  'bitsadmin', 'vssadmin', 'wevtutil', 'bcdedit', 'diskpart',
]);

/**
 * Renames applied to dangerous words under the aggressive strategy (27 entries), so that a
 * defanged line pasted into a shell does not run. Dangerous words without an entry are only
 * lower-cased.
 */
export const COMMAND_RENAMES: ReadonlyMap<string, string> = new Map([
  ['bash', 'bxsh'], ['sh', 'sx'], ['python', 'pythxn'], ['python3', 'pythxn3'], ['perl', 'pxrl'],
  ['curl', 'cxrl'], ['wget', 'wxgt'], ['nc', 'nx'], ['netcat', 'nxcat'], ['rm', 'rx'], ['del', 'dxl'],
  ['format', 'fxrmat'], ['dd', 'dx'], ['powershell', 'pxwershell'], ['cmd', 'cxd'],
  ['rundll32', 'rxndll32'], ['reg', 'rxg'], ['regedit', 'rxgdit'], ['wmic', 'wxic'],
  ['wscript', 'wxcript'], ['cscript', 'cxript'], ['certutil', 'cxrtutil'], ['bitsadmin', 'bxtsadmin'],
  ['vssadmin', 'vxsadmin'], ['wevtutil', 'wxvtutil'], ['bcdedit', 'bxdxt'], ['diskpart', 'dxskpart'],
]);
