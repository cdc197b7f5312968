import { describe, expect, it } from 'vitest';
import { commands } from '../../src/shared/contract';
import { browserHostFor, urlForBinding } from '../../src/main/engine/containers/ports';

describe('the URL of a published port', () => {
  it('opens any-address bindings on loopback and keeps specific addresses', () => {
    expect(browserHostFor('0.0.0.0')).toBe('127.0.0.1');
    expect(browserHostFor('')).toBe('127.0.0.1');
    expect(browserHostFor('::')).toBe('[::1]');
    expect(browserHostFor('127.0.0.1')).toBe('127.0.0.1');
    expect(browserHostFor('::1')).toBe('[::1]');
    expect(browserHostFor('192.168.1.5')).toBe('192.168.1.5');
  });

  it('is http://HOST:PORT/ built from the binding (https for 443 and 8443)', () => {
    expect(urlForBinding({ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }).toString()).toBe('http://127.0.0.1:8080/');
    expect(urlForBinding({ containerPort: 80, protocol: 'tcp', hostIp: '::', hostPort: 8080 }).toString()).toBe('http://[::1]:8080/');
    expect(urlForBinding({ containerPort: 443, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8443 }).toString()).toBe('https://127.0.0.1:8443/');
    expect(urlForBinding({ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 80 }).toString()).toBe('http://127.0.0.1/');
  });

  it('refuses a binding without a host port or with a host that is not an IP', () => {
    expect(() => urlForBinding({ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1' })).toThrow(/no host port/);
    expect(() => urlForBinding({ containerPort: 80, protocol: 'tcp', hostIp: 'evil.example/x?', hostPort: 80 })).toThrow(/not an IP/);
    expect(() => urlForBinding({ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 70000 })).toThrow(/no host port/);
  });
});

describe('containers.openPort input', () => {
  const schema = commands['containers.openPort'].input;
  it('takes only an id, a port number and tcp', () => {
    expect(schema.parse({ id: 'web', containerPort: 80 })).toEqual({ id: 'web', containerPort: 80, protocol: 'tcp' });
    for (const crafted of [
      { id: 'web', containerPort: 80, url: 'javascript:alert(1)' },
      { id: 'web', containerPort: 80, hostIp: 'evil.example' },
      { id: 'web', containerPort: '80/evil' },
      { id: 'web', containerPort: 80, protocol: 'udp' },
      { id: 'web', containerPort: 80, protocol: 'file' },
      { id: 'http://evil.example/', containerPort: 80 },
      { id: 'web', containerPort: 0 },
      { id: 'web', containerPort: 80.5 },
    ]) {
      expect(schema.safeParse(crafted).success, JSON.stringify(crafted)).toBe(false);
    }
  });
});
