// Subnets for test networks. Every private dockerd on this machine shares the host's routing
// table, so a test network gets a random 10.150-199.x.0/24 that no route or address uses now.
import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

function hostRoutes(): string {
  try {
    return execFileSync('ip', ['-4', 'route'], { encoding: 'utf8' }) + execFileSync('ip', ['-4', '-o', 'addr'], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

/** `{ subnet: '10.A.B.0/24', prefix: '10.A.B.' }`, not in the host's routes (nor handed out before by this process). */
export function freeSubnet(): { subnet: string; prefix: string } {
  const used = hostRoutes();
  for (;;) {
    const prefix = `10.${150 + randomInt(50)}.${randomInt(256)}.`;
    if (used.includes(prefix) || given.has(prefix)) continue;
    given.add(prefix);
    return { subnet: `${prefix}0/24`, prefix };
  }
}
const given = new Set<string>();
